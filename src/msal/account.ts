import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import type { Account } from '../types.js';

/** The core's view of an MSAL account: `homeAccountId` as id, the UPN as username. */
export function toAccount(info: AccountInfo): Account {
  return {
    id: info.homeAccountId,
    username: info.username,
    ...(info.name ? { name: info.name } : {}),
  };
}

/**
 * The cached MSAL account tokens should be acquired for: the one whose username matches
 * `loginHint` (the host page's user), else MSAL's active account, else — with no hint — the only
 * cached account. With a hint that matches nothing, no account: ssoSilent will find the right one.
 */
export function pickAccount(
  instance: IPublicClientApplication,
  loginHint: string | undefined,
): AccountInfo | undefined {
  const accounts = instance.getAllAccounts();
  if (loginHint) {
    const wanted = loginHint.toLowerCase();
    const match = accounts.find(
      (a) =>
        a.username.toLowerCase() === wanted || a.loginHint === loginHint || a.upn?.toLowerCase() === wanted,
    );
    if (match) return match;
    const active = instance.getActiveAccount();
    return active && active.username.toLowerCase() === wanted ? active : undefined;
  }
  return instance.getActiveAccount() ?? (accounts.length === 1 ? accounts[0] : undefined);
}
