// @ts-check
/**
 * The world of package.test.mjs's plain-page tests: a static server for the page's origin (the
 * page and the packaged `dist/redirect.html`, nothing else), a CDN origin answering with the
 * unpacked tarball's files, Azure AD and the API emulated at the network level, and Chromium.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../support/chromium.js';
import { loadEmulators, routeEmulators } from '../support/routed-emulators.js';

const cdnBase = 'https://cdn.sso-callout.test/npm/sso-callout/';
const clientId = '11111111-2222-3333-4444-555555555555';

/** The README's example, with its client id filled in and its one script tag on the CDN. */
const pageHtml = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Open orders</title><link rel="icon" href="data:,"></head>
  <body>
    <script type="module" src="${cdnBase}dist/browser/sso-callout.js"></script>
    <callout-msal id="aad" client-id="${clientId}" authority="https://login.microsoftonline.com/contoso.onmicrosoft.com"
                  login-hint="jane@contoso.com"></callout-msal>
    <callout-credential name="Orders" provider="aad" url="https://api.contoso.com/v1/"
                        scopes="api://orders/Orders.Read"></callout-credential>
    <callout-get credential="Orders" path="orders?status=open"></callout-get>
  </body>
</html>`;

/** @param {string} path */
const contentType = (path) =>
  path.endsWith('.js')
    ? 'text/javascript'
    : path.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : 'application/json';

/**
 * Serves the page at `/` and `redirect` at `/redirect.html` (with the CSP hash its comment names
 * and `Cache-Control: no-store`) on a loopback port.
 * @param {string} redirect the redirect page's HTML
 */
async function startPageServer(redirect) {
  const hash = /script-src '(sha256-[\w+/=]+)'/.exec(redirect)?.[1] ?? 'missing';
  const redirectHeaders = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none'; script-src '${hash}'`,
  };
  const served = { redirectPage: 0 };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml);
    else if (path === '/redirect.html') {
      served.redirectPage++;
      response.writeHead(200, redirectHeaders).end(redirect);
    } else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { origin, served, redirectHeaders, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Answers the context's requests to the CDN with the unpacked package's files (CORS allowed, as
 * npm CDNs do), noting each path asked for in `requested`.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} dir
 * @param {string[]} requested
 */
function routeCdn(context, dir, requested) {
  return context.route(`${cdnBase}**`, async (route) => {
    const path = normalize(new URL(route.request().url()).pathname.slice(new URL(cdnBase).pathname.length));
    requested.push(path);
    const body = await readFile(join(dir, path)).catch(() => undefined);
    await route.fulfill(
      body
        ? { body, headers: { 'content-type': contentType(path), 'access-control-allow-origin': '*' } }
        : { status: 404 },
    );
  });
}

/**
 * A function that waits until the page's `<callout-get>` is in a given state, reading it without
 * a user gesture: Playwright's own evaluations (locators included) give the page transient
 * activation, and with it the provider would open the sign-in popup by itself instead of
 * offering the button.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page
 */
async function stateWatcher(context, page) {
  const cdp = await context.newCDPSession(page);
  return async (/** @type {string} */ state) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: "document.querySelector('callout-get')?.getAttribute('state')",
        userGesture: false,
        returnByValue: true,
      });
      if (result.value === state) return;
      if (Date.now() > deadline) throw new Error(`<callout-get> is ${result.value}, not ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
}

/**
 * Opens `url` in `context`, collecting console errors and uncaught errors.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
async function openPage(context, url) {
  /** @type {string[]} */
  const problems = [];
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  const untilState = await stateWatcher(context, page);
  return { context, page, problems, untilState, rows: page.locator('callout-get table tbody tr') };
}

/**
 * Starts the servers, the emulators and Chromium for the unpacked package in `dir`.
 * @param {string} dir
 */
export async function startPlainPage(dir) {
  const server = await startPageServer(await readFile(join(dir, 'dist/redirect.html'), 'utf8'));
  const { createAadEmulator, createApiEmulator, createDemoApi } = await loadEmulators();
  const aad = createAadEmulator({
    origin: 'https://login.microsoftonline.com',
    host: 'login.microsoftonline.com',
    tenantId: 'contoso.onmicrosoft.com',
    clientIds: [clientId],
    redirectUris: [`${server.origin}/redirect.html`],
  });
  const api = createApiEmulator({
    issuer: aad,
    baseUrl: 'https://api.contoso.com/v1/',
    respond: createDemoApi().respond,
  });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  /** @type {string[]} */
  const cdn = [];
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context;

  return {
    /**
     * Opens the page in a fresh browser context (nothing cached), with `session` as the user
     * signed in to Azure AD (`null`: nobody). Counters start from zero.
     * @param {{ session: string | null }} options
     */
    open: async ({ session }) => {
      await context?.close();
      aad.state.session = session ? { username: session, sid: crypto.randomUUID() } : undefined;
      aad.resetCounters();
      api.resetCounters();
      server.served.redirectPage = 0;
      cdn.length = 0;
      context = await browser.newContext();
      const handlers = [...aad.handlers, ...api.handlers];
      await routeEmulators(context, { hosts: ['login.microsoftonline.com', 'api.contoso.com'], handlers });
      await routeCdn(context, dir, cdn);
      return openPage(context, `${server.origin}/`);
    },
    /** What the emulators and the page server answered since the last `open`. */
    counts: () => ({
      silentAuthorize: aad.counters.silentAuthorize,
      signInPage: aad.counters.signInPage,
      token: aad.counters.token,
      api: api.counters.authorized,
      redirectPage: server.served.redirectPage,
    }),
    /** The CDN paths the page asked for since the last `open`, in order. */
    cdnRequests: () => [...cdn],
    /** @returns {Record<string, string>} the headers the redirect page is served with */
    redirectHeaders: () => server.redirectHeaders,
    stop: async () => {
      await browser.close();
      await server.close();
    },
  };
}
