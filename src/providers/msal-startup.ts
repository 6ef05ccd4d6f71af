import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';

const started = new WeakMap<IPublicClientApplication, Promise<AuthenticationResult | null>>();

/**
 * Runs `initialize()` and then `handleRedirectPromise()` on `instance` exactly once, however many
 * providers or components share it, and returns the shared promise (the redirect result, or `null`
 * when the page was not loaded by a sign-in redirect). A failure is shared too, so every caller
 * sees the same typed error instead of each retrying the start-up.
 */
export function startMsal(instance: IPublicClientApplication): Promise<AuthenticationResult | null> {
  let startup = started.get(instance);
  if (!startup) {
    startup = (async () => {
      await instance.initialize();
      return instance.handleRedirectPromise();
    })();
    started.set(instance, startup);
  }
  return startup;
}
