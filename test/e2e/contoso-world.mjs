// @ts-check
/**
 * What package.test.mjs's browser tests share: Contoso's Azure AD tenant and orders API emulated
 * at the network level for the pages' real hosts (test/support/routed-emulators.js), loopback
 * servers for the pages, and pages whose console errors and uncaught errors are collected.
 */
import { loadEmulators, routeEmulators } from '../support/routed-emulators.js';

/** The app registration every page under test names (`client-id`, `clientId`). */
export const contosoClientId = '11111111-2222-3333-4444-555555555555';

/**
 * Starts `server` on a free loopback port.
 * @param {import('node:http').Server} server
 * @returns {Promise<string>} its origin, `http://127.0.0.1:<port>`
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/**
 * Opens `url` in a new page of `context`, collecting console errors and uncaught errors in
 * `problems` from before the first byte.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
export async function openWatchedPage(context, url) {
  /** @type {string[]} */
  const problems = [];
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return { page, problems };
}

/**
 * Azure AD (`login.microsoftonline.com`, tenant `contoso.onmicrosoft.com`, the app registration
 * {@link contosoClientId} with `redirectUris`) and the demo's orders API
 * (`https://api.contoso.com/v1/`, accepting that tenant's tokens).
 * @param {{ redirectUris: string[] }} options
 */
export async function startContosoEmulators({ redirectUris }) {
  const { createAadEmulator, createApiEmulator, createDemoApi } = await loadEmulators();
  const aad = createAadEmulator({
    origin: 'https://login.microsoftonline.com',
    host: 'login.microsoftonline.com',
    tenantId: 'contoso.onmicrosoft.com',
    clientIds: [contosoClientId],
    redirectUris,
  });
  const api = createApiEmulator({
    issuer: aad,
    baseUrl: 'https://api.contoso.com/v1/',
    respond: createDemoApi().respond,
  });
  return {
    /**
     * Signs `session` in to Azure AD (`null`: nobody), zeroes the counters, and answers
     * `context`'s requests to both hosts.
     * @param {import('playwright-core').BrowserContext} context
     * @param {{ session: string | null }} options
     */
    attach: async (context, { session }) => {
      aad.state.session = session ? { username: session, sid: crypto.randomUUID() } : undefined;
      aad.resetCounters();
      api.resetCounters();
      const handlers = [...aad.handlers, ...api.handlers];
      await routeEmulators(context, { hosts: ['login.microsoftonline.com', 'api.contoso.com'], handlers });
    },
    /** What they answered since the last `attach`: authorize requests, token requests, API calls. */
    counts: () => ({
      silentAuthorize: aad.counters.silentAuthorize,
      signInPage: aad.counters.signInPage,
      token: aad.counters.token,
      api: api.counters.authorized,
    }),
  };
}
