import type { AuthenticationResult } from '@azure/msal-browser';
import type { CalloutError } from '../diagnostics/callout-error.js';
import { needsSignIn } from '../diagnostics/needs-sign-in.js';
import type { AccessToken, Account, TokenRequest } from '../types.js';
import { pickAccount, toAccount } from './account.js';
import { fromMsalError, msalError } from './errors.js';
import type { HostSignIn } from './host.js';
import { runExclusiveInteraction } from './interaction-lock.js';
import type { MsalSignInOptions } from './options.js';
import type { MsalSession } from './session.js';
import { cachedToken, type NeedsUser } from './silent.js';

/**
 * The interaction policy: what happens when silent acquisition (silent.ts) cannot serve, and how
 * the user signs in. At most one popup or redirect runs on the page (interaction-lock.ts).
 */

/**
 * A token demand that needs the user, per `interaction`: `none` (or signed out, or a host that
 * cannot open windows: LWS) throws the typed error at once; `redirect` leaves for the identity
 * provider (`acquireTokenRedirect`) and throws meanwhile; `popup` opens one only while the page
 * has a user gesture (`navigator.userActivation.isActive`), else throws. The scopes are kept for
 * the next sign-in. When another interaction ran instead, its result is looked up silently. In
 * a Teams/Outlook host (nested app authentication) `redirect` acts as `popup`: the host's window.
 */
export async function interactiveToken(
  session: MsalSession,
  request: TokenRequest,
  needs: NeedsUser,
): Promise<AccessToken> {
  const scopes = [...request.scopes];
  const error = interactionError(session, needs, scopes);
  for (const scope of scopes) session.wantedScopes.add(scope);
  const configured = session.options.interaction ?? 'popup';
  // In a Teams/Outlook host, the host shows its own sign-in window; MSAL has no redirect there.
  const policy = configured === 'redirect' && session.host.nested?.active ? 'popup' : configured;
  if (policy === 'none' || session.signedOut || !session.host.opensWindows) throw error;
  const app = session.app;
  const account = session.account;
  const interactive = {
    scopes,
    redirectUri: session.redirectUri,
    ...(account ? { account } : {}),
    ...session.userHints(),
    ...(request.claims ? { claims: request.claims } : {}),
  };
  const step = policy === 'redirect' ? 'acquireTokenRedirect' : 'acquireTokenPopup';
  const mapped = (cause: unknown) => Promise.reject(fromMsalError(cause, session.context(step, scopes)));
  if (policy === 'redirect') {
    await runExclusiveInteraction(() => app.acquireTokenRedirect(interactive)).catch(mapped);
    throw error;
  }
  if (globalThis.navigator?.userActivation?.isActive !== true) throw error;
  const outcome = await runExclusiveInteraction(() => app.acquireTokenPopup(interactive)).catch(mapped);
  if (!outcome.ran) return afterOtherInteraction(session, request);
  const result = await session.accept(outcome.value, { loginHint: session.loginHint, account }, step);
  session.interactiveAt = Date.now();
  session.setAccount(result.account ?? undefined);
  return session.token(result, 'interactive');
}

/** Another interaction on the page finished while we waited: try the cache it filled. */
async function afterOtherInteraction(session: MsalSession, request: TokenRequest): Promise<AccessToken> {
  const scopes = [...request.scopes];
  const account = session.account;
  if (!account) throw interactionError(session, { failure: undefined, earlier: undefined }, scopes);
  try {
    return await cachedToken(session, account, { ...request, forceRefresh: false });
  } catch (error) {
    throw fromMsalError(error, session.context('acquireTokenSilent', scopes));
  }
}

/** The typed error for "the user must interact", always with an interaction code. */
function interactionError(session: MsalSession, needs: NeedsUser, scopes: string[]): CalloutError {
  const { failure, earlier } = needs;
  if (failure === undefined) {
    const why = session.signedOut
      ? 'The user signed out'
      : 'No account is signed in and no loginHint or sid was given for silent SSO';
    return msalError(
      'interaction_required',
      `${why}: a token for ${scopes.join(' ')} needs an interactive sign-in`,
      session.signedOut
        ? 'Call callout.signIn() from a click to sign in again.'
        : "Pass loginHint (the host page user's UPN or email) to sign in silently, or call callout.signIn() from a click.",
    );
  }
  const mapped = fromMsalError(failure, session.context('ssoSilent', scopes));
  const before =
    earlier !== undefined && earlier !== failure
      ? ` (before that, ${fromMsalError(earlier, session.context('acquireTokenSilent', scopes)).message})`
      : '';
  const code = needsSignIn(mapped) ? mapped.code : 'interaction_required';
  return msalError(code, `${mapped.message}${before}`, mapped.hint, failure);
}

/**
 * The plain browser's interactive sign-in (see `MsalHost.signIn`), under the page-wide lock:
 * `loginRedirect` for `interaction: 'redirect'` — the page then leaves, so the promise never
 * settles — else `loginPopup`. When another interaction was running, it is awaited and `null`
 * returned, for a redirect as for a popup: the caller looks for the account it left.
 */
export async function windowSignIn({
  app,
  request,
  interaction,
}: HostSignIn): Promise<AuthenticationResult | null> {
  if (interaction === 'redirect') {
    const outcome = await runExclusiveInteraction(() => app.loginRedirect(request));
    return outcome.ran ? new Promise<never>(() => {}) : null;
  }
  const outcome = await runExclusiveInteraction(() => app.loginPopup(request));
  return outcome.ran ? outcome.value : null;
}

/**
 * `signIn()`: an interactive sign-in through the host (popup or redirect; under LWS the sign-in
 * page), asking for OpenID's scopes, the `scopes` option and every scope that needed the user. The
 * result must be the expected user (account-check.ts). When the host returns no result (another
 * interaction ran, or the LWS hand-back signed in), the account is the one now known — the one
 * another interaction left in MSAL's cache counts if the login hint names it — else the sign-in
 * fails with `interaction_required`, so the promise always settles.
 */
export async function signInWith(session: MsalSession, options: MsalSignInOptions): Promise<Account> {
  session.redirectFailure = undefined;
  const interaction = session.options.interaction ?? 'popup';
  const step = interaction === 'redirect' ? 'loginRedirect' : 'loginPopup';
  const scopes = session.signInScopes();
  const request = { scopes, redirectUri: session.redirectUri, ...session.userHints() };
  let result: AuthenticationResult | null;
  try {
    result = await session.host.signIn({ app: session.app, request, interaction, signal: options.signal });
  } catch (error) {
    throw fromMsalError(error, session.context(step, scopes));
  }
  if (result) {
    await session.accept(result, { loginHint: session.loginHint, account: session.account }, step);
    if (result.account) session.signedIn(result.account);
  } else if (!session.account) {
    const left = pickAccount(session.app, session.loginHint);
    if (left) session.signedIn(left);
  }
  const account = session.account;
  if (account) return toAccount(account);
  throw msalError(
    'interaction_required',
    'Sign-in finished without an account',
    'Another sign-in on this page ended without signing in: call callout.signIn() again from a click.',
  );
}
