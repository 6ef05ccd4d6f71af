import { runExclusiveInteraction } from '../providers/interaction-lock.js';
import type { OidcSession } from './session.js';

/**
 * `signOut()`: forgets the account at once (subscribers hear it; no silent sign-in until the next
 * `signIn()`), revokes the refresh token where the server has a revocation endpoint (best effort:
 * a server that cannot be reached does not keep the user signed in here), then ends what
 * `signOutScope` says: `local` (default) forgets the user here; `global` also ends the identity
 * provider's session, by popup or redirect per `interaction` (`none`: local only).
 */
export async function signOutWith(session: OidcSession): Promise<void> {
  await session.startup.catch(() => {});
  const { manager, options } = session;
  session.signedOut = true;
  session.setAccount(undefined);
  const user = await manager.getUser();
  if (user?.refresh_token && (await hasRevocationEndpoint(session))) {
    await manager.revokeTokens(['refresh_token']).catch(() => {});
  }
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

async function hasRevocationEndpoint(session: OidcSession): Promise<boolean> {
  try {
    return !!(await session.manager.metadataService.getRevocationEndpoint());
  } catch {
    return false;
  }
}
