import { expect } from '@open-wc/testing';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { type OidcScenario, startOidcScenario } from '../support/oidc-setup.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('oidcProvider: silent acquisition against a generic OpenID Connect server', () => {
  let s: OidcScenario | undefined;
  failOnUnhandledRejections();
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
  });

  it('starts cold with one hidden authorize and one token request, and no sign-in page', async () => {
    s = await startOidcScenario();
    const body = await s.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(s.idp.counters).to.include({
      silentAuthorize: 1,
      signInPage: 0,
      token: 1,
      authorizationCodeGrants: 1,
    });
    expect(s.idp.received.authorize[0]?.get('login_hint')).to.equal('jane@contoso.com');
    expect(s.idp.received.authorize[0]?.get('prompt')).to.equal('none');
  });

  it('serves 20 concurrent callers with one authorize and one token request', async () => {
    s = await startOidcScenario();
    const t = s;
    const bodies = await Promise.all(
      Array.from({ length: 20 }, (_, n) => t.callout(`callout:Orders/orders/${n}`).json<{ path: string }>()),
    );
    expect(bodies.map((b) => b.path)).to.have.length(20);
    expect(t.idp.counters).to.include({ authorize: 1, token: 1 });
    expect(t.api.counters.authorized).to.equal(20);
  });

  it('makes one network request for 10 concurrent demands of two scope sets the same sign-in covers', async () => {
    s = await startOidcScenario();
    const t = s;
    t.callout.credentials.define('Profile', {
      url: 'https://profile.contoso.test/',
      provider: 'idp',
      scopes: ['profile'],
    });
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, n) => t.callout.token(n % 2 ? 'Orders' : 'Profile')),
    );
    expect(new Set(tokens.map((token) => token.accessToken)).size).to.equal(1);
    expect(t.idp.counters).to.include({ authorize: 1, token: 1 });
  });

  it('renews each expired token with one refresh-token request, rotating the refresh token, and no iframe', async () => {
    s = await startOidcScenario({ idp: { accessTokenLifetime: 2 } });
    await s.callout('callout:Orders/orders').json();
    for (let n = 0; n < 3; n++) {
      await wait(1100);
      await Promise.all([
        s.callout('callout:Orders/orders').json(),
        s.callout('callout:Orders/orders').json(),
      ]);
    }
    expect(s.idp.counters).to.include({
      silentAuthorize: 1,
      authorizationCodeGrants: 1,
      refreshTokenGrants: 3,
    });
    const presented = s.idp.received.token.map((form) => form.get('refresh_token')).filter(Boolean);
    expect(new Set(presented).size, 'each refresh used the newest refresh token').to.equal(3);
  });

  it('answers an API 401 with one refresh-token request and one retry', async () => {
    s = await startOidcScenario();
    await s.callout('callout:Orders/orders').json();
    s.idp.resetCounters();
    s.api.resetCounters();
    s.api.revokeAll();
    const body = await s.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(s.idp.counters).to.include({ token: 1, refreshTokenGrants: 1, authorize: 0 });
    expect(s.api.counters).to.include({ requests: 2, rejected: 1, authorized: 1 });
  });

  it('falls back to the hidden iframe when the server refuses the refresh token', async () => {
    s = await startOidcScenario({ idp: { accessTokenLifetime: 2 } });
    await s.callout('callout:Orders/orders').json();
    s.idp.revokeRefreshTokens();
    s.idp.resetCounters();
    await wait(1100);
    const body = await s.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(s.idp.counters).to.include({
      refreshTokenGrants: 1,
      silentAuthorize: 1,
      authorizationCodeGrants: 1,
    });
    expect(s.idp.counters.signInPage).to.equal(0);
  });

  it('keeps the user in memory only: nothing in localStorage or sessionStorage', async () => {
    localStorage.clear();
    sessionStorage.clear();
    s = await startOidcScenario();
    await s.callout('callout:Orders/orders').json();
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });
});
