// @ts-check
/**
 * End-to-end test of the built demo (`vite build --mode demo`), served by `vite preview` and driven
 * with playwright-core in Debian's Chromium (no browser download; CHROME_PATH overrides the path).
 * It walks the story a person would: silent SSO, every fault-injector scenario, a POST through a
 * 401, and sign-in through the emulator's popup — asserting by counting IdP and API requests.
 * Screenshots of the main states go to test-results/e2e/ (not committed). Any console error other
 * than the browser's own "Failed to load resource" lines for statuses a scenario provokes, and any
 * uncaught error or unhandled rejection, fails the run.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { screenshot as saveScreenshot, startDemoSite, waitFor, watchedPage } from './demo-site.mjs';
import { popupClosed } from './popups.mjs';

/** @type {Awaited<ReturnType<typeof startDemoSite>>} */
let site;
/** @type {import('playwright-core').BrowserContext} */
let context;
/** @type {import('playwright-core').Page} */
let page;
/** @type {string[]} */
let problems = [];

/** @param {string} name */
const screenshot = (name) => saveScreenshot(page, name);

/** @returns {Promise<{ authorize: number; token: number; api: number; accepted: number; orders: number; retries: number; exchange: number; exchangeRefresh: number; shipments: number }>} */
const readCounters = () =>
  page.evaluate(() => {
    const { world } = /** @type {any} */ (window).ssoCalloutDemo;
    const injector = document.querySelector('demo-fault-injector');
    const retries = Number(injector?.shadowRoot?.querySelector('[data-counter="retries"]')?.textContent);
    return {
      authorize: world.aad.counters.authorize,
      token: world.aad.counters.token,
      api: world.api.counters.requests,
      // Requests whose token the API accepted: counted once it has checked the token, after `api`.
      accepted: world.api.counters.authorized,
      orders: world.orders.length,
      retries,
      exchange: world.exchange.counters.exchanges,
      exchangeRefresh: world.exchange.counters.refreshes,
      shipments: world.shipmentsApi.counters.requests,
    };
  });

/** Clicks a fault-injector scenario and waits until both components have called the API again. @param {string} id */
async function runScenario(id) {
  await page.locator(`demo-fault-injector button[data-scenario="${id}"]`).click();
}

/** The counters, once the fault injector shows them (it renders when the page hands it the world). */
async function counters() {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const current = await readCounters();
    if (Number.isFinite(current.retries)) return current;
    if (Date.now() > deadline) throw new Error('The fault injector never showed its counters');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `check` holds for the counters. @param {(c: Awaited<ReturnType<typeof counters>>) => boolean} check */
const until = (check, what = 'the counters to change') => waitFor(counters, check, what);

const orderRows = () => page.locator('callout-get#orders table.orders tbody tr');
const ordersState = () => page.locator('callout-get#orders').getAttribute('state');
const shipmentRows = () => page.locator('callout-get#shipments table.orders tbody tr');

before(async () => {
  site = await startDemoSite();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  ({ page, problems } = await watchedPage(context));
  await page.goto(`${site.origin}/`);
});

after(async () => {
  await site?.stop();
});

describe('the demo', () => {
  it('loads and shows the open orders without any prompt', async () => {
    await orderRows().first().waitFor();
    assert.equal(await orderRows().count(), 2);
    await page.locator('demo-customer-profile dl').waitFor();
    assert.equal(context.pages().length, 1, 'no popup was opened');
    await screenshot('1-loaded');
  });

  it('costs one authorize and one token request per API audience for all its components', async () => {
    const c = await until((x) => x.api >= 2 && x.shipments >= 1, 'the three components to load');
    assert.equal(c.authorize, 1);
    assert.equal(c.token, 2, 'the orders API and the shipments token endpoint');
    assert.equal(c.retries, 0);
  });

  it('shows the shipments through a token exchange with one exchange request', async () => {
    await shipmentRows().first().waitFor();
    assert.equal(await shipmentRows().count(), 3);
    const c = await counters();
    assert.equal(c.exchange, 1);
    assert.equal(c.exchangeRefresh, 0);
    assert.equal(c.shipments, 1);
    // The fault injector redraws its counters every 250 ms: wait for the redraw, not for luck.
    const shown = page.locator('demo-fault-injector [data-counter="exchange"]');
    const text = await waitFor(
      () => shown.textContent(),
      (t) => t === '1',
      'the shown exchange count',
    );
    assert.equal(text, '1');
  });

  it('renews the exchanged token with a new exchange when its refresh tokens are revoked', async () => {
    const before = await counters();
    await runScenario('exchange-revoke');
    // After a scenario the page reloads its components one after the other, the profile (orders
    // API) last: wait until that reload has been accepted too, or it is still on its way when the
    // next test revokes the API's tokens, and is counted (and refused) there.
    const c = await until(
      (x) => x.shipments > before.shipments && x.accepted >= before.accepted + 2,
      'every component to reload',
    );
    assert.equal(c.exchangeRefresh - before.exchangeRefresh, 1, 'one refused refresh');
    assert.equal(c.exchange - before.exchange, 1, 'one new exchange');
    assert.equal(c.authorize + c.token, before.authorize + before.token, 'no Azure AD request');
    await shipmentRows().first().waitFor();
  });

  it('recovers from a revoked token with one refresh and one retry', async () => {
    const before = await counters();
    await runScenario('revoke');
    // The orders list is answered 401, refreshes and retries; the profile then uses the new token.
    // Accepted as well as counted: the API checks the token after it counts the request.
    const c = await until(
      (x) => x.api >= before.api + 3 && x.accepted >= before.accepted + 2,
      'both components to call the API',
    );
    assert.equal(c.api - before.api, 3);
    assert.equal(c.token - before.token, 1, 'one refresh for both components');
    assert.equal(c.authorize - before.authorize, 0);
    assert.equal(c.retries - before.retries, 1, 'one auth retry');
    assert.equal(await orderRows().count(), 2);
  });

  it('answers a claims challenge with a claims token and one retry per request', async () => {
    const before = await counters();
    await runScenario('claims');
    // Both counts: the API's count and the client's retry events are read from two places, and
    // on a loaded machine one can be read before the other has caught up.
    const c = await until(
      (x) => x.api >= before.api + 4 && x.retries >= before.retries + 2,
      'both components to retry',
    );
    assert.equal(c.token - before.token, 1, 'one token request carrying the claims');
    assert.equal(c.retries - before.retries, 2);
    assert.equal(await ordersState(), 'data');
    await runScenario('claims'); // the API stops requiring claims
    await until((x) => x.api >= c.api + 2 && x.accepted >= c.accepted + 2, 'the components to reload');
  });

  it('shows a forbidden error with its hint on 403 insufficient scope, without retrying', async () => {
    const before = await counters();
    await runScenario('forbidden');
    await page.locator('callout-get#orders [part~="error"]').waitFor();
    const text = (await page.locator('callout-get#orders [part~="error"]').textContent()) ?? '';
    assert.match(text, /403/);
    assert.match(text, /scope/i);
    const c = await until((x) => x.api >= before.api + 2, 'both components to call');
    assert.equal(c.retries, before.retries);
    assert.equal(c.token, before.token);
    await screenshot('2-forbidden');
  });

  it('waits out a 429 with Retry-After and shows the data', async () => {
    const before = await counters();
    await runScenario('throttle');
    const c = await until((x) => x.api >= before.api + 3, 'the throttled call to be retried');
    assert.equal(c.api - before.api, 3, '429, its retry, and the profile');
    await orderRows().first().waitFor();
    assert.equal(await ordersState(), 'data');
  });

  it('creates exactly one order when the first POST attempt is answered 401', async () => {
    const before = await counters();
    await page.evaluate(() => {
      const { world } = /** @type {any} */ (window).ssoCalloutDemo;
      world.api.faults.status = 401;
      world.api.faults.times = 1;
    });
    await page.locator('demo-order-form button[type="submit"]').click();
    await page.locator('demo-order-form .message', { hasText: 'created' }).waitFor();
    const c = await until((x) => x.orders === before.orders + 1, 'the order to be created');
    assert.equal(c.orders - before.orders, 1);
    assert.equal(c.retries - before.retries, 1);
    await orderRows().nth(2).waitFor();
    assert.equal(await orderRows().count(), 3);
  });

  it('reports an IdP outage with a hint while the cached token keeps working', async () => {
    await runScenario('idp-down');
    await runScenario('expire');
    const message = page.locator('demo-fault-injector .message');
    await message.filter({ hasText: /token/i }).waitFor();
    assert.match((await message.textContent()) ?? '', /Azure AD|identity provider|token source|server/i);
    await orderRows().first().waitFor();
    assert.equal(await ordersState(), 'data');
    await runScenario('idp-down');
  });

  it('shows what "Check setup" finds when the API hides WWW-Authenticate', async () => {
    await runScenario('hide-www-authenticate');
    const found = page.locator('callout-log [part~="check-fail"]', { hasText: 'WWW-Authenticate' });
    await found.first().waitFor();
    assert.match((await found.first().textContent()) ?? '', /cors-www-authenticate/);
    assert.match((await found.first().textContent()) ?? '', /Access-Control-Expose-Headers/);
    await screenshot('5-check-setup');
    await runScenario('hide-www-authenticate');
  });

  it('asks for sign-in when the SSO session ends, and shows data after the popup', async () => {
    await runScenario('end-session');
    const signIn = page.locator('callout-get#orders [part~="sign-in-button"]');
    await signIn.waitFor();
    await screenshot('3-sign-in-required');
    const popup = context.waitForEvent('page');
    await signIn.click();
    await popupClosed(popup).catch(() => {});
    await orderRows().first().waitFor();
    assert.equal(await ordersState(), 'data');
    await screenshot('4-signed-in-again');
  });

  it('logged no console errors and no unhandled rejections', () => {
    assert.deepEqual(problems, []);
  });
});
