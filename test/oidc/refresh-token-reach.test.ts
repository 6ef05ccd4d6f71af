import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import '../../components/define.js';
import type { CalloutOidc } from '../../components/callout-oidc/callout-oidc.js';
import { CalloutErrorCode, createCallout } from '../../src/index.js';
import { findReachable } from '../components/support/reachable.js';
import { expectFailure } from '../support/expect-failure.js';
import { recordEventDetails, secretPaths } from '../support/leak-check.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { cleanUpAfterEach, victimApp } from '../support/oidc-attacker.js';
import { createOidcEmulator, type OidcEmulator } from '../support/oidc-emulator.js';
import { callbackPage } from '../support/oidc-setup.js';

/** Every refresh token `idp` issued (its refresh tokens start with `rt.`). */
const refreshTokens = (idp: OidcEmulator): string[] => idp.state.issued.filter((t) => t.startsWith('rt.'));

/** Every path from `roots` (named) to a refresh token `idp` issued. */
const reach = (idp: OidcEmulator, roots: Record<string, unknown>): string[] =>
  secretPaths(refreshTokens(idp), roots);

/**
 * Attacker: whoever can read what the library hands out — an error panel, an error tracker, a
 * listener on the client's events, a script that reaches `<callout-oidc>` or calls
 * `callout.token()` — and looks there for the OpenID Connect refresh token, which outlives every
 * access token. After sign-in, refreshes (rotating) and a refresh the server refuses in words
 * that quote the refresh token, none of it may hold one.
 */
describe("the OpenID Connect provider's refresh tokens, from what it hands out", () => {
  const msw = useMsw();
  failOnUnhandledRejections();
  const keep = cleanUpAfterEach();

  it('are reachable from no token() result, event detail, provider or account after rotating refreshes', async () => {
    const v = keep.victim(victimApp(msw.use));
    const details = recordEventDetails(v.callout);
    const first = await v.callout.token('Orders');
    const refreshed = await v.callout.token('Orders', { forceRefresh: true });
    await v.callout('callout:Orders/orders').json();
    v.api.revokeAll(); // The next call is refused with 401: one more refresh, one retry.
    const body = await v.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(v.idp.counters).to.include({ authorizationCodeGrants: 1, refreshTokenGrants: 2 });
    expect(refreshTokens(v.idp), 'refresh tokens the walk looks for').to.have.length(3);
    const roots = {
      tokens: [first, refreshed, await v.callout.token('Orders')],
      events: details,
      provider: v.callout.providers.get('idp'),
      account: v.provider.account,
      peek: v.callout.peekToken('Orders'),
    };
    expect(details.length).to.be.greaterThan(5);
    expect(reach(v.idp, roots)).to.deep.equal([]);
  });

  it('are reachable from no error or event detail when the server refuses a refresh quoting the refresh token', async () => {
    const v = keep.victim(victimApp(msw.use));
    await v.callout.token('Orders');
    const details = recordEventDetails(v.callout);
    msw.use(
      http.post(v.idp.tokenEndpoint, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        if (form.get('grant_type') !== 'refresh_token') return undefined;
        return HttpResponse.json(
          {
            error: 'invalid_request',
            error_description: `refresh_token ${form.get('refresh_token')} is malformed`,
          },
          { status: 400 },
        );
      }),
    );
    const error = await expectFailure(v.callout.token('Orders', { forceRefresh: true }));
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.message).to.contain('is malformed');
    expect(reach(v.idp, { error, events: details })).to.deep.equal([]);
  });

  it('are reachable from no property of a <callout-oidc> or its events after a refresh', async () => {
    const idp = createOidcEmulator();
    msw.use(...idp.handlers);
    const callout = createCallout({ crossTab: false });
    const changes: unknown[] = [];
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('callout-oidc') as CalloutOidc;
    el.callout = callout;
    el.id = 'okta';
    el.addEventListener('callout-provider-change', (e) => changes.push((e as CustomEvent).detail));
    for (const [name, value] of Object.entries({
      authority: idp.authority,
      'client-id': `spa-${crypto.randomUUID()}`,
      'redirect-uri': callbackPage,
      'login-hint': 'jane@contoso.com',
      scopes: 'profile offline_access api://orders/Orders.Read',
    }))
      el.setAttribute(name, value);
    host.append(el);
    await el.updateComplete;
    callout.credentials.define('Orders', {
      url: 'https://api.contoso.test/v1/',
      provider: 'okta',
      scopes: ['api://orders/Orders.Read'],
    });
    const details = recordEventDetails(callout);
    await callout.token('Orders');
    await callout.token('Orders', { forceRefresh: true });
    expect(idp.counters.refreshTokenGrants).to.equal(1);
    const secrets = refreshTokens(idp);
    const holds = (value: unknown) =>
      typeof value === 'string' && secrets.some((secret) => value.includes(secret))
        ? 'a refresh token'
        : undefined;
    expect(findReachable(el, holds)).to.deep.equal([]);
    expect(reach(idp, { changes, events: details, provider: callout.providers.get('okta') })).to.deep.equal(
      [],
    );
    el.remove();
    callout.dispose();
  });
});
