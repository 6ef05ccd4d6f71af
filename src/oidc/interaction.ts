import { CalloutError } from '../diagnostics/callout-error.js';
import { needsSignIn } from '../diagnostics/needs-sign-in.js';
import { runExclusiveInteraction } from '../providers/interaction-lock.js';
import type { AccessToken, Account, TokenRequest } from '../types.js';
import { fromOidcError } from './errors.js';
import type { OidcSignInOptions } from './options.js';
import type { OidcSession } from './session.js';
import type { NeedsUser } from './silent.js';

/**
 * The interaction policy: what happens when silent acquisition (silent.ts) cannot serve, and how
 * the user signs in. At most one popup or redirect runs on the page, whichever provider opens it
 * (providers/interaction-lock.ts).
 */

/** The typed error for "the user must interact", always with a code `needsSignIn` accepts. */
function needsUserError(session: OidcSession, needs: NeedsUser, scopes: readonly string[]): CalloutError {
  if (needs.failure === undefined) {
    return new CalloutError({
      code: 'interaction_required',
      message: `The user signed out: a token for ${scopes.join(' ')} needs an interactive sign-in`,
      hint: 'Call callout.signIn() from a click to sign in again.',
    });
  }
  const mapped = fromOidcError(needs.failure, session.context('silent sign-in', scopes));
  if (needsSignIn(mapped)) return mapped;
  return new CalloutError({
    code: 'interaction_required',
    message: mapped.message,
    hint: mapped.hint,
    cause: mapped.cause,
  });
}

/**
 * A token demand that needs the user, per `interaction`: `none` (or signed out) throws the typed
 * error at once; `redirect` leaves for the identity provider and throws meanwhile; `popup` opens
 * one only while the page has a user gesture (`navigator.userActivation.isActive`), else throws.
 * The scopes are kept for the next sign-in. When another interaction ran instead, the token it
 * left is used if it covers the scopes.
 */
export async function interactiveToken(
  session: OidcSession,
  request: TokenRequest,
  needs: NeedsUser,
): Promise<AccessToken> {
  const scopes = request.scopes;
  const error = needsUserError(session, needs, scopes);
  for (const scope of scopes) session.wantedScopes.add(scope);
  const policy = session.options.interaction ?? 'popup';
  if (policy === 'none' || session.signedOut) throw error;
  if (policy === 'redirect') {
    await session.run('redirect sign-in', scopes, () =>
      runExclusiveInteraction(() => session.manager.signinRedirect(signInArgs(session, scopes))),
    );
    throw error;
  }
  if (globalThis.navigator?.userActivation?.isActive !== true) throw error;
  const outcome = await session.run('popup sign-in', scopes, () =>
    runExclusiveInteraction(() => session.manager.signinPopup(signInArgs(session, scopes))),
  );
  if (outcome.ran) {
    const user = await session.accept(outcome.value, 'popup sign-in');
    session.claimsGranted();
    return session.token(user, scopes, 'interactive');
  }
  const left = await session.cached(scopes, 'interactive');
  if (left) return left;
  throw error;
}

/** The sign-in request: every scope wanted so far (and `extra`), the login hint, the claims a challenge wanted. */
function signInArgs(session: OidcSession, extra: readonly string[] = []) {
  const hint = session.options.loginHint;
  const claims = session.wantedClaims;
  return {
    scope: session.scopesFor(extra).join(' '),
    ...(hint ? { login_hint: hint } : {}),
    ...(claims ? { extraQueryParams: session.queryWithClaims(claims) } : {}),
  };
}

/**
 * `signIn()`: an interactive sign-in — a popup, or a full-page redirect (the promise then never
 * settles: the sign-in completes when the page comes back) — asking for `openid`, the `scopes`
 * option and every scope that needed the user. The result must be the expected user. When another
 * interaction ran instead, the account it left is the answer, else `interaction_required`.
 */
export async function signInWith(session: OidcSession, options: OidcSignInOptions): Promise<Account> {
  session.redirectFailure = undefined;
  session.signedOut = false;
  const scopes = session.scopesFor();
  const { manager } = session;
  if (session.options.interaction === 'redirect') {
    const outcome = await session.run('redirect sign-in', scopes, () =>
      runExclusiveInteraction(() => manager.signinRedirect(signInArgs(session))),
    );
    if (outcome.ran) return new Promise<never>(() => {});
  } else {
    const popup = { ...signInArgs(session), ...(options.signal ? { popupSignal: options.signal } : {}) };
    const outcome = await session.run('popup sign-in', scopes, () =>
      runExclusiveInteraction(() => manager.signinPopup(popup)),
    );
    if (outcome.ran) {
      await session.accept(outcome.value, 'popup sign-in');
      session.claimsGranted();
    }
  }
  if (!session.account) {
    const left = await manager.getUser();
    if (left) await session.accept(left, 'sign-in');
  }
  if (session.account) return session.account;
  throw new CalloutError({
    code: 'interaction_required',
    message: 'Sign-in finished without an account',
    hint: 'Another sign-in on this page ended without signing in: call callout.signIn() again from a click.',
  });
}
