// @ts-check
/**
 * @web/test-runner plugin serving heavy dependencies as a few pre-bundled browser ES modules.
 *
 * - The frameworks the adapter tests run with — React 19, Vue 3 and Angular: React ships CommonJS
 *   only, Vue's ES build expects a bundler to replace `process.env.NODE_ENV`, and Angular pulls in
 *   hundreds of rxjs files. Development builds, so React's StrictMode double-invokes effects as it
 *   does in an app under development.
 * - MSAL, jose, MSW and ky, which nearly every test page loads: served file by file they are some
 *   four hundred module requests per page, about two seconds of every test file's start on a
 *   loaded machine. Bundled, they are the same code (the real MSAL, not a stand-in) in a few files.
 *
 * Each group is bundled once by esbuild (on first request, cached in memory) with code splitting:
 * every entry of one group shares one copy of it (`react-dom/client` and `react` share React,
 * `msw` and `msw/browser` share MSW's core). Bare imports of those entries, from tests and from
 * the library alike, are rewritten to `/__bundled__/<group>/<entry>.js`.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const prefix = '/__bundled__/';

/**
 * Each group's entries: bare specifier → its module format: `cjs` (its names listed at build
 * time), `esm`, or `esm-default` (an ES module with a default export, which `export *` leaves out).
 */
const groups = {
  react: { react: 'cjs', 'react-dom/client': 'cjs', 'react/jsx-runtime': 'cjs' },
  // The full build compiles templates at runtime (the runtime-only `vue` cannot): both share one Vue.
  vue: { vue: 'esm', 'vue/dist/vue.esm-bundler.js': 'esm' },
  angular: {
    '@angular/compiler': 'esm',
    '@angular/core': 'esm',
    '@angular/common': 'esm',
    '@angular/common/http': 'esm',
    '@angular/platform-browser': 'esm',
    rxjs: 'esm',
  },
  msal: { '@azure/msal-browser': 'esm', '@azure/msal-browser/redirect-bridge': 'esm' },
  jose: { jose: 'esm' },
  msw: { msw: 'esm', 'msw/browser': 'esm' },
  ky: { ky: 'esm-default' },
};

/** @param {string} specifier */
const fileOf = (specifier) => specifier.replace(/^@/, '').replace(/\//g, '__');

/**
 * A module that re-exports `specifier` as ESM. A CommonJS module's names are listed by loading it
 * in a separate Node process (React patches `console` when loaded, which the runner's own console
 * does not survive).
 */
function entrySource(/** @type {string} */ specifier, /** @type {'cjs' | 'esm' | 'esm-default'} */ format) {
  if (format === 'esm') return `export * from '${specifier}';`;
  if (format === 'esm-default')
    return `export * from '${specifier}';\nexport { default } from '${specifier}';`;
  const listed = execFileSync(
    process.execPath,
    ['-e', `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(specifier)}))))`],
    { cwd: root, env: { ...process.env, NODE_ENV: 'development' } },
  );
  const names = /** @type {string[]} */ (JSON.parse(listed.toString())).filter(
    (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default',
  );
  return `import m from '${specifier}';\nexport default m;\nexport const { ${names.join(', ')} } = m;`;
}

/** Builds one group; resolves to its files by served path. @param {keyof typeof groups} group */
async function buildGroup(group) {
  const entries = Object.entries(groups[group]);
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(entries.map(([specifier]) => [fileOf(specifier), `entry:${specifier}`])),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: join(root, 'bundled-out'),
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [
      {
        name: 'entries',
        setup(builder) {
          builder.onResolve({ filter: /^entry:/ }, (args) => ({
            path: args.path.slice(6),
            namespace: 'entry',
          }));
          builder.onLoad({ filter: /.*/, namespace: 'entry' }, (args) => ({
            contents: entrySource(args.path, groups[group][/** @type {never} */ (args.path)]),
            resolveDir: root,
          }));
        },
      },
    ],
  });
  return new Map(
    result.outputFiles.map((file) => [`${prefix}${group}/${file.path.split('/').pop()}`, file.text]),
  );
}

/** @type {Map<string, Promise<Map<string, string>>>} */
const built = new Map();

/** @returns {import('@web/dev-server-core').Plugin} */
export function bundledModules() {
  return {
    name: 'bundled-modules',
    resolveImport({ source }) {
      for (const [group, entries] of Object.entries(groups)) {
        if (source in entries) return `${prefix}${group}/${fileOf(source)}.js`;
      }
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(prefix)) return undefined;
      const group = /** @type {keyof typeof groups} */ (context.path.slice(prefix.length).split('/')[0]);
      if (!(group in groups)) return undefined;
      let files = built.get(group);
      if (!files) {
        files = buildGroup(group);
        built.set(group, files);
        files.catch(() => built.delete(group));
      }
      const body = (await files).get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}
