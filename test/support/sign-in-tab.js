// @ts-check
/**
 * A @web/test-runner plugin (runs in Node) with one command, `lws-sign-in-tab`: opens a URL —
 * the static resource's sign-in page — in a **new top-level tab** of the test page's browser
 * context, the way a user's click on the sign-in link does, and reports what the tab did.
 *
 * - The tab bypasses the page's service worker, and every request it makes goes through a
 *   Playwright route that records it (method, URL, whether it is a navigation, the body) and:
 *   lets it reach the test server when its origin is in `pass` (the page's own files, the
 *   cross-origin authorize endpoint); answers it **from the test page** when its origin is in
 *   `relay` (the emulated token endpoint lives in the test page's MSW: the request is replayed
 *   there with `fetch` and the answer copied back, CORS headers included); and refuses every
 *   other request with a 404 without letting it leave the machine. So a test can count what
 *   reached each host, attacker hosts included.
 * - `plant`: sessionStorage entries written on the page's origin in that tab before it opens the
 *   URL (what an earlier same-origin page in the same tab could have left behind).
 * - The command resolves when the page sets `document.body.dataset.state` (`signed-in` or
 *   `failed`), when the tab lands on a host outside `pass`, or after `timeoutMs`; the tab is closed.
 *
 * Same context as the test page: BroadcastChannel messages from the tab reach it.
 */

/**
 * @typedef {{ href: string, pass: string[], relay: string[], plant?: Record<string, string>,
 *   timeoutMs?: number }} SignInTabPayload
 * @typedef {{ method: string, url: string, navigation: boolean, body: string | null }} SeenRequest
 * @typedef {{ state: string | null, text: string, url: string, requests: SeenRequest[],
 *   navigations: string[] }} SignInTabReport
 */

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function signInTabPlugin() {
  return {
    name: 'lws-sign-in-tab',
    async executeCommand({ command, payload, session }) {
      if (command !== 'lws-sign-in-tab') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('lws-sign-in-tab needs Playwright');
      const launcher = /** @type {import('@web/test-runner-playwright').PlaywrightLauncher} */ (
        /** @type {unknown} */ (session.browser)
      );
      return openTab(launcher.getPage(session.id), /** @type {SignInTabPayload} */ (payload));
    },
  };
}

/**
 * @param {import('playwright').Page} testPage
 * @param {SignInTabPayload} payload
 * @returns {Promise<SignInTabReport>}
 */
async function openTab(testPage, payload) {
  const tab = await testPage.context().newPage();
  /** @type {SeenRequest[]} */
  const requests = [];
  /** @type {string[]} */
  const navigations = [];
  tab.on('framenavigated', (frame) => {
    if (frame === tab.mainFrame()) navigations.push(frame.url());
  });
  try {
    const cdp = await testPage.context().newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await tab.route('**/*', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      requests.push({
        method: request.method(),
        url: request.url(),
        navigation: request.isNavigationRequest(),
        body: request.postData(),
      });
      if (payload.pass.includes(url.origin)) return route.continue();
      if (payload.relay.includes(url.origin)) return relay(testPage, route);
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'refused by the test harness' });
    });
    const first = new URL(payload.href);
    if (payload.plant) {
      await tab.goto(new URL('/__lws-test/blank.html', first).href);
      await tab.evaluate((entries) => {
        for (const [key, value] of Object.entries(entries)) sessionStorage.setItem(key, value);
      }, payload.plant);
    }
    await tab.goto(payload.href).catch(() => {});
    const report = await settle(tab, payload);
    return { ...report, requests, navigations };
  } finally {
    await tab.close().catch(() => {});
  }
}

/**
 * Replays the request in the test page (where MSW answers it) and fulfils the route with the answer.
 * @param {import('playwright').Page} testPage
 * @param {import('playwright').Route} route
 */
async function relay(testPage, route) {
  const request = route.request();
  const origin = (await request.headerValue('origin')) ?? '*';
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
  };
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
  const headers = request.headers();
  const answer = await testPage.evaluate(
    async ({ url, method, headers, body }) => {
      const response = await fetch(url, { method, headers, ...(body === null ? {} : { body }) });
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      };
    },
    {
      url: request.url(),
      method: request.method(),
      headers: { 'content-type': headers['content-type'] ?? 'text/plain' },
      body: request.postData(),
    },
  );
  return route.fulfill({ status: answer.status, headers: { ...answer.headers, ...cors }, body: answer.body });
}

/**
 * Waits until the page reports its state, leaves the hosts it may reach, or the time is up.
 * @param {import('playwright').Page} tab
 * @param {SignInTabPayload} payload
 * @returns {Promise<{ state: string | null, text: string, url: string }>}
 */
async function settle(tab, payload) {
  const deadline = Date.now() + (payload.timeoutMs ?? 10_000);
  for (;;) {
    const url = tab.url();
    const origin = URL.canParse(url) ? new URL(url).origin : '';
    const seen = await tab
      .evaluate(() => ({
        state: document.body?.dataset.state ?? null,
        text: document.body?.textContent ?? '',
      }))
      .catch(() => ({ state: null, text: '' }));
    const away = origin !== '' && !payload.pass.includes(origin) && url !== 'about:blank';
    if (seen.state || away || Date.now() > deadline) return { ...seen, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
