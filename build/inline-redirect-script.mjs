/**
 * A Vite plugin for apps (and the demo) that serve MSAL's redirect page: it puts the redirect
 * page's own module script inline in the HTML, so the hidden sign-in iframe needs no request after
 * the page itself. The modules that script imports (MSAL's redirect bridge) are chunks the main
 * page already loaded with MSAL, so the browser takes them from its HTTP cache: on a cold start
 * this removes one round trip from the silent sign-in (redirect page → its script).
 *
 * Only the page's entry chunk is inlined (about 1.3 kB); its imports are rewritten from relative
 * to absolute URLs (an inline module resolves them against the page, not the assets folder). A
 * page whose Content-Security-Policy forbids inline scripts must allow this one by hash, or not
 * use the plugin.
 *
 * @example
 * ```js
 * // vite.config.js
 * import { inlineRedirectScript } from './build/inline-redirect-script.mjs';
 * export default { plugins: [inlineRedirectScript({ pages: ['redirect.html'] })] };
 * ```
 */

/**
 * @param {{ pages?: string[] }} [options] HTML files of the build (relative to its outDir) whose
 *   module script to inline; default `['redirect.html']`
 * @returns {import('vite').Plugin}
 */
export function inlineRedirectScript({ pages = ['redirect.html'] } = {}) {
  let base = '/';
  return {
    name: 'sso-callout:inline-redirect-script',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      for (const page of pages) {
        const html = bundle[page];
        if (html?.type !== 'asset') continue;
        const inlined = new Set();
        html.source = String(html.source).replace(
          /<script type="module" crossorigin src="([^"]+)"><\/script>/,
          (tag, /** @type {string} */ src) => {
            const fileName = src.startsWith(base) ? src.slice(base.length) : src.replace(/^\//, '');
            const chunk = bundle[fileName];
            if (chunk?.type !== 'chunk' || /\bimport\.meta\b/.test(chunk.code)) return tag;
            const folder = `${base}${fileName.slice(0, fileName.lastIndexOf('/') + 1)}`;
            const code = chunk.code
              .replace(/(\bfrom\s*|\bimport\s*\(?\s*)(["'])\.\/([^"']+)\2/g, `$1$2${folder}$3$2`)
              .replaceAll('</script', '<\\/script');
            inlined.add(fileName);
            return `<script type="module">${code.trim()}</script>`;
          },
        );
        for (const fileName of inlined) delete bundle[fileName];
      }
    },
  };
}
