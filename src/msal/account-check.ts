import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import { msalError } from './errors.js';

/**
 * The user a flow was asked for: what the provider sent to Azure AD (the login hint, the session
 * id) and the account it already holds. Every field that is set must hold for a result.
 */
export interface ExpectedAccount {
  /** The login hint sent (the configured `loginHint`, or the name the sign-in page announced). */
  loginHint?: string | undefined;
  /** The configured `sid`, where it was sent (silent SSO only: an interactive sign-in starts a new session). */
  sid?: string | undefined;
  /** The account already signed in: the result must be the same account (`homeAccountId`). */
  account?: AccountInfo | undefined;
}

/** Whether `hint` names `account`: its username, UPN, `preferred_username` or email (any case), or its opaque `login_hint` claim. */
export function accountMatchesHint(account: AccountInfo, hint: string): boolean {
  const wanted = hint.toLowerCase();
  const claims = account.idTokenClaims ?? {};
  const names = [account.username, account.upn, claims.preferred_username, claims.upn, claims.email];
  if (names.some((name) => typeof name === 'string' && name.toLowerCase() === wanted)) return true;
  return account.loginHint === hint || claims.login_hint === hint;
}

/**
 * Why `received` is not the user `expected` describes, or `undefined` when it is (or when nothing
 * is expected: the first sign-in of a provider without hint, sid or account). A result without an
 * account, or a `sid` the ID token does not carry, cannot be verified and counts as a mismatch.
 */
export function accountMismatch(
  received: AccountInfo | null | undefined,
  expected: ExpectedAccount,
): string | undefined {
  const { loginHint, sid, account } = expected;
  if (!loginHint && !sid && !account) return undefined;
  if (!received) return 'the result named no account';
  if (loginHint && !accountMatchesHint(received, loginHint)) return `the login hint is ${loginHint}`;
  if (account && received.homeAccountId !== account.homeAccountId) {
    return `${account.username} is signed in`;
  }
  if (sid) {
    const claim = received.idTokenClaims?.sid;
    if (claim === undefined)
      return `its ID token has no sid claim for ${sid} (add that optional claim, or pass loginHint)`;
    if (claim !== sid) return `the session id is ${sid}`;
  }
  return undefined;
}

/**
 * Resolves with `result` when its account is the expected user (see {@link accountMismatch}).
 * Otherwise — before any caller can store or use the token — removes the received account and its
 * tokens from MSAL's cache (never the account already signed in) and rejects with an
 * `account_mismatch` `CalloutError` naming both users and `step` (the MSAL call that
 * returned the result). The removal is awaited, so a later lookup of MSAL's cache can no longer
 * find the refused account.
 */
export async function acceptAccount(
  instance: IPublicClientApplication,
  result: AuthenticationResult,
  expected: ExpectedAccount,
  step: string,
): Promise<AuthenticationResult> {
  const received = result.account ?? undefined;
  const reason = accountMismatch(received, expected);
  if (reason === undefined) return result;
  if (received && received.homeAccountId !== expected.account?.homeAccountId) {
    await instance.clearCache({ account: received }).catch(() => {});
  }
  const who = received?.username || 'no account';
  const wanted = expected.loginHint ?? expected.account?.username ?? `session ${expected.sid}`;
  throw msalError(
    'account_mismatch',
    `MSAL ${step} returned ${who}, but ${reason}: refused, nothing stored`,
    `This page expects ${wanted}, not ${who}: sign in as ${wanted}, or sign out first to change users. If nobody chose ${who}, other code on the page tampered with the sign-in.`,
  );
}
