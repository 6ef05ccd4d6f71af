import type { Callout } from '../../src/index.js';
import { faultParameter, type OfflineWorld } from './offline.js';
import type { Scenario } from './scenarios.js';

/** `<callout-log>`'s "Check setup", run after a setup fault so the page shows what it finds. */
type SetupLog = HTMLElement & { checkSetup(): Promise<unknown> };

async function checkSetup(): Promise<void> {
  await document.querySelector<SetupLog>('callout-log')?.checkSetup();
}

/**
 * The page again with `fault` (or without any); main.ts starts a faulted page with an empty cache.
 * Chromium carries the click's user activation into the reloaded same-origin page, where it lets
 * the sign-in popup open at once (sso-callout getting the user through); a visit that starts
 * without a click (open the URL in a new tab) shows the failure instead.
 */
function reloadWith(fault: string | undefined): string {
  const url = new URL(location.href);
  if (fault) url.searchParams.set(faultParameter, fault);
  else url.searchParams.delete(faultParameter);
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
      'A fresh visit in a browser that blocks third-party cookies: the hidden frames of silent sign-in find no session at Azure AD or at the support desk. Reloads the page.',
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

/**
 * For a page started with a setup fault (`?fault=third-party-cookies`): says in the fault
 * injector what the visitor is looking at, and runs "Check setup" once the first silent sign-in
 * has failed, so the log shows its reading of the failure.
 */
export function explainStartFault(
  world: OfflineWorld,
  callout: Callout,
  injector: { message: string },
): void {
  if (!world.aad.faults.thirdPartyCookiesBlocked) return;
  injector.message =
    'This visit runs in a browser that blocks third-party cookies: the hidden frames find no session at Azure AD or at the support desk, so those cards ask to sign in (login_required, whose hint names both causes); the invoices, from the host backend, need no frame. Sign in once from a click; renewals then ride the refresh token. Click the button again to leave this mode.';
  const afterFailure = () => void checkSetup().catch(() => {});
  callout.events.addEventListener('interaction-required', afterFailure, { once: true });
}
