import { expect } from '@open-wc/testing';
import { type CalloutError, isCalloutError } from '../../src/diagnostics/callout-error.js';
import { needsSignIn } from '../../src/diagnostics/needs-sign-in.js';
import { msalError } from '../../src/msal/errors.js';
import { refineSilentFailure } from '../../src/msal/silent-failure.js';
import { click } from '../support/aad-gesture.js';
import { type AadScenario, startScenario } from '../support/aad-setup.js';
import { redirectPages } from '../support/redirect-pages.js';

/** The error a promise rejects with (it must reject). */
async function failureOf(promise: Promise<unknown>): Promise<CalloutError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCalloutError(error)) throw new Error(`expected a CalloutError, got ${String(error)}`);
  return error;
}

/** `navigator.cookieEnabled` answers `false` until `restore()`. */
function switchCookiesOff(): { restore: () => void } {
  Object.defineProperty(navigator, 'cookieEnabled', { value: false, configurable: true });
  return { restore: () => Reflect.deleteProperty(navigator, 'cookieEnabled') };
}

describe('msalProvider: why silent sign-in failed, where the browser lets the page tell', () => {
  let s: AadScenario | undefined;
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
    sessionStorage.clear();
  });

  it('keeps login_required, naming both causes, when nothing tells "no session" from "cookies blocked"', async () => {
    const codes: string[] = [];
    for (const blocked of [false, true]) {
      s = await startScenario({ aad: { session: null } });
      s.aad.faults.thirdPartyCookiesBlocked = blocked;
      const error = await failureOf(s.callout('callout:Orders/orders').json());
      codes.push(error.code);
      expect(error.hint).to.contain('no session').and.contain('third-party cookies');
      s.callout.dispose();
    }
    expect(codes).to.deep.equal(['login_required', 'login_required']);
  });

  it('says third_party_cookies_blocked when the frame finds no session right after a sign-in from a click, and a click gets the user through', async () => {
    s = await startScenario({
      aad: { session: null, accessTokenLifetime: 60 },
      provider: { interaction: 'popup' },
    });
    const t = s;
    t.aad.faults.thirdPartyCookiesBlocked = true;
    expect((await failureOf(t.callout.token('Orders'))).code).to.equal('login_required');
    await click(() => t.callout.signIn());
    // A day later: the single-page app's refresh token has expired, so silent sign-in needs the frame.
    t.aad.faults.refreshTokenExpired = true;
    t.aad.resetCounters();
    const error = await failureOf(t.callout.token('Orders', { forceRefresh: true }));
    expect(error.code).to.equal('third_party_cookies_blocked');
    expect(error.message).to.match(
      /you signed in to localhost from this page at .+, yet its hidden frame found no session/,
    );
    expect(error.hint).to.contain('refresh token');
    expect(needsSignIn(error)).to.equal(true);
    expect(t.aad.counters.silentAuthorize).to.equal(1);

    // From a click the same demand opens the sign-in window, and renewals then ride the refresh token.
    const token = await click(() => t.callout.token('Orders', { forceRefresh: true }));
    expect(token.source).to.equal('interactive');
    t.aad.faults.refreshTokenExpired = false;
    t.aad.resetCounters();
    expect((await t.callout.token('Orders', { forceRefresh: true })).source).to.equal('refresh');
    expect(t.aad.counters.silentAuthorize).to.equal(0);
    const report = await t.callout.diagnose();
    const cookies = report.checks.find((c) => c.id === 'third-party-cookies' && c.provider === 'aad');
    expect(cookies?.status).to.equal('fail');
  });

  it('says third_party_cookies_blocked when cookies are switched off, without any sign-in', async () => {
    s = await startScenario({ aad: { session: null } });
    const cookies = switchCookiesOff();
    try {
      const error = await failureOf(s.callout('callout:Orders/orders').json());
      expect(error.code).to.equal('third_party_cookies_blocked');
      expect(error.message).to.contain('cookies are switched off in this browser');
    } finally {
      cookies.restore();
    }
  });

  it('reads the same evidence as third_party_cookies_required under Lightning Web Security, naming the host, and keeps that reading', async () => {
    s = await startScenario();
    const mapped = msalError('login_required', 'MSAL ssoSilent failed (login_required)', 'Sign in once.');
    const failure = {
      mapped,
      errorCode: 'login_required',
      aadsts: 50058,
      configuration: { auth: { clientId: 'x', authority: 'https://login.microsoftonline.com/contoso' } },
      redirectUri: 'https://contoso.my.salesforce.com/redirect.html',
      interactiveAt: Date.now(),
    };
    const plain = await refineSilentFailure({ ...failure, lws: false }, msalError);
    const lws = await refineSilentFailure({ ...failure, lws: true }, msalError);
    expect([plain.code, lws.code]).to.deep.equal([
      'third_party_cookies_blocked',
      'third_party_cookies_required',
    ]);
    expect([needsSignIn(plain), needsSignIn(lws)]).to.deep.equal([true, false]);
    expect(lws.message).to.contain('the sign-in page announced a sign-in to login.microsoftonline.com');
    expect(lws.hint)
      .to.contain("allow third-party cookies for login.microsoftonline.com on the org's Lightning domain")
      .and.contain('signing in again cannot help')
      .and.contain('the announcement came from other code');
    // Read once more (the LWS host reads its frame's failure, the silent chain again): unchanged.
    expect(await refineSilentFailure({ ...failure, mapped: lws, lws: true }, msalError)).to.equal(lws);
  });

  it('reports a silent sign-in that worked as cookies reaching the frame', async () => {
    s = await startScenario();
    await s.callout.token('Orders');
    const report = await s.callout.diagnose();
    const cookies = report.checks.find((c) => c.id === 'third-party-cookies' && c.provider === 'aad');
    expect(cookies?.status).to.equal('ok');
  });

  it('says local_network_blocked when the frame times out between a public identity provider and this loopback page', async () => {
    const metadata = JSON.parse((await startScenario()).aad.authorityMetadata) as Record<string, unknown>;
    s?.callout.dispose();
    // An authorize endpoint on a public-looking name the closed test network never answers: the frame times out.
    metadata.authorization_endpoint = 'https://login.lna-public.test/tenant/oauth2/v2.0/authorize';
    s = await startScenario({
      provider: {
        msal: {
          auth: { clientId: 'x', authorityMetadata: JSON.stringify(metadata) },
          system: { iframeBridgeTimeout: 1500 },
        },
      },
    });
    const error = await failureOf(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal('local_network_blocked');
    expect(error.message)
      .to.contain("Chrome's Local Network Access blocks login.lna-public.test")
      .and.contain('localhost (public → loopback)');
    expect(needsSignIn(error)).to.equal(true);
  });

  it('keeps a timeout a configuration error naming the redirect page when no Local Network Access applies', async () => {
    s = await startScenario({
      provider: { redirectUri: redirectPages.appPage, msal: { system: { iframeBridgeTimeout: 1500 } } },
    });
    const error = await failureOf(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal('configuration_error');
    expect(error.hint).to.contain('redirect bridge').and.not.contain('Local Network Access');
  });

  it("adds Local Network Access to a timeout's hint when the page's host name does not tell its address", async () => {
    s = await startScenario();
    const mapped = msalError('configuration_error', 'MSAL ssoSilent failed (timed_out)', 'Serve the bridge.');
    const refined = await refineSilentFailure(
      {
        mapped,
        errorCode: 'timed_out',
        aadsts: undefined,
        configuration: { auth: { clientId: 'x', authority: 'https://login.microsoftonline.com/contoso' } },
        redirectUri: 'https://orders.contoso.com/redirect.html',
        interactiveAt: undefined,
        lws: false,
      },
      msalError,
    );
    expect(refined.code).to.equal('configuration_error');
    expect(refined.hint).to.match(
      /^Serve the bridge\. Or, if orders\.contoso\.com has a private address: Chrome's Local Network Access/,
    );
  });
});
