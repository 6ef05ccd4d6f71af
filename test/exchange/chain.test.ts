import { expect } from '@open-wc/testing';
import { CalloutErrorCode, needsSignIn, type TokenEventDetail } from '../../src/index.js';
import { type ExchangeScenario, startExchangeScenario } from '../support/exchange-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('exchangeProvider: a token from aad exchanged at an API token endpoint with its own field names', () => {
  let s: ExchangeScenario | undefined;
  failOnUnhandledRejections();
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
    sessionStorage.clear();
  });

  /** Every `token` event of the client, as `provider:source`. */
  const tokenEvents = (t: ExchangeScenario): string[] => {
    const seen: string[] = [];
    t.callout.events.addEventListener('token', (e) => {
      const detail: TokenEventDetail = e.detail;
      seen.push(`${detail.provider}:${detail.source}`);
    });
    return seen;
  };

  it('serves 20 concurrent callers with one subject acquisition and one exchange', async () => {
    s = await startExchangeScenario();
    const t = s;
    const bodies = await Promise.all(
      Array.from({ length: 20 }, (_, n) => t.callout(`callout:Orders/orders/${n}`).json<{ user: string }>()),
    );
    expect(bodies.every((b) => b.user === 'jane@contoso.com')).to.equal(true);
    expect(t.aad.counters.token, 'Entra token requests').to.equal(1);
    expect(t.exchange.counters).to.include({ exchanges: 1, refreshes: 0 });
    expect(t.api.counters.authorized).to.equal(20);
    expect(t.exchange.subjectTokens).to.have.length(1);
  });

  it('renews an expired token with one refresh and no subject acquisition, rotating the refresh token', async () => {
    s = await startExchangeScenario({ exchange: { lifetime: 2 } });
    await s.callout('callout:Orders/orders').json();
    const events = tokenEvents(s);
    s.aad.resetCounters();
    for (let n = 0; n < 2; n++) {
      await wait(1100);
      await s.callout('callout:Orders/orders').json();
    }
    expect(s.exchange.counters).to.include({ exchanges: 1, refreshes: 2 });
    expect(s.aad.counters.token).to.equal(0);
    expect(events, 'the subject token was not even asked for').to.deep.equal([
      'ordersApi:refresh',
      'ordersApi:refresh',
    ]);
    expect(s.exchange.refreshTokens.size, 'each refresh spent the one before').to.equal(1);
  });

  it('exchanges anew, with the subject token the store still holds, when the refresh is refused', async () => {
    s = await startExchangeScenario({ exchange: { lifetime: 2 } });
    await s.callout('callout:Orders/orders').json();
    const events = tokenEvents(s);
    s.exchange.revokeAll();
    s.aad.resetCounters();
    await wait(1100);
    await s.callout('callout:Orders/orders').json();
    expect(s.exchange.counters).to.include({ exchanges: 2, refreshes: 1 });
    expect(s.aad.counters.token).to.equal(0);
    expect(events).to.deep.equal(['aad:store', 'ordersApi:provider']);
  });

  it('answers an API 401 with one refresh and one retry', async () => {
    s = await startExchangeScenario();
    await s.callout('callout:Orders/orders').json();
    s.api.resetCounters();
    s.api.revokeAll();
    await s.callout('callout:Orders/orders').json();
    expect(s.exchange.counters).to.include({ exchanges: 1, refreshes: 1 });
    expect(s.api.counters).to.include({ requests: 2, rejected: 1, authorized: 1 });
  });

  it('says which provider needs the user, and how, when the subject provider cannot sign in silently', async () => {
    s = await startExchangeScenario({ aad: { session: null } });
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.loginRequired);
    expect(needsSignIn(error)).to.equal(true);
    expect(error.message).to.contain('provider "aad"').and.contain(s.exchange.host);
    expect(error.hint).to.contain("callout.signIn('aad')");
    expect(s.exchange.counters.requests).to.equal(0);
  });

  it('uses no refresh token after the subject provider signs out: the exchange needs the user again', async () => {
    s = await startExchangeScenario();
    await s.callout('callout:Orders/orders').json();
    await s.callout.signOut('aad');
    expect(s.callout.peekToken('Orders'), 'the chained token went with the sign-out').to.equal(undefined);
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(needsSignIn(error)).to.equal(true);
    expect(error.message).to.contain('provider "aad"');
    expect(s.exchange.counters).to.include({ exchanges: 1, refreshes: 0 });
  });

  it('keeps refresh tokens in memory only: none in localStorage, sessionStorage, cookies or the DOM', async () => {
    s = await startExchangeScenario({ exchange: { lifetime: 2 } });
    await s.callout('callout:Orders/orders').json();
    await wait(1100);
    await s.callout('callout:Orders/orders').json();
    const refreshTokens = s.exchange.issued.filter((token) => token.startsWith('renewal.'));
    expect(refreshTokens).to.have.length(2);
    const stored = [
      ...Object.values({ ...localStorage }),
      ...Object.values({ ...sessionStorage }),
      document.cookie,
      document.documentElement.outerHTML,
    ].join('\n');
    expect(refreshTokens.filter((token) => stored.includes(token))).to.deep.equal([]);
  });

  it('revokes its refresh tokens at sign-out', async () => {
    s = await startExchangeScenario();
    await s.callout('callout:Orders/orders').json();
    await s.callout.signOut('ordersApi');
    expect(s.exchange.counters.revocations).to.equal(1);
    expect(s.exchange.refreshTokens.size).to.equal(0);
  });
});
