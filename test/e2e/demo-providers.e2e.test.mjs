// @ts-check
/**
 * End-to-end test of the built demo's other token sources, beside demo.e2e.test.mjs: the support
 * tickets card (`<callout-oidc>` against the emulated OpenID Connect IdP), the invoices card (a
 * token the host's backend mints), and a visit in a browser that blocks third-party cookies.
 * Asserts by counting the emulators' requests.
 *
 * Playwright runs every query and evaluation in the page with a user gesture, so a test that
 * polls the page gives it user activation, and a provider allowed to open a popup on demand
 * (`<callout-msal interaction="popup">`) then opens one instead of failing. Where a test must see
 * what a user who did not click sees, it leaves the page alone until the page itself says, on the
 * console, that the first sign-in attempts have failed (an init script watches the cards).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { screenshot, startDemoSite, waitFor, watchedPage } from './demo-site.mjs';
import { popupClosed } from './popups.mjs';

/** @type {Awaited<ReturnType<typeof startDemoSite>>} */
let site;

before(async () => {
  site = await startDemoSite();
});

after(async () => {
  await site?.stop();
});

/**
 * What the emulators counted, or `undefined` before the fault injector shows its counters.
 * @param {import('playwright-core').Page} page
 */
const readCounts = (page) =>
  page.evaluate(() => {
    const demo = /** @type {any} */ (window).ssoCalloutDemo;
    const injector = document.querySelector('demo-fault-injector');
    const retries = Number(injector?.shadowRoot?.querySelector('[data-counter="retries"]')?.textContent);
    if (!demo || !Number.isFinite(retries)) return undefined;
    const { world } = demo;
    return {
      aad: { ...world.aad.counters },
      support: { ...world.supportIdp.counters },
      tickets: { ...world.supportApi.counters },
      backend: { ...world.backend.counters },
      invoices: { ...world.billingApi.counters },
      retries,
    };
  });

/** @typedef {NonNullable<Awaited<ReturnType<typeof readCounts>>>} Counts */

/**
 * Waits until the counts satisfy `check`.
 * @param {import('playwright-core').Page} page
 * @param {(c: Counts) => boolean} check
 * @returns {Promise<Counts>}
 */
const countsWhen = async (page, check, what = 'the counters to change') =>
  /** @type {Counts} */ (
    await waitFor(
      () => readCounts(page),
      (c) => !!c && check(c),
      what,
    )
  );

/**
 * @param {import('playwright-core').Page} page
 * @param {string} id
 */
const runScenario = (page, id) => page.locator(`demo-fault-injector button[data-scenario="${id}"]`).click();

/**
 * @param {import('playwright-core').Page} page
 * @param {string} card
 */
const rows = (page, card) => page.locator(`callout-get#${card} table.orders tbody tr`);

describe('the demo: support tickets through <callout-oidc>, invoices from the host backend', () => {
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let problems = [];

  before(async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 1400 } });
    ({ page, problems } = await watchedPage(context));
    await page.goto(`${site.origin}/`);
  });

  after(() => context?.close());

  it('shows the tickets cold with one authorize and one token request, silently', async () => {
    await rows(page, 'tickets').first().waitFor();
    assert.equal(await rows(page, 'tickets').count(), 2);
    const c = await countsWhen(page, (x) => x.tickets.requests >= 1);
    assert.equal(c.support.authorize, 1);
    assert.equal(c.support.silentAuthorize, 1, 'the hidden frame');
    assert.equal(c.support.token, 1);
    assert.equal(c.support.signInPage, 0);
    assert.equal(c.tickets.requests, 1);
    assert.equal(context.pages().length, 1, 'no window was opened');
  });

  it('renews the tickets token from the rotating refresh token with one token request', async () => {
    const before = await countsWhen(page, () => true);
    await runScenario(page, 'oidc-expire');
    const c = await countsWhen(
      page,
      (x) => x.tickets.requests > before.tickets.requests,
      'the tickets to reload',
    );
    assert.equal(c.support.refreshTokenGrants - before.support.refreshTokenGrants, 1);
    assert.equal(c.support.token - before.support.token, 1);
    assert.equal(c.support.authorize - before.support.authorize, 0);
  });

  it('signs in again silently when the refresh token is revoked: one refused refresh, one authorize, one token', async () => {
    const before = await countsWhen(page, () => true);
    await runScenario(page, 'oidc-revoke');
    const c = await countsWhen(
      page,
      (x) => x.tickets.requests > before.tickets.requests,
      'the tickets to reload',
    );
    assert.equal(c.support.refreshTokenGrants - before.support.refreshTokenGrants, 1, 'one refused refresh');
    assert.equal(c.support.silentAuthorize - before.support.silentAuthorize, 1, 'one hidden frame');
    assert.equal(c.support.authorizationCodeGrants - before.support.authorizationCodeGrants, 1);
    assert.equal(c.support.signInPage - before.support.signInPage, 0);
    assert.equal(await rows(page, 'tickets').count(), 2);
  });

  it('asks to sign in when the IdP session ends (login_required), and shows the tickets after a click', async () => {
    const before = await countsWhen(page, () => true);
    await runScenario(page, 'oidc-end-session');
    const signIn = page.locator('callout-get#tickets [part~="sign-in-button"]');
    await signIn.waitFor();
    const failed = await countsWhen(page, (x) => x.support.silentAuthorize > before.support.silentAuthorize);
    assert.equal(failed.tickets.rejected - before.tickets.rejected, 1, 'the API refused the token');
    assert.equal(
      failed.support.refreshTokenGrants - before.support.refreshTokenGrants,
      1,
      'one refused refresh',
    );
    assert.equal(
      failed.support.silentAuthorize - before.support.silentAuthorize,
      1,
      'the frame: login_required',
    );
    assert.equal(failed.support.signInPage, before.support.signInPage, 'no window on its own');
    assert.match(
      (await page.locator('callout-get#tickets [part~="error"]').textContent()) ?? '',
      /login_required/,
    );
    await screenshot(page, 'oidc-sign-in-required');
    const popup = context.waitForEvent('page');
    await signIn.click();
    await popupClosed(popup).catch(() => {});
    await rows(page, 'tickets').first().waitFor();
    const c = await countsWhen(
      page,
      (x) => x.support.authorizationCodeGrants > failed.support.authorizationCodeGrants,
    );
    assert.equal(c.support.signInPage - failed.support.signInPage, 1, 'one sign-in page, in the popup');
  });

  it('shows the invoices with one call to the host backend', async () => {
    await rows(page, 'invoices').first().waitFor();
    assert.equal(await rows(page, 'invoices').count(), 3);
    const c = await countsWhen(page, (x) => x.invoices.requests >= 1);
    assert.equal(c.backend.requests, 1);
    assert.equal(c.backend.forced, 0);
  });

  it("answers the billing API's 403 with one forced backend call and one retry", async () => {
    const before = await countsWhen(page, () => true);
    await runScenario(page, 'backend-forbidden');
    const c = await countsWhen(page, (x) => x.invoices.requests >= before.invoices.requests + 2, 'the retry');
    assert.equal(c.invoices.requests - before.invoices.requests, 2, 'the 403 and its retry');
    assert.equal(c.invoices.faulted - before.invoices.faulted, 1);
    assert.equal(c.backend.requests - before.backend.requests, 1, 'one backend call');
    assert.equal(c.backend.forced - before.backend.forced, 1, 'with forceRefresh');
    assert.equal(c.retries - before.retries, 1, 'one auth retry');
    await rows(page, 'invoices').first().waitFor();
    assert.equal(await page.locator('callout-get#invoices').getAttribute('state'), 'data');
  });

  it('logged no console errors and no unhandled rejections', () => {
    assert.deepEqual(problems, []);
  });
});

/** The message the init script below writes once the three cards have failed to sign in silently. */
const settledMessage = 'e2e: the first silent sign-ins failed';

describe('the demo in a browser that blocks third-party cookies', () => {
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  /** @type {import('playwright-core').Page} */
  let page;
  /** @type {string[]} */
  let problems = [];

  before(async () => {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 1400 } });
    // Watches the cards from inside the page: no query from the test gives it user activation first.
    await context.addInitScript((message) => {
      if (window.top !== window || location.pathname !== '/') return;
      const cards = ['orders', 'shipments', 'tickets'];
      const observer = new MutationObserver(() => {
        if (!cards.every((id) => document.getElementById(id)?.getAttribute('state') === 'error')) return;
        observer.disconnect();
        console.log(message);
      });
      observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
    }, settledMessage);
    ({ page, problems } = await watchedPage(context));
    const settled = page.waitForEvent('console', {
      predicate: (m) => m.text() === settledMessage,
      timeout: 20_000,
    });
    // A first visit that starts without a click (the fault injector's button reloads the page).
    await page.goto(`${site.origin}/?fault=third-party-cookies`);
    await settled;
  });

  after(() => context?.close());

  it('asks to sign in on the cards whose identity provider needs the hidden frame, naming third-party cookies', async () => {
    await page.locator('callout-get#orders [part~="sign-in-button"]').waitFor();
    await page.locator('callout-get#tickets [part~="sign-in-button"]').waitFor();
    await rows(page, 'invoices').first().waitFor();
    const details = (await page.locator('callout-get#orders [part~="error"]').textContent()) ?? '';
    assert.match(details, /login_required/);
    assert.match(details, /third-party cookies/);
    const c = await countsWhen(page, () => true);
    assert.equal(c.aad.signInPage, 0);
    // Grants, not token-endpoint requests: "Check setup", which the page runs after the first
    // failure, probes the OpenID Connect token endpoint's CORS with an empty POST (no grant).
    const issued = (/** @type {{ authorizationCodeGrants: number, refreshTokenGrants: number }} */ idp) =>
      idp.authorizationCodeGrants + idp.refreshTokenGrants;
    assert.equal(issued(c.aad), 0, 'no token without a session the frame can see');
    assert.equal(c.support.silentAuthorize, 1);
    assert.equal(issued(c.support), 0);
    assert.equal(context.pages().length, 1, 'no window was opened');
    await screenshot(page, 'third-party-cookies');
  });

  it('"Check setup" reports that the hidden frame found no session, and what to do', async () => {
    const found = page.locator('callout-log [part~="check"]', { hasText: 'third-party cookies' });
    const aad = found.filter({ hasText: 'provider aad' });
    await aad.first().waitFor();
    const text = (await aad.first().textContent()) ?? '';
    assert.match((await aad.first().getAttribute('part')) ?? '', /check-(warn|fail)/);
    assert.match(text, /found no session: none in this browser, or third-party cookies blocked/);
    assert.match(text, /Sign in from a click; renewals then use the refresh token/);
  });

  it('signs in once from a click; the shipments card then loads by itself and renewals use the refresh token, never the hidden frame', async () => {
    const before = await readCounts(page);
    assert.ok(before);
    const popup = context.waitForEvent('page');
    await page.locator('callout-get#orders [part~="sign-in-button"]').click();
    await popupClosed(popup).catch(() => {});
    await rows(page, 'orders').first().waitFor();
    // The shipments card, chained on aad, loads again by itself once aad has signed in: its
    // subject token comes from the refresh token the sign-in left.
    await rows(page, 'shipments').first().waitFor();
    const signedIn = await countsWhen(
      page,
      (x) =>
        x.aad.authorizationCodeGrants > before.aad.authorizationCodeGrants &&
        x.aad.refreshTokenGrants > before.aad.refreshTokenGrants,
      'the sign-in and the shipments card',
    );
    assert.equal(signedIn.aad.signInPage - before.aad.signInPage, 1);
    assert.equal(signedIn.aad.authorizationCodeGrants - before.aad.authorizationCodeGrants, 1);
    assert.equal(signedIn.aad.refreshTokenGrants - before.aad.refreshTokenGrants, 1, 'the subject token');
    assert.equal(signedIn.aad.silentAuthorize - before.aad.silentAuthorize, 0, 'no hidden frame');
    // Orders' token is renewed from the refresh token too, with no authorize request.
    await runScenario(page, 'expire');
    // Waits on the grant, not on the request count: the emulator counts a token request when it
    // arrives and its grant only once it has read the body.
    const grants = (/** @type {Counts['aad']} */ x) => x.authorizationCodeGrants + x.refreshTokenGrants;
    const c = await countsWhen(page, (x) => grants(x.aad) > grants(signedIn.aad), 'the renewal');
    assert.equal(c.aad.token - signedIn.aad.token, 1);
    assert.equal(c.aad.refreshTokenGrants - signedIn.aad.refreshTokenGrants, 1, 'from the refresh token');
    assert.equal(c.aad.authorize - signedIn.aad.authorize, 0, 'no hidden frame, no window');
  });

  it('leaves the mode when the button is clicked again', async () => {
    await runScenario(page, 'third-party-cookies');
    await page.waitForURL((url) => !url.searchParams.has('fault'));
    await rows(page, 'orders').first().waitFor();
    await rows(page, 'tickets').first().waitFor();
  });

  it('logged no console errors and no unhandled rejections', () => {
    assert.deepEqual(problems, []);
  });
});
