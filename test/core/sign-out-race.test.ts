import { expect } from '@open-wc/testing';
import {
  type AccessToken,
  type Account,
  type AuthProvider,
  createCallout,
  type TokenRequest,
} from '../../src/index.js';

/**
 * A provider signed in as Jane whose acquisitions wait for `release()`, and which forgets Jane on
 * `signOut()` (telling its subscribers), as MSAL's and the OpenID Connect provider do.
 */
function slowProvider() {
  let account: Account | undefined = { id: 'jane', username: 'jane@contoso.com' };
  const listeners = new Set<(account?: Account) => void>();
  const issued: string[] = [];
  let release: () => void = () => {};
  let released = Promise.resolve();
  const provider: AuthProvider = {
    get account() {
      return account;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async getToken(request: TokenRequest): Promise<AccessToken> {
      const token = `token-of-${account?.id ?? 'nobody'}-${issued.length + 1}`;
      issued.push(token);
      await released;
      return {
        accessToken: token,
        expiresOn: new Date(Date.now() + 3_600_000),
        scopes: request.scopes,
        source: 'provider',
      };
    },
    async signIn() {
      return account!;
    },
    async signOut() {
      account = undefined;
      for (const listener of listeners) listener(undefined);
    },
  };
  const hold = () => {
    released = new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  return { provider, issued, hold, release: () => release() };
}

describe('the token store and a sign-out during an acquisition', () => {
  it('keeps no token of the signed-out user that was on its way when the user signed out: the next demand asks the provider again', async () => {
    const slow = slowProvider();
    const callout = createCallout({
      providers: { p: slow.provider },
      credentials: { Orders: { url: 'https://api.contoso.test/v1/', provider: 'p', scopes: ['orders'] } },
      crossTab: false,
    });
    try {
      await callout.token('Orders');
      slow.hold();
      const refreshing = callout.token('Orders', { forceRefresh: true });
      await callout.signOut('p');
      slow.release();
      await refreshing;
      const next = await callout.token('Orders');
      expect(slow.issued).to.deep.equal(['token-of-jane-1', 'token-of-jane-2', 'token-of-nobody-3']);
      expect(next.accessToken).to.equal('token-of-nobody-3');
    } finally {
      callout.dispose();
    }
  });
});
