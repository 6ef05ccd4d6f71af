import type { SignOutChannel } from '../providers/sign-out-channel.js';
import { fromMsalError } from './errors.js';
import { runExclusiveInteraction } from './interaction-lock.js';
import type { MsalSession } from './session.js';

/**
 * `signOut()`: forgets the account at once (subscribers hear it; no silent sign-in until the next
 * `signIn()`), tells the providers of this client id in other tabs (`channel`), then ends what
 * `signOutScope` says: `local` (default) clears this account from MSAL's cache; `global` also
 * ends the identity provider's session, by redirect or popup per `interaction` (`none`: local).
 * Runs after start-up, even a failed one; if the MSAL instance was never created (LWS
 * adaptations that failed to load), rejects with why.
 */
export async function signOutWith(session: MsalSession, channel: SignOutChannel): Promise<void> {
  await session.startup.catch(() => {});
  const account = session.account;
  session.signedOut = true;
  session.setAccount(undefined);
  channel.announce(account?.homeAccountId);
  const app = session.created;
  if (!app) {
    await session.startup;
    return;
  }
  const { signOutScope, interaction } = session.options;
  const logout = {
    ...(account ? { account } : {}),
    postLogoutRedirectUri: session.redirectUri,
  };
  try {
    if (signOutScope === 'global' && interaction === 'redirect') {
      await app.logoutRedirect(logout);
    } else if (signOutScope === 'global' && interaction !== 'none') {
      await runExclusiveInteraction(() => app.logoutPopup(logout));
    } else {
      await app.clearCache(account ? { account } : {});
    }
  } catch (error) {
    throw fromMsalError(error, session.context('signOut', []));
  }
}

/**
 * Another tab (or provider) of this client id signed `accountId` out (`undefined`: every
 * account): unless this provider holds another account, forget it and clear MSAL's cache for it
 * here too — once the instance exists, if it does not yet (under LWS it comes later).
 */
export function signedOutElsewhere(session: MsalSession, accountId: string | undefined): void {
  const account = session.account;
  if (accountId !== undefined && account && account.homeAccountId !== accountId) return;
  session.signedOut = true;
  session.setAccount(undefined);
  const clear = () => session.created?.clearCache(account ? { account } : {}).catch(() => {});
  if (session.created) void clear();
  else void session.startup.then(clear, clear);
}
