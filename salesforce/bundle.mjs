// @ts-check
/**
 * Builds the Salesforce static resource in memory: one script for the LWS sandbox (lit, ky and
 * @azure/msal-browser inside) and the pages that run outside LWS on the org's origin. Used by
 * `npm run build:salesforce` (writes the files) and by the test runner (serves them, built on the
 * fly and cached), so the harness always tests what a team deploys.
 */
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/** Files of the static resource: name → where it comes from. */
const scripts = {
  'sso-callout.js': 'salesforce/sso-callout.ts',
  'redirect.js': 'salesforce/redirect.ts',
  'sign-in.js': 'salesforce/sign-in.ts',
};
const pages = ['redirect.html', 'sign-in.html'];

/**
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<Map<string, string>>} file name → contents
 */
export async function bundleSalesforce(options = {}) {
  const files = new Map();
  const results = await Promise.all(
    Object.entries(scripts).map(async ([name, entry]) => {
      const result = await build({
        entryPoints: [new URL(entry, root).pathname],
        bundle: true,
        format: 'iife',
        target: 'es2022',
        platform: 'browser',
        conditions: ['browser', 'production'],
        minify: options.minify ?? false,
        legalComments: 'eof',
        write: false,
        tsconfig: new URL('tsconfig.json', root).pathname,
        logLevel: 'silent',
      });
      return /** @type {const} */ ([name, result.outputFiles[0]?.text ?? '']);
    }),
  );
  for (const [name, text] of results) files.set(name, text);
  for (const page of pages) files.set(page, await readFile(new URL(`salesforce/${page}`, root), 'utf8'));
  return files;
}
