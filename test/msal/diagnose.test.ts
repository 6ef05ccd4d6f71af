import { expect } from '@open-wc/testing';
import type { Diagnosis, DiagnosisCheck } from '../../src/index.js';
import { type AadScenario, startScenario } from '../support/aad-setup.js';
import { findSecret } from '../support/find-secret.js';
import { redirectPages } from '../support/redirect-pages.js';

/** The one check of `report` with `id` that is about provider `aad`. */
function providerCheck(report: Diagnosis, id: string): DiagnosisCheck {
  const found = report.checks.filter((c) => c.id === id && c.provider === 'aad');
  expect(found, id).to.have.length(1);
  return found[0]!;
}

describe("msalProvider's checks in callout.diagnose()", () => {
  let s: AadScenario | undefined;
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
    sessionStorage.clear();
    localStorage.clear();
  });

  it('passes the redirect page served as it must be: this origin, the bridge, frameable, no COOP, no-store', async () => {
    s = await startScenario();
    const redirect = providerCheck(await s.callout.diagnose(), 'redirect-page');
    expect(redirect.status).to.equal('ok');
    expect(redirect.seen).to.contain('is the redirect page (sso-callout');
  });

  it('fails a redirect page sent with Cross-Origin-Opener-Policy, naming the header', async () => {
    s = await startScenario({ provider: { redirectUri: redirectPages.coop } });
    const redirect = providerCheck(await s.callout.diagnose(), 'redirect-page');
    expect(redirect.status).to.equal('fail');
    expect(redirect.seen).to.contain('Cross-Origin-Opener-Policy: same-origin');
    expect(redirect.hint).to.contain('without Cross-Origin-Opener-Policy');
  });

  it('fails a redirect page that may not be framed, and one that is missing', async () => {
    s = await startScenario({ provider: { redirectUri: redirectPages.unframeable } });
    expect(providerCheck(await s.callout.diagnose(), 'redirect-page').seen).to.contain(
      'X-Frame-Options: DENY',
    );
    s.callout.dispose();
    s = await startScenario({ provider: { redirectUri: redirectPages.missing } });
    const missing = providerCheck(await s.callout.diagnose(), 'redirect-page');
    expect(missing.status).to.equal('fail');
    expect(missing.seen).to.contain('answered 404');
  });

  it("warns when the redirect URI is the app's own page, which never hands the answer back", async () => {
    s = await startScenario({ provider: { redirectUri: redirectPages.appPage } });
    const redirect = providerCheck(await s.callout.diagnose({ timeout: 1500 }), 'redirect-page');
    expect(redirect.status).to.equal('warn');
    expect(redirect.seen).to.contain("did not say it is sso-callout's redirect page within 1500 ms");
  });

  it('warns about a redirect page that may be cached', async () => {
    s = await startScenario({ provider: { redirectUri: redirectPages.cached } });
    const redirect = providerCheck(await s.callout.diagnose(), 'redirect-page');
    expect(redirect.status).to.equal('warn');
    expect(redirect.seen).to.contain('no Cache-Control: no-store');
  });

  it('says where MSAL keeps its cache for each cache option', async () => {
    const seen: string[] = [];
    for (const cache of ['session', 'local', 'memory'] as const) {
      s = await startScenario({ provider: { cache } });
      seen.push(providerCheck(await s.callout.diagnose(), 'msal-cache').seen);
      s.callout.dispose();
    }
    expect(seen[0]).to.contain('sessionStorage: this tab only');
    expect(seen[1]).to.contain('localStorage: every tab');
    expect(seen[2]).to.contain('memory: lost on every reload');
  });

  it('fails Local Network Access when a public identity provider would send the hidden frame to this loopback page', async () => {
    s = await startScenario();
    expect(providerCheck(await s.callout.diagnose(), 'local-network-access').status).to.equal('ok');
    s.callout.dispose();
    const metadata = JSON.parse(s.aad.authorityMetadata) as Record<string, unknown>;
    metadata.authorization_endpoint = 'https://login.microsoftonline.com/contoso/oauth2/v2.0/authorize';
    s = await startScenario({
      provider: { msal: { auth: { clientId: 'x', authorityMetadata: JSON.stringify(metadata) } } },
    });
    const network = providerCheck(await s.callout.diagnose(), 'local-network-access');
    expect(network.status).to.equal('fail');
    expect(network.seen).to.contain('login.microsoftonline.com (public)').and.contain('localhost (loopback)');
    expect(network.hint).to.contain('Sign in from a click');
  });

  it('adds no LWS check on a plain page', async () => {
    s = await startScenario();
    const report = await s.callout.diagnose();
    expect(report.checks.filter((c) => c.id === 'lws').map((c) => c.provider)).to.deep.equal([undefined]);
  });

  it('acquires nothing, sends the API only a GET without a token, and shows no token, after a real sign-in', async () => {
    s = await startScenario();
    await s.callout('callout:Orders/orders').json();
    const token = s.callout.peekToken('Orders')!.accessToken;
    s.aad.resetCounters();
    s.api.resetCounters();
    const report = await s.callout.diagnose();
    expect(s.aad.counters.authorize + s.aad.counters.token).to.equal(0);
    expect(s.api.methods).to.deep.equal(['GET']);
    expect(s.api.counters.authorized).to.equal(0);
    expect(findSecret(report, token, 'report')).to.deep.equal([]);
    expect(report.checks.find((c) => c.id === 'token-audience')?.status).to.equal('ok');
    expect(report.checks.find((c) => c.id === 'token-scopes')?.status).to.equal('ok');
  });
});
