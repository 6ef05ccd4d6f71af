import { expect } from '@open-wc/testing';
import { CalloutEvents } from '../../src/events.js';
import type { AccessToken, AuthProvider, TokenEventDetail, TokenRequest } from '../../src/index.js';
import { CalloutErrorCode } from '../../src/index.js';
import { TokenStore } from '../../src/tokens/token-store.js';
import type { TokenStoreOptions } from '../../src/tokens/token-store-options.js';
import { witnessChannel } from '../support/channels.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

/** A provider on a fake clock: each token lives `lifetimeMs` from the moment it is issued. */
function clockedProvider(clock: { now: number }, lifetimeMs: number) {
  const requests: TokenRequest[] = [];
  const provider: AuthProvider = {
    async getToken(request): Promise<AccessToken> {
      requests.push(request);
      return {
        accessToken: `t${requests.length}`,
        expiresOn: new Date(clock.now + lifetimeMs),
        scopes: request.scopes,
        source: 'provider',
      };
    },
  };
  return { provider, requests };
}

/**
 * A token store on a fake clock (from `start`, default 0) whose provider `p` is a
 * {@link clockedProvider} of tokens living `lifetimeMs`; the other options go to the store.
 */
function clockedStore(
  lifetimeMs: number,
  options: Omit<TokenStoreOptions, 'events' | 'now'> & { start?: number } = {},
) {
  const { start = 0, ...storeOptions } = options;
  const clock = { now: start };
  const { provider, requests } = clockedProvider(clock, lifetimeMs);
  const store = new TokenStore({ events: new CalloutEvents(), now: () => clock.now, ...storeOptions });
  return { clock, provider, requests, store, context: { providerName: 'p', provider } };
}

const read = { scopes: ['Orders.Read'] };

describe('the token store', () => {
  failOnUnhandledRejections();

  it('serves the cached token until the leeway before expiry, then renews before it expires', async () => {
    const { clock, requests, store, context } = clockedStore(3_600_000, {
      start: 1_000_000,
      leewaySeconds: 300,
    });
    expect((await store.get(context, read)).accessToken).to.equal('t1');
    clock.now += 3_600_000 - 300_001;
    const served = await store.get(context, read);
    expect(served.accessToken).to.equal('t1');
    expect(served.source).to.equal('store');
    clock.now += 2;
    expect((await store.get(context, read)).accessToken).to.equal('t2');
    expect(requests).to.have.length(2);
  });

  it('never serves an expired token, checking expiry on read after the device slept', async () => {
    const { clock, requests, store, context } = clockedStore(3_600_000, {
      start: 5_000_000,
      leewaySeconds: 0,
    });
    await store.get(context, read);
    clock.now += 10 * 3_600_000; // The laptop slept for ten hours: no timer fired.
    const token = await store.get(context, read);
    expect(token.accessToken).to.equal('t2');
    expect(token.expiresOn.getTime()).to.be.greaterThan(clock.now);
    expect(requests).to.have.length(2);
  });

  it('caps the leeway at half the lifetime so short-lived tokens are still reused', async () => {
    const { clock, requests, store, context } = clockedStore(60_000, { leewaySeconds: 300 });
    await store.get(context, read);
    clock.now += 29_000;
    await store.get(context, read);
    expect(requests).to.have.length(1);
    clock.now += 2_000;
    await store.get(context, read);
    expect(requests).to.have.length(2);
  });

  it('keys tokens by provider, scopes in any order and case, and claims', async () => {
    const { provider, requests, store, context } = clockedStore(3_600_000);
    await store.get(context, { scopes: ['A', 'b'] });
    await store.get(context, { scopes: ['B', 'a'] });
    expect(requests).to.have.length(1);
    await store.get(context, { scopes: ['a', 'b'], claims: '{"x":1}' });
    await store.get({ providerName: 'q', provider }, { scopes: ['a', 'b'] });
    expect(requests).to.have.length(3);
  });

  it('throttles a renewal loop to ten acquisitions per key in thirty seconds', async () => {
    // Every token is already expired on arrival: a skewed clock.
    const { clock, requests, store, context } = clockedStore(-1_000);
    for (let i = 0; i < 10; i++) await store.get(context, read);
    expect((await expectFailure(store.get(context, read))).code).to.equal(CalloutErrorCode.renewalThrottled);
    expect(requests).to.have.length(10);
    clock.now += 30_001;
    await store.get(context, read);
    expect(requests).to.have.length(11);
  });

  it('refreshes only when the rejected token is still the cached one', async () => {
    const { requests, store, context } = clockedStore(3_600_000);
    await store.get(context, read);
    const first = await store.refresh(context, read, 't1');
    expect(first).to.include({ refreshed: true });
    expect(first.token.accessToken).to.equal('t2');
    const late = await store.refresh(context, read, 't1');
    expect(late).to.include({ refreshed: false });
    expect(late.token.accessToken).to.equal('t2');
    expect(requests.map((r) => r.forceRefresh === true)).to.deep.equal([false, true]);
  });

  it('emits token events with source and expiry but never the token', async () => {
    const clock = { now: 0 };
    const { provider } = clockedProvider(clock, 3_600_000);
    const events = new CalloutEvents();
    const seen: TokenEventDetail[] = [];
    events.addEventListener('token', (e) => seen.push(e.detail));
    const store = new TokenStore({ events, now: () => clock.now });
    await store.get({ providerName: 'p', provider, credential: 'Orders' }, read);
    await store.get({ providerName: 'p', provider, credential: 'Orders' }, read);
    expect(seen.map((d) => d.source)).to.deep.equal(['provider', 'store']);
    expect(seen[0]).to.include({ provider: 'p', credential: 'Orders', forced: false, claims: false });
    expect(JSON.stringify(seen)).not.to.contain('t1');
  });

  it('forgets the tokens of a provider on clear', async () => {
    const { requests, store, context } = clockedStore(3_600_000);
    await store.get(context, read);
    store.clear('p');
    expect(store.peek(context, read)).to.equal(undefined);
    await store.get(context, read);
    expect(requests).to.have.length(2);
  });

  it('writes nothing to localStorage, sessionStorage or cookies', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const before = document.cookie;
    const clock = { now: 0 };
    const { provider } = clockedProvider(clock, 3_600_000);
    const store = new TokenStore({
      events: new CalloutEvents(),
      now: () => clock.now,
      crossTabName: 'store-test',
    });
    await store.get({ providerName: 'p', provider }, read);
    store.close();
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal(before);
  });
});

describe('reading tokens without acquiring', () => {
  failOnUnhandledRejections();

  it('peeks at the cached token of a credential without acquiring or firing events', async () => {
    const { createCallout } = await import('../../src/index.js');
    const clock = { now: Date.now() };
    const { provider, requests } = clockedProvider(clock, 3_600_000);
    const callout = createCallout({
      crossTab: false,
      providers: { p: provider },
      credentials: {
        Orders: { url: 'https://api.contoso.test/v1/', provider: 'p', scopes: ['Orders.Read'] },
      },
    });
    let events = 0;
    callout.events.addEventListener('token', () => events++);
    expect(callout.peekToken('Orders')).to.equal(undefined);
    expect(callout.peekToken('Unknown')).to.equal(undefined);
    expect(requests).to.have.length(0);
    await callout.token('Orders');
    expect(events).to.equal(1);
    expect(callout.peekToken('Orders')?.accessToken).to.equal('t1');
    expect(events).to.equal(1);
    expect(requests).to.have.length(1);
  });
});

describe('a provider that learns its account on the first acquisition', () => {
  failOnUnhandledRejections();

  it('serves the first token from the store once the account is known', async () => {
    const clock = { now: 0 };
    const inner = clockedProvider(clock, 3_600_000);
    let account: { id: string; username: string } | undefined;
    const provider: AuthProvider = {
      get account() {
        return account;
      },
      async getToken(request) {
        const token = await inner.provider.getToken(request);
        account = { id: 'jane-id', username: 'jane@contoso.com' };
        return { ...token, account };
      },
    };
    const store = new TokenStore({ events: new CalloutEvents(), now: () => clock.now });
    const context = { providerName: 'p', provider };
    await store.get(context, read);
    const second = await store.get(context, read);
    expect(second.source).to.equal('store');
    expect(inner.requests).to.have.length(1);
    store.clear('p', 'jane-id');
    await store.get(context, read);
    expect(inner.requests).to.have.length(2);
  });
});

describe('the bounds of the token store', () => {
  failOnUnhandledRejections();

  it('keeps at most 100 tokens for 10,000 scope sets, dropping the least recently used first', async () => {
    const { requests, store, context } = clockedStore(3_600_000);
    for (let i = 0; i < 10_000; i++) await store.get(context, { scopes: [`api://app/s${i}`] });
    expect(store.size).to.equal(100);
    expect((await store.get(context, { scopes: ['api://app/s9999'] })).source).to.equal('store');
    expect(requests).to.have.length(10_000);
    await store.get(context, { scopes: ['api://app/s0'] });
    expect(requests).to.have.length(10_001);
    expect(store.size).to.equal(100);
  });

  it('drops the least recently used token, not the oldest, when the configured limit is reached', async () => {
    const { requests, store, context } = clockedStore(3_600_000, { maxEntries: 3 });
    for (const scope of ['a', 'b', 'c', 'a', 'd']) await store.get(context, { scopes: [scope] });
    expect(requests.map((r) => r.scopes[0])).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(store.size).to.equal(3);
    await store.get(context, { scopes: ['a'] }); // still held
    await store.get(context, { scopes: ['b'] }); // was dropped
    expect(requests.map((r) => r.scopes[0])).to.deep.equal(['a', 'b', 'c', 'd', 'b']);
  });

  it('sweeps expired tokens when a new key is added', async () => {
    const { clock, store, context } = clockedStore(60_000);
    for (let i = 0; i < 50; i++) await store.get(context, { scopes: [`s${i}`] });
    expect(store.size).to.equal(50);
    clock.now += 120_000;
    await store.get(context, { scopes: ['fresh'] });
    expect(store.size).to.equal(1);
  });

  it('creates no entry from signals or shared tokens for keys it does not hold', async () => {
    const channel = `store-${crypto.randomUUID()}`;
    const store = new TokenStore({
      events: new CalloutEvents(),
      crossTabName: channel,
      crossTabMode: 'share-tokens',
    });
    // Opened after the store's channel: once it has heard every message, so has the store.
    const witness = witnessChannel(channel);
    const sender = new BroadcastChannel(channel);
    try {
      for (let i = 0; i < 200; i++) {
        const key = { provider: 'p', account: '', scopes: [`s${i}`], claims: '' };
        sender.postMessage({ type: 'acquired', key });
        sender.postMessage({
          type: 'token',
          key,
          token: { accessToken: 'x', expiresOn: Date.now() + 60_000, scopes: [] },
        });
      }
      await witness.heard(400);
      expect(store.size).to.equal(0);
    } finally {
      witness.close();
      sender.close();
      store.close();
    }
  });
});
