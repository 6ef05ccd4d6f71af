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
 * `ours`: the README's page (one import of sso-callout/define, the autoloader: the elements'
 * chunks load when it finds them, MSAL when `<callout-msal>` connects; the redirect page loads its
 * script). `eager`: the same page registering every element at once (sso-callout/define-all).
 * `tuned`: the README's page with the cold-start options — the used elements' chunks and MSAL
 * preloaded from the HTML (build/preload-used-elements.mjs) and the redirect page's script inlined
 * (build/inline-redirect-script.mjs). `plain`: MSAL + fetch. `mgt`: Graph Toolkit.
 */
export const variants = /** @type {const} */ (['ours', 'eager', 'tuned', 'plain', 'mgt']);
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
      // Hidden source maps (no comment in the chunks, never requested): the CPU profile's owners.
      sourcemap: 'hidden',
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
