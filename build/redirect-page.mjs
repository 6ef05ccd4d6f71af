/**
 * A Vite plugin for the library build: emits `redirect.html`, the ready redirect page of the MSAL
 * provider, with its whole script inline (MSAL's redirect bridge bundled in, minified). A site
 * copies this one file to its own origin and needs nothing else: no bundler, no second request
 * from the hidden sign-in iframe, no script from another origin (MSAL's answer must be relayed by
 * a page on the app's origin).
 *
 * The page's comment says how to host it and names the script's CSP hash
 * (`script-src 'sha256-…'`), which a Content-Security-Policy that forbids inline scripts must
 * allow. The script comes from a nested Vite build of `entry` as one chunk; an entry that would
 * split into several chunks fails the build instead of shipping a page that imports files it
 * does not have.
 *
 * @example
 * ```js
 * // vite.config.js (library build)
 * plugins: [redirectPage({ entry: 'src/redirect.ts', version: '0.1.0' })]
 * ```
 */
import { createHash } from 'node:crypto';
import { build } from 'vite';

/**
 * @param {{ entry: string, version: string, fileName?: string }} options `entry`: the page's
 *   script module (absolute path); `version`: the package version the page names;
 *   `fileName`: where in the build's output it goes, default `redirect.html`
 * @returns {import('vite').Plugin}
 */
export function redirectPage({ entry, version, fileName = 'redirect.html' }) {
  return {
    name: 'sso-callout:redirect-page',
    apply: 'build',
    async generateBundle() {
      const code = await bundleScript(entry);
      if (typeof code !== 'string') return this.error(code.problem);
      this.emitFile({ type: 'asset', fileName, source: pageWith(code, version) });
    },
  };
}

/**
 * The minified script of `entry` as one ES module, ready to put inside `<script type="module">`.
 * @param {string} entry
 * @returns {Promise<string | { problem: string }>}
 */
async function bundleScript(entry) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      target: 'es2022',
      sourcemap: false,
      lib: { entry, formats: ['es'], fileName: 'redirect' },
      // Whitespace too (library mode keeps it in ES output); MSAL's licence comment stays.
      rolldownOptions: { output: { minify: true, comments: { legal: true } } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((each) =>
    'output' in each ? each.output : [],
  );
  const chunks = outputs.filter((file) => file.type === 'chunk');
  if (chunks.length !== 1 || !chunks[0]) {
    return { problem: `${entry} must bundle into one chunk for the redirect page, not ${chunks.length}` };
  }
  // `</script` inside the code would end the element early.
  return chunks[0].code.trim().replaceAll('</script', '<\\/script');
}

/**
 * The redirect page around `code`.
 * @param {string} code
 * @param {string} version
 */
function pageWith(code, version) {
  const hash = createHash('sha256').update(code).digest('base64');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="referrer" content="no-referrer" />
    <title>Signing in…</title>
  </head>
  <body>
    <!--
      sso-callout ${version}: the redirect page of the MSAL provider (<callout-msal>, msalProvider).
      Azure AD sends its answer here; this page hands it to the page that asked, over a
      BroadcastChannel, and closes. Host this file on your app's own origin, at the redirect URI
      (by default /redirect.html), without Cross-Origin-Opener-Policy, with
      Cache-Control: no-store, and register that URL as a "Single-page application" redirect URI.
      The script below is inline: a Content-Security-Policy without 'unsafe-inline' must allow it
      with script-src 'sha256-${hash}'.
    -->
    <script type="module">${code}</script>
  </body>
</html>
`;
}
