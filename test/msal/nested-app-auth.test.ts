import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait-until.js';
import '../../components/callout-msal/define.js';
import { type CalloutError, createCallout } from '../../src/index.js';
import { nestedAppAuth } from '../../src/nested-app-auth.js';
import { click } from '../support/aad-gesture.js';
import { expectFailure } from '../support/expect-failure.js';
import { findSecret } from '../support/find-secret.js';
import { afterTest, hostPage, useHostPages } from '../support/naa-host-page.js';
import { aadOrders } from '../support/test-client.js';

describe('msalProvider in a Teams or Outlook host (nested app authentication)', () => {
  useHostPages();

  it("gets the host's tokens through its bridge: 20 concurrent callouts cost 1 bridge request, no iframe, no token endpoint request", async () => {
    const page = await hostPage();
    const sources: string[] = [];
    page.callout.events.addEventListener('token', (e) => sources.push(e.detail.source));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => page.callout(`callout:Orders/orders/${i}`).json()),
    );
    expect(answers).to.have.length(20);
    expect(page.api.counters.authorized).to.equal(20);
    expect(page.host.counters).to.deep.equal({ GetInitContext: 1, GetToken: 1, GetTokenPopup: 0, other: 0 });
    expect(page.iframes()).to.equal(0);
    expect(page.aad.counters.token).to.equal(0);
    expect(page.aad.counters.authorize).to.equal(0);
    expect(page.aad.counters.openidConfiguration).to.equal(0);
    expect(sources).to.deep.equal(['sso-silent']);
    expect(page.provider.account?.username).to.equal('jane@contoso.com');
  });

  it('needs no login hint: the host knows its user', async () => {
    const page = await hostPage({ provider: { loginHint: undefined } });
    await page.callout('callout:Orders/orders').json();
    expect(page.host.counters.GetToken).to.equal(1);
    expect(page.provider.account?.username).to.equal('jane@contoso.com');
  });

  it("when the host needs the user, getToken raises interaction_required and a click's signIn goes through the host's window", async () => {
    const page = await hostPage({ bridge: { needsConsent: true } });
    const error = await expectFailure(page.callout('callout:Orders/orders').json());
    expect(error.code).to.equal('interaction_required');
    expect(page.host.counters.GetTokenPopup).to.equal(0); // No gesture: nothing opens by itself.
    const account = await click(() => page.provider.signIn());
    expect(account.username).to.equal('jane@contoso.com');
    expect(page.host.counters.GetTokenPopup).to.equal(1);
    await page.callout('callout:Orders/orders').json();
    expect(page.api.counters.authorized).to.equal(1);
    expect(page.iframes()).to.equal(0);
    expect(page.aad.counters.token + page.aad.counters.authorize).to.equal(0);
  });

  it("signs in through the host's window also with interaction: 'redirect' (MSAL has no redirect there)", async () => {
    const page = await hostPage({ bridge: { needsConsent: true }, provider: { interaction: 'redirect' } });
    const account = await click(() => page.provider.signIn());
    expect(account.username).to.equal('jane@contoso.com');
    expect(page.host.counters.GetTokenPopup).to.equal(1);
    expect(location.pathname).to.not.contain('authorize');
  });

  it("with interaction: 'redirect', a token demand from a click opens the host's window, not a redirect", async () => {
    const page = await hostPage({ bridge: { needsConsent: true }, provider: { interaction: 'redirect' } });
    const scopes = ['api://orders/Orders.Read'];
    const token = await click(() => page.provider.getToken({ scopes }));
    expect(token.source).to.equal('interactive');
    expect(page.host.counters.GetTokenPopup).to.equal(1);
    expect(page.aad.counters.authorize).to.equal(0);
  });

  it('signs out locally, then waits for a sign-in: the next sign-in goes through the host', async () => {
    const page = await hostPage({ provider: { signOutScope: 'global' } });
    await page.callout('callout:Orders/orders').json();
    await page.callout.signOut();
    expect(page.provider.account).to.equal(undefined);
    const before = page.host.counters.GetToken;
    const error = await expectFailure(page.provider.getToken({ scopes: ['api://orders/Orders.Read'] }));
    expect(error.code).to.equal('interaction_required');
    expect(page.host.counters.GetToken).to.equal(before);
    await click(() => page.provider.signIn());
    expect(page.host.counters.GetTokenPopup).to.equal(1);
    expect(page.aad.counters.logout).to.equal(0);
  });

  it('outside a host, signs in as before: one hidden-frame sign-in and one token request, no bridge asked', async () => {
    const page = await hostPage({ installed: false, provider: { loginHint: 'jane@contoso.com' } });
    await Promise.all(Array.from({ length: 5 }, () => page.callout('callout:Orders/orders').json()));
    expect(page.aad.counters.silentAuthorize).to.equal(1);
    expect(page.aad.counters.token).to.equal(1);
    expect(page.host.received).to.have.length(0);
    const report = await page.callout.diagnose();
    const nested = report.checks.find((c) => c.id === 'nested-app-auth' && c.provider === 'aad');
    expect(nested?.status).to.equal('skip');
  });

  it("without nestedAppAuth, ignores the host's bridge", async () => {
    const page = await hostPage({ provider: { nestedAppAuth: undefined, loginHint: 'jane@contoso.com' } });
    await expectFailure(page.callout('callout:Orders/orders').json()); // The API trusts only the host's tokens.
    expect(page.host.received).to.have.length(0);
    expect(page.aad.counters.silentAuthorize).to.equal(1);
  });

  it("keeps the host's tokens out of every error and event", async () => {
    // interaction 'none': a click of an earlier test may still count as a gesture for a few seconds.
    const page = await hostPage({ provider: { interaction: 'none' } });
    const seen: unknown[] = [];
    for (const type of [
      'token',
      'request',
      'response',
      'retry',
      'error',
      'interaction-required',
      'account',
    ]) {
      page.callout.events.addEventListener(type as 'token', (e) => seen.push(e.detail));
    }
    await page.callout('callout:Orders/orders').json();
    page.host.faults.silent = {
      status: 'PERSISTENT_ERROR',
      code: 'server_error',
      description: `the host failed after ${page.host.issued[0]}`,
    };
    const errors: CalloutError[] = [];
    errors.push(await expectFailure(page.provider.getToken({ scopes: ['api://other/Other.Read'] })));
    page.host.faults.silent = { status: 'USER_INTERACTION_REQUIRED', code: 'interaction_required' };
    const scopes = ['api://orders/Orders.Read'];
    errors.push(await expectFailure(page.provider.getToken({ scopes, forceRefresh: true })));
    expect(errors.map((e) => e.code)).to.deep.equal(['token_endpoint_error', 'interaction_required']);
    expect(page.host.issued.length).to.be.greaterThan(0);
    for (const token of page.host.issued) {
      expect(findSecret({ seen, errors, account: page.provider.account }, token)).to.deep.equal([]);
    }
  });

  it("names the broker redirect URI when the host refuses the app, and asks for a new click when the user closes the host's window", async () => {
    const page = await hostPage({ provider: { interaction: 'none' } });
    const scopes = ['api://orders/Orders.Read'];
    page.host.faults.silent = { status: 'DISABLED' };
    const disabled = await expectFailure(page.provider.getToken({ scopes }));
    expect(disabled.code).to.equal('configuration_error');
    expect(disabled.hint).to.contain(`brk-multihub://${location.host}`);
    page.host.faults.silent = {
      status: 'PERSISTENT_ERROR',
      code: 'invalid_request',
      description: 'AADSTS50011: The redirect URI specified in the request does not match.',
    };
    const mismatch = await expectFailure(page.provider.getToken({ scopes }));
    expect(mismatch.code).to.equal('redirect_uri_mismatch');
    expect(mismatch.hint).to.contain(`brk-multihub://${location.host}`);
    page.host.faults.interactive = { status: 'USER_CANCEL' };
    // Settled inside the click: the host answers before the click helper awaits the result.
    const closed = await click(() => expectFailure(page.provider.signIn()));
    expect(closed.code).to.equal('interaction_required');
    expect(closed.hint).to.contain("host's sign-in window was closed");
  });

  it('<callout-msal> with the nestedAppAuth property gets its tokens from the host', async () => {
    const page = await hostPage();
    const callout = createCallout({ crossTab: false, credentials: { Orders: aadOrders } });
    afterTest(() => callout.dispose());
    const el = document.createElement('callout-msal');
    el.callout = callout;
    el.id = 'aad';
    const clientId = crypto.randomUUID();
    el.setAttribute('client-id', clientId);
    el.setAttribute('cache', 'memory');
    el.msal = { auth: { clientId, ...page.aad.msalAuth } };
    el.nestedAppAuth = nestedAppAuth;
    document.body.append(el);
    afterTest(() => el.remove());
    await waitUntil(() => callout.providers.get('aad'), 'the element defines its provider');
    await callout('callout:Orders/orders').json();
    expect(page.host.counters.GetToken).to.equal(1);
    expect(page.host.counters.GetInitContext).to.equal(2); // The scenario's own provider started too.
    expect(page.aad.counters.token + page.aad.counters.authorize).to.equal(0);
  });

  it('refuses the host user when the login hint names someone else (account_mismatch)', async () => {
    const page = await hostPage({ provider: { loginHint: 'sam@contoso.com' } });
    const error = await expectFailure(page.callout('callout:Orders/orders').json());
    expect(error.code).to.equal('account_mismatch');
    expect(page.api.counters.requests).to.equal(0);
  });

  it('reports the host mode in diagnose(): tokens from the host, no redirect page or frame checks', async () => {
    const page = await hostPage();
    await page.provider.ready();
    const report = await page.callout.diagnose();
    const mine = report.checks.filter((c) => c.provider === 'aad');
    const nested = mine.find((c) => c.id === 'nested-app-auth');
    expect(nested?.status).to.equal('ok');
    expect(nested?.seen).to.contain('host-emulator 1.0.0');
    expect(mine.map((c) => c.id)).to.not.include('redirect-page');
    expect(page.aad.counters.token + page.aad.counters.authorize).to.equal(0);
  });
});
