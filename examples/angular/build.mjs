// @ts-check
/**
 * `npm run build`: the app compiled ahead of time with the tools the Angular CLI's application
 * builder is built on, and nothing else. The Angular compiler (`@angular/compiler-cli`)
 * compiles the components and type-checks their templates into JavaScript; esbuild bundles that
 * with Angular's packages, which ship partially compiled and are finished by the Angular linker
 * on the way. `dist/` gets `index.html`, the bundle and the package's `redirect.html`.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formatDiagnostics, performCompilation, readConfiguration } from '@angular/compiler-cli';
import { needsLinking } from '@angular/compiler-cli/linker';
import linkerPlugin from '@angular/compiler-cli/linker/babel';
import { transformAsync } from '@babel/core';
import { build } from 'esbuild';

const config = readConfiguration('tsconfig.json');
const compiled = performCompilation({
  rootNames: config.rootNames,
  options: config.options,
  emitFlags: config.emitFlags,
});
const errors = [...config.errors, ...compiled.diagnostics];
if (errors.some((diagnostic) => diagnostic.category === 1)) {
  process.stderr.write(formatDiagnostics(errors));
  process.exit(1);
}

/** @type {import('esbuild').Plugin} */
const angularLinker = {
  name: 'angular-linker',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]@angular[\\/].*\.m?js$/ }, async ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (!needsLinking(path, source)) return undefined;
      const linked = await transformAsync(source, {
        filename: path,
        plugins: [linkerPlugin],
        compact: false,
        configFile: false,
        babelrc: false,
      });
      return { contents: linked?.code ?? source, loader: 'js' };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: [`${config.options.outDir}/main.js`],
  bundle: true,
  splitting: true,
  format: 'esm',
  outdir: 'dist',
  entryNames: '[name]',
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  // The globals Angular's packages test, as the Angular CLI sets them for production.
  define: {
    ngDevMode: 'false',
    ngJitMode: 'false',
    ngServerMode: 'false',
    ngHmrMode: 'false',
    ngI18nClosureMode: 'false',
  },
  plugins: [angularLinker],
  logLevel: 'warning',
});
copyFileSync('src/index.html', 'dist/index.html');
copyFileSync(createRequire(import.meta.url).resolve('sso-callout/redirect.html'), 'dist/redirect.html');
