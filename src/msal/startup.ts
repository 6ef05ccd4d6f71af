import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import { pickAccount } from './account.js';
import { fromMsalError, msalError } from './errors.js';
import type { MsalSession } from './session.js';

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

/**
 * The provider's start-up, begun when it is created: adopts the MSAL instance as soon as the host
 * has it (`application`; under LWS once the adaptations loaded), resolves the login hint (a
 * function is called once), then runs {@link startMsal}. A sign-in redirect's result is checked
 * to be the hinted user and its account adopted; a failed or refused one is kept for the next
 * `getToken` to report. Without a redirect, the account is picked from MSAL's cache.
 *
 * Rejects with a typed error when the hint function, the creation of the instance or
 * `initialize()` fails; every later call awaits start-up and reports it.
 */
export async function startSession(
  session: MsalSession,
  application: IPublicClientApplication | Promise<IPublicClientApplication>,
): Promise<void> {
  // Adopted as soon as it exists: sign-out clears its cache even when start-up fails later.
  const created = Promise.resolve(application).then((app) => {
    session.adopt(app);
    return app;
  });
  created.catch(() => {});
  const hint = session.options.loginHint;
  try {
    session.loginHint = typeof hint === 'function' ? await hint() : hint;
  } catch (error) {
    await created.catch(() => {});
    throw msalError(
      'configuration_error',
      'msalProvider loginHint function failed',
      'Fix the loginHint function: it should resolve to the host page user’s UPN or email, or undefined.',
      error,
    );
  }
  let started: MsalStart;
  try {
    started = await startMsal(await created);
  } catch (error) {
    throw fromMsalError(
      error,
      session.context(session.created ? 'initialize' : 'new PublicClientApplication', []),
    );
  }
  await adoptRedirect(session, started);
}

/** Start-up's last step: the sign-in redirect's result (checked), else MSAL's cached account. */
async function adoptRedirect(session: MsalSession, started: MsalStart): Promise<void> {
  const step = 'handleRedirectPromise';
  if (started.redirectFailure !== undefined) {
    session.redirectFailure = fromMsalError(started.redirectFailure, session.context(step, []));
  }
  let redirected = started.redirected;
  if (redirected) {
    redirected = await session
      .accept(redirected, { loginHint: session.loginHint }, step)
      .catch((error: unknown) => {
        session.redirectFailure = fromMsalError(error, session.context(step, []));
        return null;
      });
  }
  if (redirected) session.interactiveAt = Date.now();
  // A sign-out announced by another tab meanwhile wins over what MSAL's cache still holds.
  const account =
    redirected?.account ?? (session.signedOut ? undefined : pickAccount(session.app, session.loginHint));
  if (account) session.setAccount(account);
}
