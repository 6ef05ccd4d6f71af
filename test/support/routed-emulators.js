// @ts-check
/**
 * The emulators of the browser tests — Azure AD (aad-emulator.ts), the API (api-emulator.ts) and
 * the demo's orders (demo-api.ts) — run in Node and answer a Playwright browser context's
 * requests at the network level (`context.route`), instead of in the page through MSW's service
 * worker. The page under test then loads nothing but its own markup and scripts, and may name the
 * real hosts (`login.microsoftonline.com`, `api.contoso.com`): hidden iframes and popups that
 * navigate there are answered too. Playwright answers Chromium's CORS preflights for routed
 * requests itself; answers to cross-origin calls get `Access-Control-Allow-Origin` as Azure AD's
 * token endpoint sends it to single-page apps.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { getResponse } from 'msw';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outfile = join(root, 'node_modules/.cache/sso-callout-e2e/emulators.mjs');

/**
 * @typedef {typeof import('./aad-emulator.js')} AadModule
 * @typedef {typeof import('./api-emulator.js')} ApiModule
 * @typedef {typeof import('../../demo/src/demo-api.js')} DemoApiModule
 * @typedef {{ createAadEmulator: AadModule['createAadEmulator'], createApiEmulator: ApiModule['createApiEmulator'], createDemoApi: DemoApiModule['createDemoApi'] }} Emulators
 */

/**
 * Compiles the emulators (TypeScript) for Node with esbuild — msw and jose stay imports of the
 * project's own packages — and imports them.
 * @returns {Promise<Emulators>}
 */
export async function loadEmulators() {
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    stdin: {
      contents: [
        "export { createAadEmulator } from './test/support/aad-emulator.ts';",
        "export { createApiEmulator } from './test/support/api-emulator.ts';",
        "export { createDemoApi } from './demo/src/demo-api.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(outfile).href}?${Date.now()}`);
}

/**
 * Answers every request of `context` to one of `hosts` with the first of `handlers` (MSW request
 * handlers) that matches, or 404. Redirects (the authorize endpoint's answers) are returned as
 * they are, so the browser follows them, in frames and popups too.
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ hosts: string[], handlers: import('msw').RequestHandler[] }} options
 */
export async function routeEmulators(context, { hosts, handlers }) {
  await context.route(
    (url) => hosts.includes(url.host),
    async (route) => {
      const request = route.request();
      const headers = Object.entries(await request.allHeaders()).filter(([name]) => !name.startsWith(':'));
      const body = request.postDataBuffer();
      const answer = await getResponse(
        handlers,
        new Request(request.url(), { method: request.method(), headers, ...(body ? { body } : {}) }),
      );
      if (!answer) {
        await route.fulfill({
          status: 404,
          contentType: 'text/plain',
          body: `No emulator answers ${request.url()}`,
        });
        return;
      }
      const answerHeaders = Object.fromEntries(answer.headers);
      answerHeaders['access-control-allow-origin'] ??= '*';
      await route.fulfill({
        status: answer.status,
        headers: answerHeaders,
        body: Buffer.from(await answer.arrayBuffer()),
      });
    },
  );
}
