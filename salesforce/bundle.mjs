// @ts-check
/**
 * Builds the Salesforce static resource in memory: one script for the LWS sandbox (lit, ky and
 * @azure/msal-browser inside) and the pages that run outside LWS on the org's origin. Used by
 * `npm run build:salesforce` (writes the files) and by the test runner (serves them, built on the
 * fly and cached), so the harness always tests what a team deploys.
 *
 * The sign-in page's identity-provider settings (client id, authority, metadata, scopes) are
 * fixed here, at build time: `sign-in.js` is compiled once with a placeholder, which
 * {@link signInPageFiles} replaces with the validated settings as JSON text. The page never takes
 * them from its URL (a link could otherwise send the user's code and PKCE verifier anywhere).
 */
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/** Files of the static resource: name → where it comes from. */
const scripts = {
  'sso-callout.js': 'salesforce/sso-callout.ts',
  'redirect.js': 'salesforce/redirect.ts',
};
const signInScript = 'salesforce/sign-in.ts';
/** What `salesforce/sign-in.ts` holds until the build puts the settings there. */
const placeholder = JSON.stringify('__SSO_CALLOUT_SIGN_IN_CONFIG__');

/** @typedef {import('../src/msal/lws/sign-in-config.js').SignInPageConfig} SignInPageConfig */

/**
 * @param {string} entry
 * @param {{ minify?: boolean, format?: 'iife' | 'esm', platform?: 'browser' | 'node' }} [options]
 */
async function compile(entry, options = {}) {
  const result = await build({
    entryPoints: [new URL(entry, root).pathname],
    bundle: true,
    format: options.format ?? 'iife',
    target: 'es2022',
    platform: options.platform ?? 'browser',
    conditions: ['browser', 'production'],
    minify: options.minify ?? false,
    legalComments: 'eof',
    write: false,
    tsconfig: new URL('tsconfig.json', root).pathname,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** @type {Map<boolean, Promise<string>>} compiled sign-in.js with the placeholder, per `minify` */
const signInTemplates = new Map();
/** @type {Promise<typeof import('../src/msal/lws/sign-in-config.js')> | undefined} */
let validator;

/**
 * Validates sign-in page settings (an object or its JSON text) with the page's own validator
 * (`src/msal/lws/sign-in-config.ts`) and returns them normalised. Throws an `Error`
 * naming the first wrong setting.
 * @param {unknown} settings
 * @returns {Promise<SignInPageConfig>}
 */
export async function checkSignInSettings(settings) {
  validator ??= compile('src/msal/lws/sign-in-config.ts', { format: 'esm', platform: 'node' }).then(
    (source) => import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`),
  );
  return (await validator).parseSignInPageConfig(settings);
}

/**
 * `sign-in.html` and `sign-in.js` with `settings` baked in (validated first).
 * @param {unknown} settings
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<Map<string, string>>} file name → contents
 */
export async function signInPageFiles(settings, options = {}) {
  const config = await checkSignInSettings(settings);
  const minify = options.minify ?? false;
  let template = signInTemplates.get(minify);
  if (!template) {
    template = compile(signInScript, { minify });
    template.catch(() => signInTemplates.delete(minify));
    signInTemplates.set(minify, template);
  }
  const text = await template;
  const parts = text.split(placeholder);
  if (parts.length !== 2) throw new Error(`${signInScript}: expected its settings placeholder exactly once`);
  const files = new Map();
  files.set('sign-in.html', await readFile(new URL('salesforce/sign-in.html', root), 'utf8'));
  files.set('sign-in.js', parts.join(JSON.stringify(JSON.stringify(config))));
  return files;
}

/**
 * The whole static resource. Without `signIn` settings it has no sign-in page (an org that only
 * signs in silently); with them, `sign-in.html`/`sign-in.js` are built for those settings.
 * @param {{ minify?: boolean, signIn?: unknown }} [options]
 * @returns {Promise<Map<string, string>>} file name → contents
 */
export async function bundleSalesforce(options = {}) {
  const files = new Map();
  const results = await Promise.all(
    Object.entries(scripts).map(async ([name, entry]) => {
      const text = await compile(entry, options.minify === undefined ? {} : { minify: options.minify });
      return /** @type {const} */ ([name, text]);
    }),
  );
  for (const [name, text] of results) files.set(name, text);
  files.set('redirect.html', await readFile(new URL('salesforce/redirect.html', root), 'utf8'));
  if (options.signIn !== undefined) {
    const signIn = await signInPageFiles(
      options.signIn,
      options.minify === undefined ? {} : { minify: options.minify },
    );
    for (const [name, text] of signIn) files.set(name, text);
  }
  return files;
}
