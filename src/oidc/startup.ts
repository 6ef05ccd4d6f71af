import { fromOidcError } from './errors.js';
import type { OidcSession } from './session.js';

/**
 * The `state` of a sign-in answer in this page's URL that this provider started (its state store
 * holds that state), or `undefined`. Only answers to our own pending request are taken: nothing
 * else in the URL configures anything.
 */
async function ownAnswer(session: OidcSession): Promise<string | undefined> {
  const params = new URLSearchParams(location.search);
  const state = params.get('state');
  if (!state || !(params.has('code') || params.has('error'))) return undefined;
  const pending = await session.manager.settings.stateStore.get(state);
  return pending ? state : undefined;
}

/** This page's URL without the answer's parameters (so a reload does not redeem the code again). */
function withoutAnswer(): string {
  const url = new URL(location.href);
  for (const name of ['code', 'state', 'session_state', 'error', 'error_description', 'error_uri', 'iss'])
    url.searchParams.delete(name);
  return url.href;
}

/**
 * Start-up, once per provider: when the page comes back from a full-page redirect sign-in that
 * this provider started, redeems the answer (`signinRedirectCallback`), removes it from the URL
 * and checks the user; a failure is kept for the next `getToken` (and thrown by `signIn` waiters)
 * rather than rejecting start-up. Then loads the user oidc-client-ts holds (with `store:
 * 'session'` or `'local'`, from an earlier page) as the account.
 */
export async function startSession(session: OidcSession): Promise<void> {
  const { manager } = session;
  if (session.options.interaction === 'redirect' && (await ownAnswer(session))) {
    const url = location.href;
    history.replaceState(history.state, '', withoutAnswer());
    try {
      await session.run('redirect sign-in', session.scopesFor(), async () =>
        session.accept(await manager.signinRedirectCallback(url), 'redirect sign-in'),
      );
    } catch (error) {
      session.redirectFailure = fromOidcError(error, session.context('redirect sign-in'));
    }
  }
  const user = await manager.getUser();
  if (user && !session.account) {
    await session.accept(user, 'start-up').catch(() => {});
  }
}
