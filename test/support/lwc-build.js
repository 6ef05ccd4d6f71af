// @ts-check
/**
 * Compiles one of the SFDX example's LWC components (`demo/salesforce/.../lwc/<name>`) with the
 * open-source LWC compiler (`@lwc/compiler`, the same compiler the `lwc` npm meta-package and
 * `@lwc/rollup-plugin` use) and bundles it with the open-source engine (`@lwc/engine-dom`) into one
 * IIFE script for the LWS harness. Only the Salesforce platform modules are replaced, by the stubs
 * in `test/support/lwc-stubs/`: `lightning/platformResourceLoader`, `lightning/uiRecordApi`,
 * `@salesforce/resourceUrl/*`, `@salesforce/user/Id`, `@salesforce/schema/*` and
 * `@salesforce/apex/<Class.method>` (a call the test answers: `lwc-stubs/apex.js`).
 *
 * The script publishes `globalThis.ssoCalloutLwcHarness` (see `lwc-stubs/harness.js`) in whatever
 * realm evaluates it — in the harness, the LWS sandbox of namespace `c`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from '@lwc/compiler';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The SFDX project's LWC modules folder (namespace `c`). */
const lwcDir = join(root, 'demo/salesforce/force-app/main/default/lwc');
const stubs = join(root, 'test/support/lwc-stubs');
/** The static resource as the harness serves it (test/support/lws-server.js). */
const resourceUrl = '/__lws';
/** The current user's record id, as `@salesforce/user/Id` gives it. */
export const userId = '005000000000001AAA';

/**
 * esbuild plugin: resolves `lwc`, `c/*` and the Salesforce modules, and compiles every LWC
 * module file (JS, template HTML, CSS) with `@lwc/compiler`.
 * @type {import('esbuild').Plugin}
 */
const lwcPlugin = {
  name: 'lwc',
  setup(b) {
    b.onResolve({ filter: /^lwc$/ }, () => ({
      path: join(root, 'node_modules/@lwc/engine-dom/dist/index.js'),
    }));
    b.onResolve({ filter: /^c\/[A-Za-z0-9_]+$/ }, (args) => {
      const name = args.path.slice(2);
      return { path: join(lwcDir, name, `${name}.js`) };
    });
    b.onResolve({ filter: /^lightning\/(platformResourceLoader|uiRecordApi)$/ }, (args) => ({
      path: join(stubs, `${args.path.slice('lightning/'.length)}.js`),
    }));
    b.onResolve({ filter: /^@salesforce\/(resourceUrl|user|schema|apex)\// }, (args) => ({
      path: args.path,
      namespace: 'salesforce',
    }));
    b.onLoad({ filter: /.*/, namespace: 'salesforce' }, (args) => {
      const [, kind = '', name = ''] = /^@salesforce\/([^/]+)\/(.+)$/.exec(args.path) ?? [];
      if (kind === 'resourceUrl') return { contents: `export default ${JSON.stringify(resourceUrl)};` };
      if (kind === 'user' && name === 'Id') return { contents: `export default ${JSON.stringify(userId)};` };
      if (kind === 'apex' && /^\w+\.\w+$/.test(name)) {
        return {
          contents: `import { callApex } from './apex.js';\nexport default (params) => callApex(${JSON.stringify(name)}, params);`,
          resolveDir: stubs,
        };
      }
      if (kind === 'schema') {
        const [objectApiName, fieldApiName] = name.split('.');
        return { contents: `export default ${JSON.stringify({ objectApiName, fieldApiName })};` };
      }
      return { errors: [{ text: `no stub for ${args.path}` }] };
    });
    // The template compiler imports `./<name>.css` and `./<name>.scoped.css?scoped=true`
    // whether or not they exist; a missing stylesheet is an empty one (as @lwc/rollup-plugin does).
    b.onResolve({ filter: /\.css(\?scoped=true)?$/ }, (args) => {
      const path = join(args.resolveDir, args.path.replace(/\?scoped=true$/, ''));
      return existsSync(path) ? { path } : { path, namespace: 'lwc-empty' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lwc-empty' }, () => ({ contents: 'export default undefined;' }));
    b.onLoad({ filter: /\.(js|html|css)$/ }, (args) => {
      if (!args.path.startsWith(`${lwcDir}/`)) return undefined;
      const [name = ''] = args.path.slice(lwcDir.length + 1).split('/');
      const { code, warnings } = transformSync(readFileSync(args.path, 'utf8'), args.path, {
        namespace: 'c',
        name,
      });
      return {
        contents: code,
        loader: 'js',
        warnings: (warnings ?? []).map((warning) => ({ text: warning.message })),
      };
    });
  },
};

/**
 * Whether `name` is a component folder of the SFDX project (`ssoCalloutOrders`, say).
 * @param {string} name
 */
export function isLwcComponent(name) {
  return /^[a-z][A-Za-z0-9]{0,79}$/.test(name) && existsSync(join(lwcDir, name, `${name}.js`));
}

/**
 * Builds the harness script of component `name`: the compiled component, the LWC engine and the
 * platform stubs; `mount` creates `c-<name in kebab case>`.
 * @param {string} name a folder of the SFDX project's `lwc/` (see {@link isLwcComponent})
 * @returns {Promise<string>} the IIFE's source text
 */
export async function buildLwcWrapper(name) {
  const tag = `c-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  const result = await build({
    stdin: {
      contents: `import Component from 'c/${name}';\nimport { publishHarness } from './harness.js';\npublishHarness(${JSON.stringify(tag)}, Component);\n`,
      resolveDir: stubs,
      sourcefile: `${name}-harness.js`,
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [lwcPlugin],
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('LWC wrapper build produced no output');
  return file.text;
}
