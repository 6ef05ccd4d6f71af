/**
 * One bundler for every size: esbuild, minified ESM for browsers (es2022, production), then gzip
 * at level 9 — the same compression size-limit's `gzip: true` applies.
 */
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Files of the MSAL adapter: everything else under src/ is "core" for `coreExternal`. */
const adapterFile = /^src\/(msal\.ts|providers\/msal-[^/]+\.ts)$/;

/**
 * Leaves our core out of the adapter's bundle: a relative import from an adapter file that lands
 * in src/ outside the adapter is marked external (the page already has the core).
 * @type {import('esbuild').Plugin}
 */
const coreExternalPlugin = {
  name: 'core-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      const from = relative(root, args.importer).replaceAll('\\', '/');
      if (!adapterFile.test(from)) return undefined;
      const target = relative(root, resolve(dirname(args.importer), args.path))
        .replaceAll('\\', '/')
        .replace(/\.js$/, '.ts');
      if (target.startsWith('src/') && !adapterFile.test(target)) return { path: args.path, external: true };
      return undefined;
    });
  },
};

/**
 * Bundles one size entry.
 * @param {import('./entries.mjs').SizeEntry} entry
 * @returns {Promise<{ code: Uint8Array, minified: number, gzip: number }>}
 */
export async function bundle(entry) {
  const result = await build({
    ...(entry.entry
      ? { entryPoints: [resolve(root, entry.entry)] }
      : {
          stdin: {
            contents: entry.contents ?? '',
            resolveDir: root,
            loader: 'js',
            sourcefile: `${entry.id}.js`,
          },
        }),
    absWorkingDir: root,
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
    external: entry.external ?? [],
    plugins: entry.coreExternal ? [coreExternalPlugin] : [],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry.id}`);
  return {
    code: file.contents,
    minified: file.contents.byteLength,
    gzip: gzipSync(file.contents, { level: 9 }).byteLength,
  };
}
