import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';

// The page Azure AD's answers land on, as the package ships it: served from public/ (no-store in
// production too, see the package's docs/msal.md). Vite turns TSX into React's automatic runtime by
// itself (tsconfig `jsx`); add @vitejs/plugin-react for Fast Refresh while developing.
const require = createRequire(import.meta.url);
mkdirSync('public', { recursive: true });
copyFileSync(require.resolve('sso-callout/redirect.html'), 'public/redirect.html');

export default defineConfig({
  build: { chunkSizeWarningLimit: 1024 },
});
