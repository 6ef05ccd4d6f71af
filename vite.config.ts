import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * One config, two jobs:
 * - `vite` (npm start) serves the offline demo from `demo/`;
 * - `vite build` (npm run build) builds the library: one ES module per public entry point, with
 *   its runtime dependencies left external so an app bundles them once. Declarations are emitted
 *   afterwards by `tsc -p tsconfig.build.json` (vite empties `dist/` first).
 */
export default defineConfig(({ command }) => ({
  root: here('./demo'),
  // The demo's public files (MSW's worker, the redirect page) are served, not shipped in the library.
  publicDir: command === 'serve' ? here('./demo/public') : false,
  server: { port: 5173, open: false },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    lib: {
      formats: ['es'],
      entry: {
        index: here('./src/index.ts'),
        components: here('./components/index.ts'),
        define: here('./components/define.ts'),
        msal: here('./src/msal.ts'),
        redirect: here('./src/redirect.ts'),
      },
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^ky($|\/)/, /^@azure\/msal-browser($|\/)/, /^jose($|\/)/],
    },
  },
}));
