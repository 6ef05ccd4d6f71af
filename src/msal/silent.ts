import {
  type AccountInfo,
  type AuthenticationResult,
  CacheLookupPolicy,
  InteractionRequiredAuthError,
} from '@azure/msal-browser';
import type { AccessToken, TokenRequest } from '../types.js';
import { pickAccount } from './account.js';
import { fromMsalError, msalErrorCode } from './errors.js';
import { brokerAccount } from './platform-broker.js';
import type { MsalSession } from './session.js';

/** Silent acquisition could not serve: the user must interact (interaction.ts decides how). */
export interface NeedsUser {
  /** The last silent failure (`undefined`: nothing could be tried, e.g. no account and no hint). */
  failure: unknown;
  /** The failure of the first step, when the second one ran too. */
  earlier: unknown;
}

/** MSAL errors after which a silent SSO attempt (hidden iframe) may still succeed. */
const ssoRecoverable: ReadonlySet<string> = new Set([
  'invalid_grant',
  'interaction_required',
  'login_required',
  'consent_required',
  'no_tokens_found',
  'refresh_token_expired',
  'bad_token',
  'no_account_error',
  // The platform broker failed for good (disabled, gone): MSAL dropped it and wants the web flow.
  'token_refresh_required',
]);

/** MSAL errors that mean "the user must interact" (so the policy decides what happens). */
const needsUserCodes: ReadonlySet<string> = new Set([
  'interaction_required',
  'login_required',
  'consent_required',
  'no_account_error',
]);

const isSsoRecoverable = (error: unknown): boolean =>
  error instanceof InteractionRequiredAuthError || ssoRecoverable.has(msalErrorCode(error) ?? '');

/**
 * `result`, unless the user signed out while it was on its way (both callers ask only while
 * signed in): then what MSAL cached of it is cleared and it rejects as `login_required`, so a
 * token or sign-in that was in flight cannot sign the user back in.
 */
async function unlessSignedOut(
  session: MsalSession,
  result: AuthenticationResult,
): Promise<AuthenticationResult> {
  if (!session.signedOut) return result;
  if (result.account) await session.app.clearCache({ account: result.account }).catch(() => {});
  throw new InteractionRequiredAuthError('login_required', 'signed out');
}

/**
 * A token for `account` from MSAL's cache or its refresh token (`acquireTokenSilent`, never the
 * hidden iframe) — or from the platform broker for an account it answered for — checked to be
 * that account (`source: 'cache'`, `'refresh'` or `'broker'`). Rejects with MSAL's error as is,
 * or `account_mismatch`.
 */
export async function cachedToken(
  session: MsalSession,
  account: AccountInfo,
  request: TokenRequest,
): Promise<AccessToken> {
  const silent = await session.app.acquireTokenSilent({
    account,
    scopes: [...request.scopes],
    ...(request.claims ? { claims: request.claims } : {}),
    ...(request.forceRefresh ? { forceRefresh: true } : {}),
    cacheLookupPolicy:
      request.forceRefresh && brokerAccount(session.configuration, account)
        ? CacheLookupPolicy.RefreshTokenAndNetwork
        : CacheLookupPolicy.AccessTokenAndRefreshToken,
  });
  // From its cache MSAL answers for the account the tokens were looked up by, but for an OpenID
  // Connect server without tenant ids it may lose the account's ID token claims (or the account)
  // on the way: such a result is checked as the account it was looked up for.
  const same = !silent.account || silent.account.homeAccountId === account.homeAccountId;
  const named = silent.fromCache && same ? { ...silent, account } : silent;
  const accepted = await session.accept(
    named,
    { account, loginHint: session.loginHint },
    'acquireTokenSilent',
  );
  const result = await unlessSignedOut(session, accepted);
  return session.token(result, result.fromCache ? 'cache' : 'refresh');
}

/**
 * The silent chain of one provider, each step only when the previous cannot serve:
 * 1. {@link cachedToken} for the account (picked from MSAL's cache by the login hint when there
 *    is none yet: another provider or the app sharing the cache may have signed in);
 * 2. `ssoSilent` with `loginHint` / `sid` (or the account) through the host: a hidden iframe
 *    against the identity provider's session (`'sso-silent'`), its result checked to be the
 *    expected user. Concurrent callers share one attempt; a caller that had no account and waited
 *    starts over with the account the attempt found.
 *
 * In a Teams/Outlook host (nested app authentication) there is one step: `ssoSilent` through the
 * host's bridge, which answers from MSAL's cache (`'cache'`) or asks the host (`'sso-silent'`),
 * for the host's user, so no login hint is needed.
 *
 * With the platform broker (platform-broker.ts), step 1 is the broker for an account it answered
 * for before, and its "the user must interact" is final: step 2 would only ask it again.
 *
 * Resolves with the token, or with {@link NeedsUser} when only the user can help (after a
 * sign-out, nothing silent is tried beyond the cache). Any other failure rejects, typed.
 */
export class SilentChain {
  readonly #session: MsalSession;
  #pendingSso: Promise<unknown> | undefined;

  constructor(session: MsalSession) {
    this.#session = session;
  }

  /** One silent acquisition for `request`, in the order the class describes. */
  async acquire(request: TokenRequest): Promise<AccessToken | NeedsUser> {
    const session = this.#session;
    const scopes = [...request.scopes];
    if (!session.account && !session.signedOut)
      session.setAccount(pickAccount(session.app, session.loginHint));
    const account = session.account;
    // In a Teams/Outlook host, its bridge serves MSAL's cache and knows the user (nested-app-auth.ts).
    const nested = session.host.nested?.active;
    let earlier: unknown;
    if (account && !nested) {
      try {
        return await cachedToken(session, account, request);
      } catch (error) {
        if (!isSsoRecoverable(error))
          throw fromMsalError(error, session.context('acquireTokenSilent', scopes));
        earlier = error;
        // The broker's "the user must interact" for its own account is final (platform-broker.ts).
        if (error instanceof InteractionRequiredAuthError && brokerAccount(session.configuration, account))
          return { failure: error, earlier };
      }
    }
    if (session.signedOut || !(nested || session.loginHint || session.options.sid || account)) {
      return { failure: earlier, earlier };
    }
    if (this.#pendingSso) {
      // Another credential is already signing in silently: wait, then use its account.
      await this.#pendingSso.catch(() => {});
      if (session.account && !account) return this.acquire(request);
    }
    try {
      const result = await this.#sso(request, account);
      const token = session.token(result, result.fromCache ? 'cache' : 'sso-silent');
      session.lastSilent = { at: Date.now(), outcome: 'ok' };
      return token;
    } catch (error) {
      const failure = await session.readSsoFailure(error, scopes, earlier);
      session.lastSilent = { at: Date.now(), outcome: failure.code };
      // A frame Local Network Access blocked is a timeout to MSAL, but a sign-in window gets through.
      if (
        !needsUserCodes.has(msalErrorCode(error) ?? '') &&
        !(error instanceof InteractionRequiredAuthError) &&
        failure.code !== 'local_network_blocked'
      ) {
        throw failure;
      }
      return { failure, earlier };
    }
  }

  /** One checked `ssoSilent`, shared with concurrent callers; sets the account before they resume. */
  #sso(request: TokenRequest, account: AccountInfo | undefined): Promise<AuthenticationResult> {
    const session = this.#session;
    const { loginHint } = session;
    const { sid } = session.options;
    const attempt = session.host
      .ssoSilent(session.app, {
        scopes: [...request.scopes],
        redirectUri: session.redirectUri,
        ...(!loginHint && account ? { account } : {}),
        ...session.userHints(),
        ...(sid ? { sid } : {}),
        ...(request.claims ? { claims: request.claims } : {}),
        // Read by the nestable client (a host's bridge answers from MSAL's cache otherwise).
        ...(request.forceRefresh ? { forceRefresh: true } : {}),
      })
      .then((result) => session.accept(result, { loginHint, sid, account }, 'ssoSilent'))
      .then((result) => unlessSignedOut(session, result))
      .then((result) => {
        session.setAccount(result.account ?? undefined);
        return result;
      });
    this.#pendingSso = attempt;
    return attempt.finally(() => {
      if (this.#pendingSso === attempt) this.#pendingSso = undefined;
    });
  }
}
