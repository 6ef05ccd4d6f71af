import { expect } from '@open-wc/testing';
import { isCalloutError } from '../../src/diagnostics/callout-error.js';
import { needsSignIn } from '../../src/diagnostics/needs-sign-in.js';
import type { MsalCacheLocation } from '../../src/msal/options.js';
import { click } from '../support/aad-gesture.js';
import { type AadScenario, startScenario } from '../support/aad-setup.js';
import { type MovedClock, moveClock } from '../support/moved-clock.js';

/**
 * How long a user goes without a sign-in prompt in a browser that blocks third-party cookies,
 * per `cache` option, with the real MSAL: the hidden frame never finds the identity provider's
 * session (the emulator's `thirdPartyCookiesBlocked`), so after one interactive sign-in only the
 * refresh token renews. Entra ID's real lifetimes are used — access tokens 1 hour, refresh
 * tokens 24 hours from the interactive sign-in, not extended by rotation — and the page's clock
 * is moved forward instead of waiting (moved-clock.ts). A reload is a new provider and client on
 * the same storage; a new tab the same without this tab's sessionStorage; a browser restart the
 * same without session cookies either (where MSAL keeps the key of its localStorage cache).
 */

const hour = 3600;

/** What one token demand did: how it was served (or that it asks the user), and what it cost. */
async function demand(s: AadScenario): Promise<string> {
  s.aad.resetCounters();
  const got = await s.callout.token('Orders').then(
    (token) => token.source,
    (error: unknown) => (needsSignIn(error) && isCalloutError(error) ? `asks: ${error.code}` : String(error)),
  );
  const { silentAuthorize, refreshTokenGrants, signInPage } = s.aad.counters;
  return `${got} (frames ${silentAuthorize}, refresh grants ${refreshTokenGrants}, prompts ${signInPage})`;
}

/** The user clicks "Sign in to continue": one sign-in window. */
async function signInFromClick(s: AadScenario): Promise<string> {
  s.aad.resetCounters();
  await click(() => s.callout.signIn());
  return `signed in (prompts ${s.aad.counters.signInPage})`;
}

/** A demand, and the sign-in from a click when it asks the user. */
async function demandThenSignIn(s: AadScenario): Promise<string> {
  const outcome = await demand(s);
  return outcome.startsWith('asks:') ? `${outcome}; ${await signInFromClick(s)}` : outcome;
}

/** Drops the session cookie that holds the key of MSAL's localStorage cache, as a browser restart does. */
const endCookieSession = (): Promise<void> => cookieStore.delete('msal.cache.encryption');

/** The page is left and opened again: `storage` says what survives (`tab`: a new tab; `restart`: a browser restart). */
async function reopen(s: AadScenario, storage: 'reload' | 'tab' | 'restart'): Promise<void> {
  s.callout.dispose();
  if (storage !== 'reload') sessionStorage.clear();
  if (storage === 'restart') await endCookieSession();
  Object.assign(s, s.reload());
}

/**
 * One day of a user in a browser that blocks third-party cookies: the first visit, then an hour
 * later each of the same page, a reload, a new tab and a browser restart, then renewals every hour
 * until the refresh token of the last sign-in runs out. Each line: what the demand did.
 */
async function aDay(cache: MsalCacheLocation, clock: MovedClock): Promise<Record<string, string>> {
  const s = await startScenario({ provider: { interaction: 'popup', cache } });
  s.aad.faults.thirdPartyCookiesBlocked = true;
  const day: Record<string, string> = {};
  try {
    day.firstVisit = await demandThenSignIn(s);
    clock.advance(hour);
    day.samePage = await demandThenSignIn(s);
    for (const storage of ['reload', 'tab', 'restart'] as const) {
      clock.advance(hour);
      await reopen(s, storage);
      day[storage] = await demandThenSignIn(s);
    }
    // From the last sign-in on, a renewal every hour until 24 hours have passed.
    const hourly = new Set<string>();
    for (let hours = 1; hours < 24; hours++) {
      clock.advance(hour);
      hourly.add(await demand(s));
    }
    day.hourly = [...hourly].join(' | ');
    clock.advance(hour);
    day.dayLater = await demand(s);
    return day;
  } finally {
    s.callout.dispose();
  }
}

describe('msalProvider: how long a user goes without a prompt when the browser blocks third-party cookies', () => {
  let clock: MovedClock;
  beforeEach(() => {
    clock = moveClock();
  });
  afterEach(async () => {
    clock.restore();
    sessionStorage.clear();
    localStorage.clear();
    await endCookieSession();
  });

  const asksAgain = 'asks: login_required (frames 1, refresh grants 0, prompts 0); signed in (prompts 1)';
  const firstVisit = asksAgain;
  const refresh = 'refresh (frames 0, refresh grants 1, prompts 0)';
  const dayLater = 'asks: third_party_cookies_blocked (frames 1, refresh grants 0, prompts 0)';

  /** Per cache option: the test's sentence, and the steps that ask the user again (the others ride the refresh token). */
  const days: [MsalCacheLocation, string, ('reload' | 'tab' | 'restart')[]][] = [
    [
      'memory',
      "with cache 'memory', the refresh token serves the page it was signed in on for 24 hours; every reload, tab and restart asks again",
      ['reload', 'tab', 'restart'],
    ],
    [
      'session',
      "with cache 'session', the refresh token serves the tab and its reloads for 24 hours; a new tab and a restart ask again",
      ['tab', 'restart'],
    ],
    [
      'local',
      "with cache 'local', the refresh token serves every tab and reload for 24 hours; a browser restart asks again",
      ['restart'],
    ],
  ];
  for (const [cache, sentence, asking] of days) {
    it(sentence, async () => {
      const reopened = (step: 'reload' | 'tab' | 'restart') => (asking.includes(step) ? asksAgain : refresh);
      expect(await aDay(cache, clock)).to.deep.equal({
        firstVisit,
        samePage: refresh,
        reload: reopened('reload'),
        tab: reopened('tab'),
        restart: reopened('restart'),
        hourly: refresh,
        dayLater,
      });
    });
  }

  it('says plainly that the sign-in ended and the user must sign in again when the refresh token has run out', async () => {
    const s = await startScenario({ provider: { interaction: 'popup', cache: 'session' } });
    s.aad.faults.thirdPartyCookiesBlocked = true;
    try {
      await click(() => s.callout.signIn());
      clock.advance(24 * hour);
      await reopen(s, 'reload');
      const error = await s.callout.token('Orders').then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!isCalloutError(error)) throw new Error(`expected a CalloutError, got ${String(error)}`);
      // After a reload nothing on the page proves the cookies blocked: both causes stay named.
      expect(error.code).to.equal('login_required');
      expect(needsSignIn(error)).to.equal(true);
      expect(error.message).to.contain('refresh_token_expired');
      expect(error.hint).to.match(/^The sign-in has ended: its refresh token expired .+ Sign in again/);
      expect(error.hint).to.contain('third-party cookies');
      expect(s.aad.counters.refreshTokenGrants).to.equal(0);
    } finally {
      s.callout.dispose();
    }
  });
});
