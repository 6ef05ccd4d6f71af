import { faultParameter } from './offline.js';
import type { Scenario } from './scenarios.js';

/** `<callout-log>`'s "Check setup", run after a setup fault so the page shows what it finds. */
type SetupLog = HTMLElement & { checkSetup(): Promise<unknown> };

async function checkSetup(): Promise<void> {
  await document.querySelector<SetupLog>('callout-log')?.checkSetup();
}

/** The page again with `fault` (or without any), with a fresh MSAL cache for a cold start. */
function reloadWith(fault: string | undefined): string {
  const url = new URL(location.href);
  if (fault) {
    url.searchParams.set(faultParameter, fault);
    sessionStorage.clear();
  } else {
    url.searchParams.delete(faultParameter);
  }
  location.assign(url.href);
  return 'Reloading…';
}

/**
 * Faults of the page's setup rather than of a server's answer: what the user sees, and what
 * "Check setup" in the log reports for each (it runs after every click).
 */
export const setupScenarios: Scenario[] = [
  {
    id: 'third-party-cookies',
    label: 'Browser blocks third-party cookies',
    explains:
      'A fresh visit in a browser that blocks third-party cookies: the hidden frame of silent sign-in finds no Azure AD session. Reloads the page.',
    pressed: (world) => world.aad.faults.thirdPartyCookiesBlocked,
    run(world) {
      return reloadWith(world.aad.faults.thirdPartyCookiesBlocked ? undefined : 'third-party-cookies');
    },
  },
  {
    id: 'redirect-missing',
    label: 'Redirect page missing',
    explains:
      '/redirect.html answers 404: silent sign-in through the hidden frame and popup sign-in time out. Refresh tokens hide it until they run out.',
    pressed: (world) => world.page.redirectMissing,
    async run(world) {
      world.page.redirectMissing = !world.page.redirectMissing;
      await checkSetup();
      return world.page.redirectMissing
        ? 'The redirect page is gone: nothing shows while refresh tokens last, but the next sign-in would time out. "Check setup" below reports the redirect-page problem.'
        : 'The redirect page is back.';
    },
  },
  {
    id: 'hide-www-authenticate',
    label: 'API hides WWW-Authenticate',
    explains:
      "The API's CORS answer does not expose WWW-Authenticate: 401s still refresh and retry, but a claims challenge (CAE) cannot be read.",
    pressed: (world) => world.api.faults.hideWwwAuthenticate,
    async run(world) {
      world.api.faults.hideWwwAuthenticate = !world.api.faults.hideWwwAuthenticate;
      await checkSetup();
      return world.api.faults.hideWwwAuthenticate
        ? 'The orders API hides its challenges: try "Require claims (CAE)" to see a challenge that cannot be answered. "Check setup" below names the header to expose.'
        : 'The orders API exposes WWW-Authenticate again.';
    },
  },
];
