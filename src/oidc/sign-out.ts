import { runExclusiveInteraction } from '../providers/interaction-lock.js';
import type { SignOutChannel } from '../providers/sign-out-channel.js';
import type { OidcSession } from './session.js';

/**
 * `signOut()`: forgets the account at once (subscribers hear it; no silent sign-in until the next
 * `signIn()`), tells the providers of this authority and client id in other tabs (`channel`),
 * revokes the refresh token where the server has a revocation endpoint (best effort: a server
 * that cannot be reached does not keep the user signed in here), then ends what `signOutScope`
 * says: `local` (default) forgets the user here; `global` also ends the identity provider's
 * session, by popup or redirect per `interaction` (`none`: local only).
 */
export async function signOutWith(session: OidcSession, channel: SignOutChannel): Promise<void> {
  await session.startup.catch(() => {});
  const { manager, options } = session;
  const account = session.account;
  session.signedOut = true;
  session.setAccount(undefined);
  channel.announce(account?.id);
  const user = await manager.getUser();
  if (user?.refresh_token) await revokeRefreshToken(session);
  const interaction = options.interaction ?? 'popup';
  try {
    if (options.signOutScope !== 'global' || interaction === 'none' || !user) return;
    const idTokenHint = user.id_token ? { id_token_hint: user.id_token } : {};
    await session.run('sign-out', [], () =>
      runExclusiveInteraction(() =>
        interaction === 'redirect' ? manager.signoutRedirect(idTokenHint) : manager.signoutPopup(idTokenHint),
      ),
    );
  } finally {
    await manager.removeUser();
  }
}

/**
 * Another tab (or provider) of this authority and client id signed `accountId` out (`undefined`:
 * whichever account): unless this provider holds another account, forget it, revoke the refresh
 * token this tab holds (best effort) and drop its user, tokens included; no silent sign-in until
 * the next `signIn()`. Runs after start-up.
 */
export async function signedOutElsewhere(session: OidcSession, accountId: string | undefined): Promise<void> {
  await session.startup.catch(() => {});
  const account = session.account;
  if (session.disposed || (accountId !== undefined && account && account.id !== accountId)) return;
  session.signedOut = true;
  session.setAccount(undefined);
  const user = await session.manager.getUser();
  if (user?.refresh_token) await revokeRefreshToken(session);
  await session.manager.removeUser();
}

/** Revokes the refresh token oidc-client-ts holds, where the server has a revocation endpoint; never throws. */
async function revokeRefreshToken(session: OidcSession): Promise<void> {
  try {
    if (await session.manager.metadataService.getRevocationEndpoint()) {
      await session.manager.revokeTokens(['refresh_token']);
    }
  } catch {
    // Best effort: the user is forgotten here whatever the server answers.
  }
}
