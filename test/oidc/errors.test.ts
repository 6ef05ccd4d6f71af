import { expect } from '@open-wc/testing';
import { type CalloutError, CalloutErrorCode } from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { leaksOf, recordEventDetails } from '../support/leak-check.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import type { OidcEmulatorFaults } from '../support/oidc-emulator.js';
import { type OidcScenario, startOidcScenario } from '../support/oidc-setup.js';

describe('oidcProvider: failures are typed, name the configured server and carry no token', () => {
  let s: OidcScenario | undefined;
  failOnUnhandledRejections();
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
  });

  /** Signs Jane in with one call, then records every event detail of what follows. */
  async function signedIn(): Promise<{ t: OidcScenario; details: unknown[] }> {
    s = await startOidcScenario();
    await s.callout('callout:Orders/orders').json();
    return { t: s, details: recordEventDetails(s.callout) };
  }

  /** Every place in the error and the event details where a token the server issued is found. */
  const leaks = (t: OidcScenario, error: CalloutError, details: unknown[]) =>
    leaksOf(error, details, t.idp.state.issued);

  /** A refresh forced by an API 401 while the token endpoint fails with `fault`. */
  async function failedRefresh(fault: OidcEmulatorFaults['tokenEndpoint']) {
    const { t, details } = await signedIn();
    t.api.revokeAll();
    t.idp.faults.tokenEndpoint = fault;
    const error = await expectFailure(t.callout('callout:Orders/orders').json());
    expect(leaks(t, error, details)).to.deep.equal([]);
    expect(t.idp.state.issued.length, 'tokens the walk looked for').to.be.at.least(3);
    return { t, error };
  }

  it('reports a server error of the token endpoint as token_endpoint_error naming the host', async () => {
    const { t, error } = await failedRefresh('server-error');
    expect(error.code).to.equal(CalloutErrorCode.tokenEndpointError);
    expect(error.message).to.contain(t.idp.host).and.contain('server_error');
    expect(error.hint).to.contain(t.idp.host);
  });

  it('reports a token endpoint the browser cannot read (CORS) as network_error with a CORS hint naming the host', async () => {
    const { t, error } = await failedRefresh('cors');
    expect(error.code).to.equal(CalloutErrorCode.networkError);
    expect(error.hint).to.contain('CORS').and.contain(t.idp.host);
  });

  it('reports an answer that is not JSON as token_endpoint_error', async () => {
    const { t, error } = await failedRefresh('garbage');
    expect(error.code).to.equal(CalloutErrorCode.tokenEndpointError);
    expect(error.hint).to.contain('not JSON').and.contain(t.idp.host);
  });

  it('reports invalid_client as configuration_error naming the client id and the host', async () => {
    const { t, error } = await failedRefresh('invalid-client');
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.hint).to.contain(t.idp.host).and.contain('spa-');
  });

  it('reports a refused refresh token with no server session left as login_required, after one iframe attempt', async () => {
    const { t, details } = await signedIn();
    t.idp.faults.refreshRefused = true;
    t.idp.state.session = undefined;
    t.idp.resetCounters();
    t.api.revokeAll();
    const error = await expectFailure(t.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.loginRequired);
    expect(t.idp.counters).to.include({ refreshTokenGrants: 1, silentAuthorize: 1, signInPage: 0 });
    expect(leaks(t, error, details)).to.deep.equal([]);
  });

  it('refuses options that cannot work at once, naming the option', async () => {
    const { oidcProvider } = await import('../../src/oidc.js');
    const attempt = (options: Parameters<typeof oidcProvider>[0]) => {
      try {
        oidcProvider(options);
      } catch (error) {
        return error as CalloutError;
      }
      throw new Error('expected oidcProvider to throw');
    };
    expect(attempt({ authority: 'http://idp.contoso.test', clientId: 'a' }).option).to.equal('authority');
    expect(attempt({ authority: 'https://idp.contoso.test', clientId: '' }).option).to.equal('clientId');
    expect(
      attempt({
        authority: 'https://idp.contoso.test',
        clientId: 'a',
        redirectUri: 'https://elsewhere.test/cb',
      }).option,
    ).to.equal('redirectUri');
  });
});
