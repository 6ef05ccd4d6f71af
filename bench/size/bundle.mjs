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

/**
 * Files of the provider adapters (MSAL, OpenID Connect, exchange) and what only they share:
 * everything else under src/ is "core" for `coreExternal`.
 */
const adapterFile =
  /^src\/((msal|oidc|exchange)(\.ts|\/.+\.ts)|providers\/(oauth-errors|interaction-lock)\.ts)$/;

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

/** @typedef {{ name: string, code: Uint8Array, minified: number, gzip: number, counted: boolean, lazy: boolean, inputs: string[] }} Chunk */

/**
 * Bundles one size entry with code splitting, the way an app's bundler would: dynamic `import()`s
 * become chunks of their own. The entry's size is the sum of the chunks it counts (each gzipped
 * on its own, as a browser downloads them):
 * - `count: 'initial'` (default): the entry chunk and what it imports statically — what the page
 *   loads before any lazy code runs;
 * - `count: 'page'`: every chunk, except lazy chunks whose entry module matches `notLoaded`, and
 *   lazy chunks shared by those whose every module matches it (code a page loads only in some
 *   environments, such as the Lightning Web Security adaptations, or only when asked, such as
 *   the checks of `diagnose()`).
 * Chunks not counted are still returned, with `counted: false`, so reports can name them.
 * @param {import('./entries.mjs').SizeEntry} entry
 * @returns {Promise<{ minified: number, gzip: number, chunks: Chunk[] }>}
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
    splitting: true,
    outdir: resolve(root, 'node_modules/.cache/sso-callout-size/esbuild', entry.id),
    write: false,
    metafile: true,
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
  const outputs = result.metafile?.outputs ?? {};
  const byPath = new Map(
    result.outputFiles.map((file) => [relative(root, file.path).replaceAll('\\', '/'), file]),
  );
  const main = Object.keys(outputs).find(
    (path) => outputs[path]?.entryPoint !== undefined && !isDynamicEntry(outputs, path),
  );
  if (!main) throw new Error(`esbuild produced no entry chunk for ${entry.id}`);
  const initial = staticClosure(outputs, main);
  /** @type {Chunk[]} */
  const chunks = [];
  for (const [path, meta] of Object.entries(outputs)) {
    const file = byPath.get(path);
    if (!file || !path.endsWith('.js')) continue;
    const lazy = !initial.has(path);
    const entryModule = meta.entryPoint ?? '';
    // A lazy chunk of no entry of its own (shared by lazy chunks) is not loaded when all its modules are not.
    const notLoaded =
      lazy &&
      !!entry.notLoaded &&
      (entryModule
        ? entry.notLoaded.test(entryModule)
        : Object.keys(meta.inputs).every((input) => entry.notLoaded?.test(input)));
    const counted = (entry.count ?? 'initial') === 'initial' ? !lazy : !notLoaded;
    chunks.push({
      name:
        lazy && entryModule ? `lazy chunk of ${entryModule}` : path === main ? 'entry chunk' : 'shared chunk',
      code: file.contents,
      minified: file.contents.byteLength,
      gzip: gzipSync(file.contents, { level: 9 }).byteLength,
      counted,
      lazy,
      inputs: Object.keys(meta.inputs),
    });
  }
  const countedChunks = chunks.filter((chunk) => chunk.counted);
  return {
    minified: countedChunks.reduce((sum, chunk) => sum + chunk.minified, 0),
    gzip: countedChunks.reduce((sum, chunk) => sum + chunk.gzip, 0),
    chunks,
  };
}

/**
 * @param {Record<string, import('esbuild').Metafile['outputs'][string]>} outputs
 * @param {string} path
 */
function isDynamicEntry(outputs, path) {
  return Object.values(outputs).some((meta) =>
    meta.imports.some((imported) => imported.path === path && imported.kind === 'dynamic-import'),
  );
}

/**
 * The chunk at `path` and every chunk it imports statically, transitively.
 * @param {Record<string, import('esbuild').Metafile['outputs'][string]>} outputs
 * @param {string} path
 */
function staticClosure(outputs, path) {
  const seen = new Set([path]);
  for (const current of seen) {
    for (const imported of outputs[current]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) seen.add(imported.path);
    }
  }
  return seen;
}
