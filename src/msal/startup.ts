import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';

/** What start-up found: the sign-in redirect's result, or why handling it failed. */
export interface MsalStart {
  /** The redirect result, or `null` when the page was not loaded by a sign-in redirect. */
  redirected: AuthenticationResult | null;
  /** Set when the page came back from Azure AD with an error (declined consent, AADSTS…). */
  redirectFailure?: unknown;
}

const started = new WeakMap<IPublicClientApplication, Promise<MsalStart>>();

/**
 * Runs `initialize()` and then `handleRedirectPromise()` on `instance` exactly once, however many
 * providers or components share it, and returns the shared promise. An `initialize()` failure
 * rejects (every caller sees the same typed error instead of each retrying the start-up); a
 * failed redirect answer does not: it is returned as `redirectFailure`, so the provider reports
 * it once and can still sign in again.
 */
export function startMsal(instance: IPublicClientApplication): Promise<MsalStart> {
  let startup = started.get(instance);
  if (!startup) {
    startup = (async (): Promise<MsalStart> => {
      await instance.initialize();
      try {
        return { redirected: await instance.handleRedirectPromise() };
      } catch (redirectFailure) {
        return { redirected: null, redirectFailure };
      }
    })();
    started.set(instance, startup);
  }
  return startup;
}
