import { PublicClientApplication } from '@azure/msal-browser';
import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { click } from '../support/aad-gesture.js';
import { type AadScenario, useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';

const jane = 'jane@contoso.com';
const sam = 'sam@contoso.com';

/** The usernames of every account in MSAL's cache for the scenario's client (sessionStorage). */
async function cachedUsernames(s: AadScenario): Promise<string[]> {
  const msal = new PublicClientApplication({
    auth: { clientId: s.clientId, ...s.aad.msalAuth },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await msal.initialize();
  return msal
    .getAllAccounts()
    .map((account) => account.username)
    .sort();
}

describe('msalProvider refuses an account other than the one the page expects', () => {
  const { start } = useScenarios();

  it('refuses a silent SSO answer for another user than the login hint: no API request, no token, nothing left in MSAL’s cache', async () => {
    // An IdP that answers prompt=none for whoever has the session, whatever login_hint says.
    const s = await start({ aad: { session: sam } });
    s.aad.faults.authorizeAs = sam;
    const tokens: string[] = [];
    s.callout.events.addEventListener('token', (e) => tokens.push(e.detail.source));
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(error.message).to.contain(sam).and.contain(jane);
    expect(error.hint).to.contain(jane).and.contain(sam);
    expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
    expect(s.api.counters.requests).to.equal(0);
    expect(tokens).to.deep.equal([]);
    expect(s.provider.account).to.equal(undefined);
    expect(await cachedUsernames(s)).to.deep.equal([]);
  });

  it('refuses a refreshed token for another user than the signed-in account, and keeps the signed-in account', async () => {
    // Shorter than MSAL's renewal offset: the reloaded page must refresh.
    const s = await start({ aad: { accessTokenLifetime: 60 } });
    await s.callout.token('Orders');
    s.aad.faults.refreshAs = sam;
    s.api.resetCounters();
    const reloaded = s.reloadPage();
    const error = await expectFailure(reloaded('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(error.message).to.contain('acquireTokenSilent').and.contain(sam);
    expect(s.aad.counters.refreshTokenGrants).to.equal(1);
    expect(s.api.counters.requests).to.equal(0);
    expect(s.provider.account?.username).to.equal(jane);
    expect(await cachedUsernames(s)).to.deep.equal([jane]);
  });

  it('refuses a silent SSO answer from another session than the configured sid', async () => {
    const s = await start({ aad: { session: null } });
    s.aad.state.session = { username: sam, sid: 'sam-session' };
    s.aad.faults.authorizeAs = sam;
    s.callout.dispose();
    const page = s.reload({ loginHint: undefined, sid: 'jane-session' });
    s.callout = page.callout;
    const error = await expectFailure(page.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(error.message).to.contain('jane-session');
    expect(s.api.counters.requests).to.equal(0);
    expect(page.provider.account).to.equal(undefined);
    expect(await cachedUsernames(s)).to.deep.equal([]);
  });

  it('refuses a silent SSO answer for another user than the account already signed in (no login hint)', async () => {
    const s = await start({ aad: { accessTokenLifetime: 60 } });
    await s.callout.token('Orders');
    s.callout.dispose();
    // Jane's refresh token is gone, so the hint-less page signs her in again silently with her account…
    s.aad.faults.refreshTokenExpired = true;
    // …and the answer comes for whoever else holds the session.
    s.aad.state.session = { username: sam, sid: 'sam-session' };
    s.aad.faults.authorizeAs = sam;
    s.api.resetCounters();
    const page = s.reload({ loginHint: undefined });
    s.callout = page.callout;
    const error = await expectFailure(page.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(error.message).to.contain('ssoSilent').and.contain(sam);
    expect(s.aad.counters.silentAuthorize).to.equal(2);
    expect(s.api.counters.requests).to.equal(0);
    expect(page.provider.account?.username).to.equal(jane);
    expect(await cachedUsernames(s)).to.deep.equal([jane]);
  });

  it('refuses a popup sign-in and a popup acquisition that come back as another user than the login hint', async () => {
    const t = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
    t.aad.faults.authorizeAs = sam;
    const signIn = await expectFailure(click(() => t.callout.signIn()));
    expect(signIn.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(signIn.message).to.contain('loginPopup');
    // No session again, so the callout goes past silent SSO to a popup.
    t.aad.state.session = undefined;
    const callout = await expectFailure(click(() => t.callout('callout:Orders/orders').json()));
    expect(callout.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(callout.message).to.contain('acquireTokenPopup');
    expect(t.aad.counters.signInPage).to.equal(2);
    expect(t.api.counters.requests).to.equal(0);
    expect(t.provider.account).to.equal(undefined);
    expect(await cachedUsernames(t)).to.deep.equal([]);
  });

  it('accepts the hinted user however the hint is capitalised', async () => {
    const s = await start({ provider: { loginHint: 'Jane@Contoso.COM' } });
    const body = await s.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal(jane);
    expect(s.api.subjects).to.deep.equal([jane]);
  });
});
