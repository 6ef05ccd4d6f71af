/**
 * Builds the time-to-first-data pages (bench/pages/ttfd/<variant>/) with Vite, as an app using
 * each library would ship them: hashed chunks, `<link rel="modulepreload">` for what the entry
 * imports statically, lazy chunks for dynamic imports. Output goes to
 * node_modules/.cache/sso-callout-ttfd/<variant>/, served under `/<variant>/`.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';
import { inlineRedirectScript } from '../../build/inline-redirect-script.mjs';
import { preloadUsedElements } from '../../build/preload-used-elements.mjs';
import { root } from '../size/bundle.mjs';

/**
 * `ours`: the README's page (one import of sso-callout/define; MSAL loads when `<callout-msal>`
 * connects; the redirect page loads its script). `tuned`: the same with both cold-start options,
 * MSAL imported up front (`components/callout-msal/define.ts`) and the redirect page's script
 * inlined (build/inline-redirect-script.mjs). `plain`: MSAL + fetch. `mgt`: Graph Toolkit.
 */
export const variants = /** @type {const} */ (['ours', 'tuned', 'plain', 'mgt']);
/** @typedef {(typeof variants)[number]} Variant */

export const outRoot = resolve(root, 'node_modules/.cache/sso-callout-ttfd');

/**
 * Builds one variant and returns its output directory.
 * @param {Variant} variant
 */
export async function buildVariant(variant) {
  const source = resolve(root, 'bench/pages/ttfd', variant);
  const outDir = resolve(outRoot, variant);
  const pages = (await readdir(source)).filter((file) => file.endsWith('.html'));
  await build({
    configFile: false,
    root: source,
    base: `/${variant}/`,
    logLevel: 'error',
    publicDir: false,
    plugins: variant === 'tuned' ? [inlineRedirectScript(), preloadUsedElements()] : [],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        input: Object.fromEntries(pages.map((page) => [page.replace(/\.html$/, ''), resolve(source, page)])),
      },
    },
  });
  return outDir;
}

/** Builds every variant; returns their output directories by variant. */
export async function buildAll() {
  /** @type {Record<string, string>} */
  const dirs = {};
  for (const variant of variants) dirs[variant] = await buildVariant(variant);
  return /** @type {Record<Variant, string>} */ (dirs);
}
