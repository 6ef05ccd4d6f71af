import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { inlineRedirectScript } from './build/inline-redirect-script.mjs';
import { preloadUsedElements } from './build/preload-used-elements.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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
      redirect: here('./src/redirect.ts'),
    },
  },
  rolldownOptions: {
    external: [/^lit($|\/)/, /^@lit\//, /^ky($|\/)/, /^@azure\/msal-browser($|\/)/, /^jose($|\/)/],
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
    },
  },
};

/**
 * One config, three jobs:
 * - `vite` (npm start) serves the offline demo from `demo/`;
 * - `vite build` (npm run build) builds the library; declarations are emitted afterwards by
 *   `tsc -p tsconfig.build.json` (vite empties `dist/` first);
 * - `vite build --mode demo` builds the demo site into `dist-demo/` (npm run build:demo).
 */
export default defineConfig(({ command, mode }) => ({
  root: here('./demo'),
  // The demo's public files (MSW's worker) are served with the demo, never shipped in the library.
  publicDir: command === 'serve' || mode === 'demo' ? here('./demo/public') : false,
  server: { port: 5173, open: false },
  preview: { port: 4173 },
  build: mode === 'demo' ? demoSite : library,
  plugins: [
    // The demo's redirect page carries its script inline: no round trip after the page itself;
    // its pages preload the chunks of the elements they contain (the autoloader finds them loaded).
    ...(mode === 'demo' ? [inlineRedirectScript({ pages: ['redirect.html'] }), preloadUsedElements()] : []),
    {
      // MSAL's redirect page must never be cached (a stale copy breaks sign-in).
      name: 'redirect-page-no-store',
      configureServer(server) {
        server.middlewares.use((req, res, next) => {
          if (req.url?.startsWith('/redirect.html')) res.setHeader('Cache-Control', 'no-store');
          next();
        });
      },
      configurePreviewServer(server) {
        server.middlewares.use((req, res, next) => {
          if (req.url?.startsWith('/redirect.html')) res.setHeader('Cache-Control', 'no-store');
          next();
        });
      },
    },
  ],
}));
