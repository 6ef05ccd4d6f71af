// @ts-check
/**
 * The world of package.test.mjs's example-app tests. Each app in `examples/` gets the unpacked
 * tarball as its `node_modules/sso-callout` — everything else (React, Vue, Angular, Vite, the
 * Angular compiler) it resolves from the repository's own install — and is built by its own
 * `npm run build`, the three at once. A static server per app serves its `dist/` (the packaged
 * redirect page with `Cache-Control: no-store`), Azure AD and the API are emulated at the network
 * level (test/support/routed-emulators.js), and Chromium opens the apps.
 */
import { cp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../support/chromium.js';
import { run } from '../support/packed-tarball.js';
import { listenOnLoopback, openWatchedPage, startContosoEmulators } from './contoso-world.mjs';

/** The example apps, by folder name under `examples/`. */
export const exampleApps = /** @type {const} */ (['react', 'vue', 'angular']);
/** @typedef {(typeof exampleApps)[number]} ExampleApp */

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));

/** @type {Record<string, string>} */
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Installs the unpacked package in `dir` into each example and builds them all at once.
 * @param {string} packageDir
 * @returns {Promise<Record<ExampleApp, number>>} how long each build took, in seconds
 */
export async function buildExampleApps(packageDir) {
  const builds = exampleApps.map(async (name) => {
    const app = join(examplesDir, name);
    const installed = join(app, 'node_modules/sso-callout');
    await rm(installed, { recursive: true, force: true });
    await cp(packageDir, installed, { recursive: true });
    const started = performance.now();
    await run('npm', ['run', '--silent', 'build'], app);
    return /** @type {const} */ ([name, Math.round((performance.now() - started) / 100) / 10]);
  });
  return /** @type {Record<ExampleApp, number>} */ (Object.fromEntries(await Promise.all(builds)));
}

/**
 * Serves `dir` on a loopback port; `/` is `index.html`, and `redirect.html` is sent with
 * `Cache-Control: no-store`, as docs/msal.md asks. `served.redirectPage` counts its loads.
 * @param {string} dir
 */
async function startStaticServer(dir) {
  const served = { redirectPage: 0 };
  const server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    const file = path === '' ? 'index.html' : path;
    const body = await readFile(join(dir, file)).catch(() => undefined);
    if (!body || file.startsWith('..')) return void response.writeHead(404).end();
    /** @type {Record<string, string>} */
    const headers = { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' };
    if (file === 'redirect.html') {
      served.redirectPage++;
      headers['cache-control'] = 'no-store';
    }
    response.writeHead(200, headers).end(body);
  });
  const origin = await listenOnLoopback(server);
  return { origin, served, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Serves the built apps and starts the emulators and Chromium. `open(name)` opens an app in a
 * fresh browser context (nothing cached) with Jane signed in to Azure AD, counters from zero.
 */
export async function startExampleApps() {
  const servers = await Promise.all(
    exampleApps.map(
      async (name) => /** @type {const} */ ([name, await startStaticServer(join(examplesDir, name, 'dist'))]),
    ),
  );
  const byName = new Map(servers);
  const emulators = await startContosoEmulators({
    redirectUris: servers.map(([, server]) => `${server.origin}/redirect.html`),
  });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context;
  let served = { redirectPage: 0 };

  return {
    /** @param {ExampleApp} name */
    open: async (name) => {
      await context?.close();
      const server = /** @type {Awaited<ReturnType<typeof startStaticServer>>} */ (byName.get(name));
      served = server.served;
      served.redirectPage = 0;
      context = await browser.newContext();
      await emulators.attach(context, { session: 'jane@contoso.com' });
      return openWatchedPage(context, `${server.origin}/`);
    },
    /** What the emulators and the app's server answered since the last `open`. */
    counts: () => ({ ...emulators.counts(), redirectPage: served.redirectPage }),
    stop: async () => {
      await browser.close();
      await Promise.all(servers.map(([, server]) => server.close()));
    },
  };
}
