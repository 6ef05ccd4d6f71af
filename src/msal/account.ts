import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import type { Account } from '../types.js';
import { accountMatchesHint } from './account-check.js';

/**
 * The core's view of an MSAL account: `homeAccountId` as id; as username the UPN, or — for an
 * OpenID Connect server whose ID token carries only `email` (MSAL then has no username) — the email.
 */
export function toAccount(info: AccountInfo): Account {
  const email = info.idTokenClaims?.email;
  return {
    id: info.homeAccountId,
    username: info.username || (typeof email === 'string' ? email : ''),
    ...(info.name ? { name: info.name } : {}),
  };
}

/**
 * The cached MSAL account tokens should be acquired for: the one `loginHint` (the host page's
 * user) names — by username, UPN, `preferred_username`, email or the opaque `login_hint` claim,
 * the same test the account check applies to results (account-check.ts) — else MSAL's active
 * account if the hint names it, else, with no hint, the active account or the only cached one.
 * With a hint that matches nothing, no account: silent SSO will find the right one.
 */
export function pickAccount(
  instance: IPublicClientApplication,
  loginHint: string | undefined,
): AccountInfo | undefined {
  if (!loginHint) {
    const accounts = instance.getAllAccounts();
    return instance.getActiveAccount() ?? (accounts.length === 1 ? accounts[0] : undefined);
  }
  const match = instance.getAllAccounts().find((account) => accountMatchesHint(account, loginHint));
  if (match) return match;
  const active = instance.getActiveAccount();
  return active && accountMatchesHint(active, loginHint) ? active : undefined;
}
