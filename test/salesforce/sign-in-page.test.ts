import { expect } from '@open-wc/testing';
import { crossOrigin, type LwsScenario, startLwsScenario } from '../support/lws-aad.js';
import {
  openSignInTab,
  type SeenRequest,
  type SignInPageSettings,
  type SignInTabReport,
  scenarioHosts,
  scenarioSignInSettings,
  serveSignInPage,
} from '../support/lws-sign-in-page.js';

/**
 * The static resource's sign-in page, opened the way a user's click opens it: a new top-level tab
 * of the browser, outside LWS, unframed. Every request the tab makes is recorded per host; the
 * test server and the emulated token endpoint are the only hosts it can reach, every other host
 * (the attacker's) is answered 404 by the harness without the request leaving the machine.
 */

const attacker = 'https://evil.example';
const apiScope = 'api://orders/Orders.Read';

interface Setup {
  s: LwsScenario;
  settings: SignInPageSettings;
  page: string;
}

async function setup(): Promise<Setup> {
  const s = await startLwsScenario();
  const settings = scenarioSignInSettings(s, [apiScope]);
  return { s, settings, page: await serveSignInPage(settings) };
}

/** `page` with `params` in its query string. */
function link(page: string, params: Record<string, string>): string {
  const url = new URL(page);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/** The query string the provider built before this fix: every identity-provider setting in the link. */
function settingsInLink(settings: SignInPageSettings): Record<string, string> {
  return {
    client_id: settings.clientId,
    authority: settings.authority,
    scope: settings.scopes.join(' '),
    ns: 'c',
    login_hint: 'jane@contoso.com',
    ...(settings.authorityMetadata ? { authority_metadata: settings.authorityMetadata } : {}),
  };
}

/** The scenario's openid-configuration with some endpoints replaced. */
function metadataWith(s: LwsScenario, endpoints: Record<string, string>): string {
  return JSON.stringify({ ...(JSON.parse(s.msalAuth.authorityMetadata) as object), ...endpoints });
}

/** The page refused the link, naming the settings it does not take from a link. */
function expectRefused(report: SignInTabReport): void {
  expect(report.state).to.equal('failed');
  expect(report.text).to.contain('settings the page does not take from a link');
}

function open(s: LwsScenario, href: string, plant?: Record<string, string>): Promise<SignInTabReport> {
  return openSignInTab({ href, ...scenarioHosts(s), ...(plant ? { plant } : {}), timeoutMs: 8_000 });
}

function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** Requests (navigations included) the tab sent to `origin`. */
function sentTo(report: SignInTabReport, origin: string): SeenRequest[] {
  return report.requests.filter((request) => originOf(request.url) === origin);
}

/** Nothing went to a host other than the test server and the configured token endpoint. */
function expectOnlyConfiguredHosts(s: LwsScenario, report: SignInTabReport): void {
  const allowed = new Set([location.origin, crossOrigin(), new URL(s.aad.tokenEndpoint).origin]);
  const elsewhere = report.requests.filter((request) => !allowed.has(originOf(request.url)));
  expect(elsewhere.map((request) => `${request.method} ${request.url}`)).to.deep.equal([]);
  expect(sentTo(report, attacker)).to.deep.equal([]);
  expect(report.navigations.filter((url) => originOf(url) === attacker)).to.deep.equal([]);
}

/** Query parameters of each authorize navigation (to the configured authorize endpoint). */
function authorizeRequests(report: SignInTabReport): URLSearchParams[] {
  return sentTo(report, crossOrigin())
    .filter((request) => new URL(request.url).pathname.endsWith('/oauth2/v2.0/authorize'))
    .map((request) => new URL(request.url).searchParams);
}

/** Form fields of each token request (to the configured token endpoint). */
function tokenRequests(s: LwsScenario, report: SignInTabReport): URLSearchParams[] {
  return report.requests
    .filter((request) => withoutQuery(request.url) === s.aad.tokenEndpoint && request.method === 'POST')
    .map((request) => new URLSearchParams(request.body ?? ''));
}

/** Every authorize and token request names the configured client id and only configured scopes. */
function expectConfiguredClient(s: LwsScenario, settings: SignInPageSettings, report: SignInTabReport): void {
  for (const params of [...authorizeRequests(report), ...tokenRequests(s, report)]) {
    expect(params.get('client_id')).to.equal(settings.clientId);
    const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
    for (const scope of scopes) expect(settings.scopes).to.include(scope);
  }
}

/** Waits for the next announcement on the page's (plain) hand-back channel for `clientId`. */
function nextAnnouncement(clientId: string): { message: Promise<unknown>; close: () => void } {
  const channel = new BroadcastChannel(`sso-callout.sign-in.${clientId}`);
  const message = new Promise<unknown>((resolve) => {
    channel.addEventListener('message', (event) => resolve(event.data), { once: true });
  });
  return { message, close: () => channel.close() };
}

describe('the Salesforce sign-in page takes its identity-provider settings only from its build', () => {
  it('signs in with the client id, authority and scopes it was built with, and hands the sign-in back', async () => {
    const { s, settings, page } = await setup();
    const announcement = nextAnnouncement(settings.clientId);
    const report = await open(s, link(page, { login_hint: 'jane@contoso.com', ns: 'c' }));
    expect(report.state, report.text).to.equal('signed-in');
    const message = await announcement.message;
    announcement.close();
    expectOnlyConfiguredHosts(s, report);
    expectConfiguredClient(s, settings, report);
    const [authorize] = authorizeRequests(report);
    expect(authorizeRequests(report)).to.have.length(1);
    expect(authorize?.get('login_hint')).to.equal('jane@contoso.com');
    expect(authorize?.get('scope')?.split(' ')).to.include(apiScope);
    expect(tokenRequests(s, report)).to.have.length(1);
    expect(message).to.deep.equal({
      type: 'sso-callout.signed-in',
      clientId: settings.clientId,
      username: 'jane@contoso.com',
    });
  });

  it('never sends the authorization code or PKCE verifier to an attacker’s token endpoint named in the link', async () => {
    const { s, settings, page } = await setup();
    const metadata = metadataWith(s, { token_endpoint: `${attacker}/${s.tenantId}/oauth2/v2.0/token` });
    const report = await open(s, link(page, { ...settingsInLink(settings), authority_metadata: metadata }));
    expectOnlyConfiguredHosts(s, report);
    expect(report.requests.filter((request) => request.body?.includes('code_verifier='))).to.satisfy(
      (requests: SeenRequest[]) =>
        requests.every((request) => withoutQuery(request.url) === s.aad.tokenEndpoint),
    );
    expect(s.aad.counters.authorizationCodeGrants).to.equal(0);
    expectRefused(report);
  });

  it('is no open redirect: an attacker’s authorize endpoint in the link is never navigated to', async () => {
    const { s, settings, page } = await setup();
    const metadata = metadataWith(s, { authorization_endpoint: `${attacker}/phish` });
    const report = await open(s, link(page, { ...settingsInLink(settings), authority_metadata: metadata }));
    expectOnlyConfiguredHosts(s, report);
    expect(report.navigations.map(originOf)).to.not.include(attacker);
    expectRefused(report);
  });

  it('never contacts an attacker’s authority named in the link', async () => {
    const { s, settings, page } = await setup();
    const { authority_metadata: _, ...params } = settingsInLink(settings);
    const report = await open(s, link(page, { ...params, authority: `${attacker}/${s.tenantId}` }));
    expectOnlyConfiguredHosts(s, report);
    expectRefused(report);
  });

  it('never signs in for another client id or other scopes named in the link', async () => {
    const { s, settings, page } = await setup();
    const report = await open(
      s,
      link(page, {
        ...settingsInLink(settings),
        client_id: crypto.randomUUID(),
        scope: 'openid offline_access https://graph.microsoft.com/Mail.ReadWrite',
      }),
    );
    expectOnlyConfiguredHosts(s, report);
    expectConfiguredClient(s, settings, report);
    expect(s.aad.counters.authorizationCodeGrants).to.equal(0);
    expectRefused(report);
  });

  const hostileLinks: [string, Record<string, string>][] = [
    ['a login hint that is not a user name', { login_hint: 'jane', ns: 'c' }],
    ['markup in the login hint', { login_hint: '"><img src=x onerror=alert(1)>@contoso.com', ns: 'c' }],
    ['a line break in the login hint', { login_hint: 'jane@contoso.com\r\nprompt=none', ns: 'c' }],
    [
      'a login hint longer than a user name can be',
      { login_hint: `${'j'.repeat(250)}@contoso.com`, ns: 'c' },
    ],
    ['a namespace with a dollar and a dash', { login_hint: 'jane@contoso.com', ns: 'c$sso-callout' }],
    ['a namespace longer than Salesforce allows', { login_hint: 'jane@contoso.com', ns: 'n'.repeat(16) }],
    ['a namespace with a double underscore', { login_hint: 'jane@contoso.com', ns: 'c__x' }],
  ];
  // One tab per test: each opens the sign-in page afresh, which on a loaded machine takes seconds.
  for (const [what, params] of hostileLinks) {
    it(`refuses a link with ${what}, and nothing reaches the identity provider`, async () => {
      const { s, page } = await setup();
      const report = await open(s, link(page, params));
      expect(report.state).to.equal('failed');
      expect(authorizeRequests(report)).to.deep.equal([]);
      expectOnlyConfiguredHosts(s, report);
      expect((await s.authorizeCounters()).authorize).to.equal(0);
    });
  }

  it('refuses a link that names the login hint twice, and nothing reaches the identity provider', async () => {
    const { s, page } = await setup();
    const repeated = `${link(page, { login_hint: 'jane@contoso.com', ns: 'c' })}&login_hint=sam%40contoso.com`;
    const report = await open(s, repeated);
    expect(report.state).to.equal('failed');
    expect(authorizeRequests(report)).to.deep.equal([]);
    expect((await s.authorizeCounters()).authorize).to.equal(0);
  });

  it('does not trust identity-provider settings planted in its tab’s sessionStorage', async () => {
    const { s, settings, page } = await setup();
    const planted = JSON.stringify({
      clientId: crypto.randomUUID(),
      authority: `${attacker}/${s.tenantId}`,
      scopes: ['openid', 'https://graph.microsoft.com/Mail.ReadWrite'],
      namespace: 'c',
      authorityMetadata: metadataWith(s, {
        authorization_endpoint: `${attacker}/phish`,
        token_endpoint: `${attacker}/token`,
      }),
    });
    const plant = { 'sso-callout.sign-in.settings': planted };
    for (const href of [page, link(page, { login_hint: 'jane@contoso.com', ns: 'c' })]) {
      const report = await open(s, href, plant);
      expectOnlyConfiguredHosts(s, report);
      expectConfiguredClient(s, settings, report);
      expect(report.state, report.text).to.equal('signed-in');
    }
  });

  it('refuses to run in a frame, so it cannot be clickjacked or drive a sign-in from a frame', async () => {
    const { s, settings, page } = await setup();
    const links = [
      link(page, { login_hint: 'jane@contoso.com', ns: 'c' }),
      link(page, settingsInLink(settings)),
    ];
    for (const href of links) {
      const frame = document.createElement('iframe');
      frame.src = href;
      document.body.append(frame);
      const deadline = Date.now() + 4_000;
      let state: string | undefined;
      let text = '';
      while (Date.now() < deadline && !state) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        try {
          state = frame.contentDocument?.body?.dataset.state;
          text = frame.contentDocument?.body?.textContent ?? '';
        } catch {
          state = undefined; // on another origin (the authorize endpoint) for now
        }
      }
      frame.remove();
      expect(state).to.equal('failed');
      // Refused by the page itself, before MSAL runs at all.
      expect(text).to.contain('never inside a frame');
    }
    const authorize = await s.authorizeCounters();
    expect(authorize.authorize).to.equal(0);
    expect(s.aad.counters.token).to.equal(0);
  });

  it('cannot be built with settings it could not trust: http authority, unknown keys, an http token endpoint', async () => {
    const s = await startLwsScenario();
    const good = scenarioSignInSettings(s, [apiScope]);
    const register = async (settings: unknown) =>
      (
        await fetch(`/__lws-sign-in/${crypto.randomUUID()}/config`, {
          method: 'POST',
          body: JSON.stringify(settings),
        })
      ).status;
    expect(await register(good)).to.equal(200);
    expect(await register({ ...good, authority: 'http://login.evil.example/t' })).to.equal(400);
    expect(await register({ ...good, redirectUri: `${attacker}/` })).to.equal(400);
    expect(await register({ ...good, scopes: 'openid api://orders/Orders.Read' })).to.equal(400);
    expect(
      await register({
        ...good,
        authorityMetadata: metadataWith(s, { token_endpoint: 'http://evil.example/token' }),
      }),
    ).to.equal(400);
  });
});
