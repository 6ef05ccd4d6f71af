import { expect } from '@open-wc/testing';
import { DeferredProvider } from '../../components/shared/deferred-provider.js';
import type { Account, AuthProvider, TokenRequest } from '../../src/index.js';
import { CalloutErrorCode, isCalloutError } from '../../src/index.js';
import { expectRejection } from '../support/expect-failure.js';
import { providerToken } from '../support/token-source.js';

const jane: Account = { id: 'jane', username: 'jane@contoso.test' };

/** A provider that counts what it is asked, and tells its subscribers about Jane. */
function realProvider() {
  const calls = { getToken: 0, signIn: 0, dispose: 0 };
  const listeners = new Set<(account?: Account) => void>();
  const provider: AuthProvider & { dispose(): void; announce(): void } = {
    tokenEndpoints: ['https://login.contoso.test/'],
    account: jane,
    async getToken(request: TokenRequest) {
      calls.getToken++;
      return providerToken(request, 't', 60_000);
    },
    async signIn() {
      calls.signIn++;
      return jane;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      calls.dispose++;
    },
    announce() {
      for (const listener of listeners) listener(jane);
    },
  };
  return { provider, calls, listeners };
}

describe('DeferredProvider, the stand-in for a provider still being created', () => {
  it('holds token requests until the real provider arrives, then asks it once per request.', async () => {
    const deferred = new DeferredProvider({ name: 'aad', tokenEndpoints: ['https://login.contoso.test/'] });
    const { provider, calls } = realProvider();
    const waiting = deferred.getToken({ scopes: ['Orders.Read'] });
    await new Promise((resolve) => setTimeout(resolve));
    expect(calls.getToken).to.equal(0);
    expect(deferred.account).to.equal(undefined);
    expect(deferred.tokenEndpoints).to.deep.equal(['https://login.contoso.test/']);
    deferred.resolve(provider);
    expect((await waiting).accessToken).to.equal('t');
    expect(calls.getToken).to.equal(1);
    expect(deferred.account).to.equal(jane);
    expect(deferred.tokenEndpoints).to.equal(provider.tokenEndpoints);
  });

  it('passes the real provider’s account changes to subscribers made before it arrived, until they unsubscribe.', async () => {
    const deferred = new DeferredProvider({ name: 'aad', tokenEndpoints: [] });
    const { provider, listeners } = realProvider();
    const heard: (Account | undefined)[] = [];
    const stop = deferred.subscribe((account) => heard.push(account));
    deferred.resolve(provider);
    provider.announce();
    expect(heard).to.deep.equal([jane]);
    stop();
    expect(listeners.size).to.equal(0);
  });

  it('stops one waiter at its signal, without stopping the others.', async () => {
    const deferred = new DeferredProvider({ name: 'aad', tokenEndpoints: [] });
    const { provider } = realProvider();
    const controller = new AbortController();
    const aborted = expectRejection(deferred.getToken({ scopes: ['a'], signal: controller.signal }));
    const other = deferred.getToken({ scopes: ['a'] });
    controller.abort(new DOMException('gone', 'AbortError'));
    expect(((await aborted) as DOMException).name).to.equal('AbortError');
    deferred.resolve(provider);
    expect((await other).accessToken).to.equal('t');
  });

  it('refuses its waiters when disposed before the real provider arrived, and disposes the real one when it had.', async () => {
    const early = new DeferredProvider({ name: 'aad', tokenEndpoints: [] });
    const waiting = expectRejection(early.signIn());
    early.dispose();
    const error = await waiting;
    expect(isCalloutError(error) && error.code).to.equal(CalloutErrorCode.configurationError);
    expect(early.waiting).to.equal(false);

    const late = new DeferredProvider({ name: 'aad', tokenEndpoints: [] });
    const { provider, calls } = realProvider();
    late.resolve(provider);
    late.dispose();
    late.dispose();
    expect(calls.dispose).to.equal(1);
    expect(isCalloutError(await expectRejection(late.getToken({ scopes: ['a'] })))).to.equal(true);
    expect(calls.getToken).to.equal(0);
  });

  it('rejects waiters with the error of a real provider that could not be created.', async () => {
    const deferred = new DeferredProvider({ name: 'aad', tokenEndpoints: [] });
    const waiting = expectRejection(deferred.getToken({ scopes: ['a'] }));
    deferred.reject(new Error('MSAL did not load'));
    expect(((await waiting) as Error).message).to.equal('MSAL did not load');
  });
});
