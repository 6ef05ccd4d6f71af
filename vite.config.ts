import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { inlineRedirectScript } from './build/inline-redirect-script.mjs';
import { preloadUsedElements } from './build/preload-used-elements.mjs';
import { redirectPage } from './build/redirect-page.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string };

/** The library: one ES module per public entry point, runtime dependencies left external. */
const library: UserConfig['build'] = {
  outDir: here('./dist'),
  emptyOutDir: true,
  sourcemap: true,
  target: 'es2022',
  lib: {
    formats: ['es'],
    entry: {
      index: here('./src/index.ts'),
      components: here('./components/index.ts'),
      // Registers each element when the page first uses it; define-all registers all at once.
      define: here('./components/define.ts'),
      'define-all': here('./components/define-all.ts'),
      // <callout-msal> with MSAL up front, for pages that always use it (one round trip less cold).
      'define-msal': here('./components/callout-msal/define.ts'),
      msal: here('./src/msal.ts'),
      'nested-app-auth': here('./src/nested-app-auth.ts'),
      redirect: here('./src/redirect.ts'),
      oidc: here('./src/oidc.ts'),
      'oidc-callback': here('./src/oidc-callback.ts'),
      exchange: here('./src/exchange.ts'),
      // Framework adapters: each behind its own entry, its framework an optional peer dependency.
      react: here('./adapters/react/index.ts'),
      vue: here('./adapters/vue/index.ts'),
      angular: here('./adapters/angular/index.ts'),
    },
  },
  rolldownOptions: {
    external: [
      /^lit($|\/)/,
      /^@lit\//,
      /^ky($|\/)/,
      /^@azure\/msal-browser($|\/)/,
      /^oidc-client-ts($|\/)/,
      // The adapters' frameworks: optional peer dependencies, the app's own copy.
      /^react($|\/)/,
      /^react-dom($|\/)/,
      /^vue($|\/)/,
      /^@angular\//,
      /^rxjs($|\/)/,
    ],
  },
};

/**
 * The browser build for pages without a bundler (what a CDN serves): `dist/browser/sso-callout.js`
 * registers every element with lit, ky and our code inside, so one `<script type="module">` is
 * all a page needs. MSAL (and the Lightning Web Security code) stay in chunks beside it, which
 * `<callout-msal>` imports by URLs relative to the module's own: a page without it never
 * downloads MSAL. Those chunks import what they share from `./sso-callout.js`, so a page should
 * load the file by its own URL: with a query string or through a redirect, the browser loads it
 * a second time (it still works, as two copies of the package on a page do, but costs a download).
 */
/**
 * The modules of the browser build's entry file: those it imports statically, and the two small
 * modules both the MSAL and OpenID Connect chunks use (the page-wide interaction lock, the
 * sign-out channel), which would otherwise become a third chunk that either waits for.
 */
function inEntry(
  id: string,
  context: { getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[] } | null },
): boolean {
  const seen = new Set<string>();
  const initial = (module: string): boolean => {
    if (seen.has(module)) return false;
    seen.add(module);
    const info = context.getModuleInfo(module);
    return !!info && (info.isEntry || info.importers.some(initial));
  };
  return /src[\\/]providers[\\/](interaction-lock|sign-out-channel)\.ts$/.test(id) || initial(id);
}

const browserBundle: UserConfig['build'] = {
  outDir: here('./dist/browser'),
  emptyOutDir: true,
  sourcemap: true,
  target: 'es2022',
  lib: { formats: ['es'], entry: { 'sso-callout': here('./components/define.ts') } },
  rolldownOptions: {
    // Everything the entry loads up front goes into the entry file itself (not a shared chunk
    // beside it); the lazy chunks import what they share with it from `./sso-callout.js`.
    preserveEntrySignatures: 'allow-extension',
    output: {
      // Everything the entry loads up front, and the interaction lock and sign-out channel that the
      // MSAL and OpenID Connect chunks share (a few hundred bytes each: in the entry rather than in
      // a third chunk either of them would wait for).
      codeSplitting: {
        groups: [
          { debugName: 'entry', name: (id, context) => (inEntry(id, context) ? 'sso-callout' : null) },
        ],
      },
      // Vite's library mode keeps whitespace in ES output; a file served as is should not. The
      // bundled libraries' licence comments stay.
      minify: true,
      comments: { legal: true },
    },
  },
};

/** The demo as a static site (what the end-to-end test serves): every page, dependencies bundled. */
const demoSite: UserConfig['build'] = {
  outDir: here('./dist-demo'),
  emptyOutDir: true,
  target: 'es2022',
  rolldownOptions: {
    input: {
      index: here('./demo/index.html'),
      plain: here('./demo/plain.html'),
      redirect: here('./demo/redirect.html'),
      'oidc-callback': here('./demo/oidc-callback.html'),
    },
  },
};

/** Middleware: `Cache-Control: no-store` on the demo's redirect and callback pages. */
function noStoreRedirectPages(
  req: { url?: string },
  res: { setHeader(name: string, value: string): unknown },
  next: () => void,
): void {
  if (/^\/(redirect|oidc-callback)\.html(\?|$)/.test(req.url ?? ''))
    res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * One config, four jobs:
 * - `vite` (npm start) serves the offline demo from `demo/`;
 * - `vite build` (npm run build) builds the library and its ready redirect page
 *   (`dist/redirect.html`); declarations are emitted afterwards by `tsc -p tsconfig.build.json`
 *   (vite empties `dist/` first);
 * - `vite build --mode browser` (also part of npm run build) builds the one-file browser build
 *   into `dist/browser/`;
 * - `vite build --mode demo` builds the demo site into `dist-demo/` (npm run build:demo).
 */
export default defineConfig(({ command, mode }) => ({
  root: here('./demo'),
  // The demo's public files (MSW's worker) are served with the demo, never shipped in the library.
  publicDir: command === 'serve' || mode === 'demo' ? here('./demo/public') : false,
  server: { port: 5173, open: false },
  preview: { port: 4173 },
  build: mode === 'demo' ? demoSite : mode === 'browser' ? browserBundle : library,
  // Code written for bundlers may test NODE_ENV; a page without one has no `process`.
  define: mode === 'browser' ? { 'process.env.NODE_ENV': '"production"' } : {},
  plugins: [
    // The demo's redirect page carries its script inline: no round trip after the page itself;
    // its pages preload MSAL and the on-demand elements they contain, so both load with them.
    ...(mode === 'demo' ? [inlineRedirectScript({ pages: ['redirect.html'] }), preloadUsedElements()] : []),
    // The package's redirect page: one file with its script inline, for any site to host.
    ...(command === 'build' && mode === 'production'
      ? [redirectPage({ entry: here('./src/redirect.ts'), version })]
      : []),
    {
      // The redirect pages (MSAL's, and the OpenID Connect callback) must never be cached (a stale
      // copy breaks sign-in).
      name: 'redirect-page-no-store',
      configureServer(server) {
        server.middlewares.use(noStoreRedirectPages);
      },
      configurePreviewServer(server) {
        server.middlewares.use(noStoreRedirectPages);
      },
    },
  ],
}));
