import { expect } from '@open-wc/testing';
import type { TokenEventDetail } from '../../src/events.js';
import { useScenarios } from '../support/aad-setup.js';

describe('msalProvider silent acquisition', () => {
  const { start } = useScenarios();

  it('gets a token on a cold start with one silent authorize and one token request, showing no UI', async () => {
    const s = await start();
    const body = await s.callout('callout:Orders/orders?status=open').json<{ user: string; path: string }>();
    expect(body).to.deep.include({ user: 'jane@contoso.com', path: 'orders?status=open' });
    expect(s.aad.counters.silentAuthorize).to.equal(1);
    expect(s.aad.counters.signInPage).to.equal(0);
    expect(s.aad.counters.token).to.equal(1);
    expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
    expect(s.api.counters.authorized).to.equal(1);
    expect(s.provider.account?.username).to.equal('jane@contoso.com');
  });

  it('serves twenty concurrent callers on a cold start with still one authorize and one token request', async () => {
    const scenario = await start();
    const sources: string[] = [];
    scenario.callout.events.addEventListener('token', (e) => sources.push(e.detail.source));
    const bodies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        scenario.callout(`callout:Orders/orders/${i}`).json<{ path: string }>(),
      ),
    );
    expect(bodies.map((b) => b.path)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `orders/${i}`));
    expect(scenario.aad.counters.authorize).to.equal(1);
    expect(scenario.aad.counters.token).to.equal(1);
    expect(scenario.api.counters.authorized).to.equal(20);
    expect(sources.filter((source) => source === 'sso-silent')).to.have.length(1);
  });

  it('reuses the Azure AD session for a second API with one more token request and no authorize', async () => {
    const scenario = await start();
    scenario.callout.credentials.define('Graph', {
      url: 'https://graph.emulator.test/v1.0/',
      provider: 'aad',
      scopes: ['https://graph.emulator.test/User.Read'],
    });
    const tokens = await Promise.all([scenario.callout.token('Orders'), scenario.callout.token('Graph')]);
    expect(tokens.map((t) => t.source)).to.deep.equal(['sso-silent', 'refresh']);
    expect(scenario.aad.counters.authorize).to.equal(1);
    expect(scenario.aad.counters.token).to.equal(2);
    expect(scenario.aad.counters.refreshTokenGrants).to.equal(1);
  });

  it('makes no Azure AD request at all after a reload while the cached token is valid', async () => {
    const s = await start();
    await s.callout('callout:Orders/orders').json();
    s.aad.resetCounters();
    const reloaded = s.reloadPage();
    const token = await reloaded.token('Orders');
    await reloaded('callout:Orders/orders').json();
    expect(token.source).to.equal('cache');
    expect(s.aad.counters.authorize).to.equal(0);
    expect(s.aad.counters.token).to.equal(0);
    expect(s.api.counters.authorized).to.equal(2);
  });

  it('renews an expired access token with exactly one refresh-token grant and no hidden iframe', async () => {
    // Tokens shorter than MSAL's 5-minute renewal offset count as expired at once.
    const s = await start({ aad: { accessTokenLifetime: 60 } });
    await s.callout.token('Orders');
    s.aad.resetCounters();
    const reloaded = s.reloadPage();
    const token = await reloaded.token('Orders');
    expect(token.source).to.equal('refresh');
    expect(s.aad.counters.refreshTokenGrants).to.equal(1);
    expect(s.aad.counters.token).to.equal(1);
    expect(s.aad.counters.authorize).to.equal(0);
  });

  it('answers a revoked token (API 401) with exactly one forced refresh and one retry', async () => {
    const s = await start();
    await s.callout('callout:Orders/orders').json();
    s.api.revokeAll();
    s.aad.resetCounters();
    s.api.resetCounters();
    const forced: TokenEventDetail[] = [];
    s.callout.events.addEventListener('token', (e) => {
      if (e.detail.forced) forced.push(e.detail);
    });
    const body = await s.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(s.api.counters.requests).to.equal(2);
    expect(s.api.counters.rejected).to.equal(1);
    expect(s.aad.counters.refreshTokenGrants).to.equal(1);
    expect(s.aad.counters.authorize).to.equal(0);
    expect(forced.map((f) => f.source)).to.deep.equal(['refresh']);
  });

  it('answers a CAE claims challenge with a token carrying the claims and one retry', async () => {
    const s = await start({ provider: { clientCapabilities: ['CP1'] } });
    await s.callout('callout:Orders/orders').json();
    s.api.faults.requireAuthContext = 'c1';
    s.aad.resetCounters();
    s.api.resetCounters();
    const body = await s.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(s.api.counters.requests).to.equal(2);
    expect(s.api.counters.authorized).to.equal(1);
    expect(s.aad.counters.claimsRequests).to.equal(1);
    expect(s.aad.counters.token).to.equal(1);
    expect(s.aad.counters.authorize).to.equal(0);
  });

  it('falls back to silent SSO when the 24-hour SPA refresh token has expired (AADSTS700084)', async () => {
    const s = await start({ aad: { accessTokenLifetime: 60 } });
    await s.callout.token('Orders');
    s.aad.faults.refreshTokenExpired = true;
    s.aad.resetCounters();
    const token = await s.reloadPage().token('Orders');
    expect(token.source).to.equal('sso-silent');
    expect(s.aad.counters.refreshTokenGrants).to.equal(1);
    expect(s.aad.counters.silentAuthorize).to.equal(1);
    expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
  });
});
