import { expect } from '@open-wc/testing';
import { type Callout, createCallout, type DiagnosisCheck } from '../../src/index.js';
import { type OidcProviderOptions, oidcProvider } from '../../src/oidc.js';
import { useMsw } from '../support/msw-worker.js';
import { callbackPage } from '../support/oidc-setup.js';
import { redirectPageHandlers, redirectPages } from '../support/redirect-pages.js';

/** The test server's cross-origin identity provider with real CORS (test/support/cors-server.js). */
const corsIdp = (id: string, mode: string) => `http://127.0.0.1:${location.port}/__cors/${id}/${mode}`;

interface Logged {
  method: string;
  path: string;
  authorization: string | null;
  bodyLength: number;
}

describe("oidcProvider's checks in callout.diagnose()", () => {
  const msw = useMsw();
  let callout: Callout | undefined;
  afterEach(() => {
    callout?.dispose();
    callout = undefined;
  });

  /** The provider's checks by id, for a provider with `options` (a fresh log id, Jane's hint, the right callback page). */
  async function checksOf(mode: string, options: Partial<OidcProviderOptions> = {}, timeout = 15_000) {
    msw.use(...redirectPageHandlers);
    const id = crypto.randomUUID();
    const provider = oidcProvider({
      authority: corsIdp(id, mode),
      clientId: 'orders-spa',
      redirectUri: callbackPage,
      loginHint: 'jane@contoso.com',
      ...options,
    });
    callout = createCallout({ providers: { idp: provider }, crossTab: false });
    const report = await callout.diagnose({ timeout });
    const mine = report.checks.filter((c) => c.provider === 'idp');
    const byId = Object.fromEntries(mine.map((c) => [c.id, c])) as Record<string, DiagnosisCheck>;
    const log = (await (await fetch(`/__cors-log/${id}`)).json()) as Logged[];
    return { byId, ids: mine.map((c) => c.id), log, id };
  }

  it('passes an identity provider set up right: discovery with CORS and the issuer, the callback page, the token endpoint — sending no grant and no token', async () => {
    const { byId, ids, log } = await checksOf('ok');
    expect(ids).to.deep.equal(['oidc-discovery', 'oidc-callback-page', 'token-endpoint-cors']);
    expect(byId['oidc-discovery']?.status).to.equal('ok');
    expect(byId['oidc-callback-page']?.status, byId['oidc-callback-page']?.seen).to.equal('ok');
    expect(byId['oidc-callback-page']?.seen).to.contain('is the callback page (sso-callout');
    expect(byId['token-endpoint-cors']?.status).to.equal('ok');
    expect(byId['token-endpoint-cors']?.seen).to.contain('answered 400');
    const posts = log.filter((entry) => entry.method === 'POST');
    expect(posts.length, 'one probe of the token endpoint').to.equal(1);
    expect(posts.every((entry) => entry.bodyLength === 0 && entry.path.endsWith('/token'))).to.equal(true);
    expect(log.every((entry) => entry.authorization === null)).to.equal(true);
  });

  it("fails discovery when the identity provider's CORS does not allow this page, and skips the token endpoint", async () => {
    const { byId } = await checksOf('no-origin');
    expect(byId['oidc-discovery']?.status).to.equal('fail');
    expect(byId['oidc-discovery']?.seen).to.contain('CORS answer does not allow');
    expect(byId['oidc-discovery']?.hint).to.contain(location.origin);
    expect(byId['token-endpoint-cors']?.status).to.equal('skip');
  });

  it('fails discovery when the document names another issuer than the authority, naming both', async () => {
    const { byId, id } = await checksOf('wrong-issuer');
    const discovery = byId['oidc-discovery'];
    expect(discovery?.status).to.equal('fail');
    expect(discovery?.seen).to.contain(`${corsIdp(id, 'wrong-issuer')}-elsewhere`);
    expect(discovery?.hint).to.contain('Set authority to');
  });

  it('fails the token endpoint whose CORS answer does not allow this page (metadata given, no discovery)', async () => {
    const id = crypto.randomUUID();
    const metadata = {
      issuer: corsIdp(id, 'ok'),
      authorization_endpoint: `${corsIdp(id, 'ok')}/authorize`,
      token_endpoint: `${corsIdp(id, 'no-origin')}/token`,
    };
    const { byId } = await checksOf('ok', { authority: corsIdp(id, 'ok'), oidc: { metadata } });
    expect(byId['oidc-discovery']?.status).to.equal('skip');
    expect(byId['token-endpoint-cors']?.status).to.equal('fail');
    expect(byId['token-endpoint-cors']?.seen).to.contain('CORS answer does not allow');
  });

  // Relay pages load their module in the frame before saying hello: on a busy machine that can
  // take seconds, so the right pages get a long wait; only the app's page, which never says it,
  // waits the short one.
  it("fails a callback page that is MSAL's redirect page: another of sso-callout's pages", async () => {
    const page = (await checksOf('ok', { redirectUri: `${location.origin}/redirect.html` }, 15_000)).byId[
      'oidc-callback-page'
    ];
    expect(page?.status, page?.seen).to.equal('fail');
    expect(page?.seen).to.contain("another of sso-callout's pages");
  });

  it('fails a missing callback page, and warns about the app’s own page, which never hands an answer back', async () => {
    const missing = (await checksOf('ok', { redirectUri: redirectPages.missing })).byId['oidc-callback-page'];
    expect(missing?.status).to.equal('fail');
    expect(missing?.seen).to.contain('answered 404');
    callout?.dispose();
    const app = (await checksOf('ok', { redirectUri: redirectPages.appPage }, 1500)).byId[
      'oidc-callback-page'
    ];
    expect(app?.status).to.equal('warn');
    expect(app?.seen).to.contain("did not say it is sso-callout's callback page");
  });
});
