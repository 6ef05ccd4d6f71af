import { expect } from '@open-wc/testing';
import { CalloutError } from '../../src/diagnostics/callout-error.js';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import type { InteractionRequiredEventDetail } from '../../src/events.js';
import { msalProvider } from '../../src/msal.js';
import { type AadScenario, useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

/** The CalloutError a callout through `Orders` ends in (it must end in one). */
const failure = (s: AadScenario): Promise<CalloutError> =>
  expectFailure(s.callout('callout:Orders/orders').json());

describe('msalProvider failures', () => {
  const { start: scenario } = useScenarios();
  failOnUnhandledRejections();

  it('raises login_required and fires interaction-required once, opening no window, when Azure AD has no session', async () => {
    const t = await scenario({ aad: { session: null }, provider: { interaction: 'popup' } });
    const events: InteractionRequiredEventDetail[] = [];
    t.callout.events.addEventListener('interaction-required', (e) => events.push(e.detail));
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.loginRequired);
    expect(error.hint).to.contain('AADSTS50058').and.contain('third-party cookies');
    expect(events).to.have.length(1);
    expect(events[0]?.provider).to.equal('aad');
    expect(t.aad.counters.silentAuthorize).to.equal(1);
    expect(t.aad.counters.signInPage).to.equal(0);
    expect(t.api.counters.requests).to.equal(0);
  });

  it('raises interaction_required (AADSTS16000) when the login hint names another user than the session', async () => {
    const t = await scenario({ aad: { session: 'sam@contoso.com' } });
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(error.hint).to.contain('AADSTS16000').and.contain('loginHint');
  });

  it('raises consent_required (AADSTS65001) naming the scope and admin consent when consent is missing', async () => {
    const t = await scenario();
    t.aad.faults.consentMissing = true;
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.consentRequired);
    expect(error.hint).to.contain('api://orders/Orders.Read').and.contain('Grant admin consent');
  });

  it('raises token_endpoint_error when the token endpoint answers 500', async () => {
    const t = await scenario();
    t.aad.faults.tokenEndpoint = 'server-error';
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.tokenEndpointError);
    expect(error.message).to.contain('AADSTS50000');
  });

  it('raises token_endpoint_error when the token endpoint answers a page instead of JSON', async () => {
    const t = await scenario();
    t.aad.faults.tokenEndpoint = 'garbage';
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.tokenEndpointError);
    expect(error.hint).to.match(/not JSON|see the cause/);
  });

  it('raises token_endpoint_error when the token endpoint times out at a gateway', async () => {
    const t = await scenario();
    t.aad.faults.tokenEndpoint = 'timeout';
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.tokenEndpointError);
  });

  it('raises redirect_uri_mismatch (AADSTS9002326) telling to move the URI to the SPA platform', async () => {
    const t = await scenario();
    t.aad.faults.webPlatform = true;
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.redirectUriMismatch);
    expect(error.hint).to.contain('Single-page application').and.contain(`${location.origin}/redirect.html`);
  });

  it('explains the redirect bridge and registration when Azure AD never answers the hidden iframe', async () => {
    const t = await scenario({
      aad: { redirectUris: ['https://elsewhere.contoso.com/redirect.html'] },
      provider: { msal: { system: { iframeBridgeTimeout: 300 } } },
    });
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.hint).to.contain('broadcastResponseToMainFrame').and.contain('Single-page application');
  });

  it('raises interaction_required when the refresh token expired and there is no session any more', async () => {
    const t = await scenario({ aad: { accessTokenLifetime: 60 } });
    await t.callout.token('Orders');
    t.aad.faults.refreshTokenExpired = true;
    t.aad.state.session = undefined;
    t.reloadPage();
    const error = await failure(t);
    expect(error.code).to.equal(CalloutErrorCode.loginRequired);
    expect(error.message).to.contain('AADSTS700084');
  });

  it('rejects an http authority at once with configuration_error', () => {
    const attempt = () => msalProvider({ clientId: 'x', authority: 'http://login.contoso.test/tenant' });
    expect(attempt).to.throw(CalloutError).with.property('code', CalloutErrorCode.configurationError);
    expect(attempt).to.throw(/authority_uri_insecure/);
  });

  it('rejects a missing client id and a cross-origin redirect URI with configuration_error', () => {
    expect(() => msalProvider({})).to.throw(/clientId/);
    expect(() => msalProvider({ clientId: 'x', redirectUri: 'https://other.contoso.com/redirect.html' }))
      .to.throw(CalloutError)
      .with.property('hint')
      .that.contains("page's own origin");
  });
});
