import { expect } from '@open-wc/testing';
import { CalloutErrorCode, needsSignIn } from '../../src/index.js';
import { click } from '../support/aad-gesture.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { type OidcScenario, startOidcScenario } from '../support/oidc-setup.js';

describe('oidcProvider: interaction and sign-out', () => {
  let s: OidcScenario | undefined;
  failOnUnhandledRejections();
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
  });

  it('answers login_required with a typed error naming the server, and opens no window without a click', async () => {
    s = await startOidcScenario({ idp: { session: null } });
    const interactions: string[] = [];
    s.callout.events.addEventListener('interaction-required', (e) => interactions.push(e.detail.provider));
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.loginRequired);
    expect(needsSignIn(error)).to.equal(true);
    expect(error.hint).to.contain(s.idp.host).and.contain('third-party cookies');
    expect(error.message).to.contain(s.idp.host);
    expect(interactions).to.deep.equal(['idp']);
    expect(s.idp.counters).to.include({ silentAuthorize: 1, signInPage: 0, token: 0 });
  });

  it('signs in through a popup from a click, after which the callout that failed succeeds with no further request', async () => {
    s = await startOidcScenario({ idp: { session: null } });
    const t = s;
    await expectFailure(t.callout('callout:Orders/orders').json());
    const accounts: (string | undefined)[] = [];
    t.callout.events.addEventListener('account', (e) => accounts.push(e.detail.account?.username));
    const account = await click(() => t.callout.signIn());
    expect(account.username).to.equal('jane@contoso.com');
    expect(accounts).to.deep.equal(['jane@contoso.com']);
    expect(t.idp.counters).to.include({ signInPage: 1, authorizationCodeGrants: 1 });
    t.idp.resetCounters();
    const body = await t.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(t.idp.counters).to.include({ authorize: 0, token: 0 });
  });

  it('acquires through one popup inside a click for callouts that wait together', async () => {
    s = await startOidcScenario({ idp: { session: null } });
    const t = s;
    const bodies = await click(() =>
      Promise.all([
        t.callout('callout:Orders/orders/1').json<{ path: string }>(),
        t.callout('callout:Orders/orders/2').json<{ path: string }>(),
      ]),
    );
    expect(bodies.map((b) => b.path)).to.deep.equal(['orders/1', 'orders/2']);
    expect(t.idp.counters).to.include({ signInPage: 1, authorizationCodeGrants: 1 });
  });

  it('signs out: revokes the refresh token, forgets the account, and signs in silently no more', async () => {
    s = await startOidcScenario();
    const t = s;
    await t.callout('callout:Orders/orders').json();
    const accounts: (string | undefined)[] = [];
    t.callout.events.addEventListener('account', (e) => accounts.push(e.detail.account?.username));
    await t.callout.signOut();
    expect(accounts).to.deep.equal([undefined]);
    expect(t.provider.account).to.equal(undefined);
    expect(t.idp.counters.revocation).to.equal(1);
    expect(t.idp.state.refreshTokens.size, 'no live refresh token left').to.equal(0);
    t.idp.resetCounters();
    const error = await expectFailure(t.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(t.idp.counters).to.include({ authorize: 0, token: 0 });
  });

  it('ends the server session too with signOutScope global, through a popup', async () => {
    s = await startOidcScenario({ provider: { signOutScope: 'global' } });
    const t = s;
    await t.callout('callout:Orders/orders').json();
    await click(() => t.callout.signOut());
    expect(t.idp.counters.endSession).to.equal(1);
    expect(t.idp.state.session).to.equal(undefined);
    expect(t.idp.received.endSession[0]?.get('id_token_hint')).to.be.a('string');
  });

  it('refuses a user other than the login hint with account_mismatch and keeps nothing of it', async () => {
    s = await startOidcScenario();
    s.idp.faults.authorizeAs = 'sam@contoso.com';
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(error.message).to.contain('sam@contoso.com').and.contain('jane@contoso.com');
    expect(s.provider.account).to.equal(undefined);
    expect(s.callout.peekToken('Orders')).to.equal(undefined);
    expect(s.api.counters.requests, 'the refused token was never sent').to.equal(0);
    const again = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(again.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(s.idp.counters.refreshTokenGrants, 'the refused refresh token was not kept').to.equal(0);
  });

  it('is disposed with its client: later calls reject with configuration_error', async () => {
    s = await startOidcScenario();
    const { provider, callout } = s;
    await callout('callout:Orders/orders').json();
    callout.dispose();
    s = undefined;
    const error = await expectFailure(provider.getToken({ scopes: ['api://orders/Orders.Read'] }));
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.message).to.contain('disposed');
    expect((await expectFailure(provider.signIn())).code).to.equal(CalloutErrorCode.configurationError);
  });
});
