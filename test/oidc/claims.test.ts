import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { CalloutErrorCode, isCalloutError } from '../../src/index.js';
import { click } from '../support/aad-gesture.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { type OidcScenario, type OidcScenarioOptions, startOidcScenario } from '../support/oidc-setup.js';

const api = 'https://api.contoso.test/v1/';

describe('oidcProvider: claims challenges (insufficient_claims)', () => {
  const msw = useMsw();
  let s: OidcScenario | undefined;
  failOnUnhandledRejections();
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
  });

  /** A scenario signed in silently (1 authorize + 1 token), its counters reset. */
  async function signedIn(options: OidcScenarioOptions = {}): Promise<OidcScenario> {
    s = await startOidcScenario(options);
    await s.callout('callout:Orders/orders').json();
    s.idp.resetCounters();
    s.api.resetCounters();
    return s;
  }

  it('answers a claims challenge silently: one hidden-iframe authorize carrying the claims, one token request, one retry', async () => {
    const t = await signedIn();
    t.api.faults.requireAuthContext = 'c1';
    const body = await t.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(t.api.counters.requests).to.equal(2);
    expect(t.idp.counters).to.include({
      silentAuthorize: 1,
      claimsAuthorize: 1,
      signInPage: 0,
      token: 1,
      authorizationCodeGrants: 1,
      refreshTokenGrants: 0,
    });
    expect(t.idp.received.authorize[0]?.get('claims')).to.equal(t.api.claimsChallenge('c1'));
    expect(t.idp.received.authorize[0]?.get('prompt')).to.equal('none');
  });

  it('needs the user for a step-up: interaction_required and no window without a click; a click’s sign-in asks for the claims, then the callout succeeds with no further request to the server', async () => {
    const t = await signedIn();
    t.idp.state.stepUp.add('mfa');
    t.api.faults.requireAuthContext = 'mfa';
    const error = await expectFailure(t.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(t.idp.counters).to.include({ silentAuthorize: 1, claimsAuthorize: 1, signInPage: 0, token: 0 });
    expect(t.api.counters.requests).to.equal(1);

    t.idp.state.stepUp.clear(); // The user completes the step-up in the popup.
    await click(() => t.callout.signIn());
    expect(t.idp.counters).to.include({ signInPage: 1, claimsAuthorize: 2, token: 1 });
    expect(t.idp.received.authorize[1]?.get('claims')).to.equal(t.api.claimsChallenge('mfa'));
    t.idp.resetCounters();
    t.api.resetCounters();
    const body = await t.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    expect(t.idp.counters).to.include({ authorize: 0, token: 0 });
  });

  it('acquires at most five tokens for a server that answers every request with fresh claims', async () => {
    const t = await signedIn();
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, () => {
        apiRequests++;
        const claims = btoa(t.api.claimsChallenge(`c${apiRequests}`));
        return new HttpResponse(null, {
          status: 401,
          headers: { 'WWW-Authenticate': `Bearer error="insufficient_claims", claims="${claims}"` },
        });
      }),
    );
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      await t
        .callout('callout:Orders/orders')
        .json()
        .catch((error: unknown) => codes.push(isCalloutError(error) ? error.code : String(error)));
    }
    expect(codes).to.have.length(20);
    expect(t.idp.counters.claimsAuthorize, 'authorize requests carrying claims').to.equal(5);
    expect(t.idp.counters.token).to.equal(5);
    expect(codes.filter((c) => c === CalloutErrorCode.renewalThrottled)).to.have.length(15);
    expect(apiRequests).to.equal(5 * 2 + 15);
  });

  it('cannot answer a claims challenge when the server does not support the claims parameter: configuration_error naming the host, no request to it', async () => {
    const t = await signedIn({ idp: { claimsParameterSupported: false } });
    t.api.faults.requireAuthContext = 'c1';
    const error = await expectFailure(t.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.message).to.contain(t.idp.host).and.contain('claims_parameter_supported');
    expect(t.idp.counters).to.include({ authorize: 0, token: 0 });
    expect(t.api.counters.requests).to.equal(1);
  });
});
