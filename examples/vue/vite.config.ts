import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The page Azure AD's answers land on, as the package ships it: served from public/ (no-store in
// production too, see the package's docs/msal.md).
const require = createRequire(import.meta.url);
mkdirSync('public', { recursive: true });
copyFileSync(require.resolve('sso-callout/redirect.html'), 'public/redirect.html');

export default defineConfig({
  // `callout-*` tags are custom elements, not Vue components that failed to resolve.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('callout-') } } })],
  build: { chunkSizeWarningLimit: 1024 },
});
