import { PublicClientApplication } from '@azure/msal-browser';
import { expect } from '@open-wc/testing';
import { parseMsalAttributes } from '../../components/callout-msal/msal-attributes.js';
import { CalloutError } from '../../src/diagnostics/callout-error.js';
import { msalProvider } from '../../src/msal.js';
import { expectThrown } from '../support/expect-failure.js';

describe('the platformBroker option', () => {
  const base = { clientId: 'abc', redirectUri: `${location.origin}/redirect.html` };

  it('refuses a platformBroker that is not a boolean at once, naming the option', () => {
    const error = expectThrown(() => msalProvider({ ...base, platformBroker: 'yes' as unknown as boolean }));
    expect([error.code, error.option]).to.deep.equal(['configuration_error', 'platformBroker']);
    expect(error.message).to.contain('it must be true or false');
  });

  it("turns MSAL's refusal of the broker with protocolMode OIDC into configuration_error with our hint", () => {
    const oidc = { ...base, platformBroker: true, msal: { system: { protocolMode: 'OIDC' as const } } };
    const error = expectThrown(() => msalProvider(oidc));
    expect(error.code).to.equal('configuration_error');
    expect(error.message).to.contain('cannot_allow_platform_broker');
    expect(error.hint).to.contain('with Entra ID only');
  });

  it("refuses platformBroker for an app's own instance that has the broker off", () => {
    const app = new PublicClientApplication({ auth: { clientId: 'abc' } });
    const error = expectThrown(() => msalProvider({ instance: app, platformBroker: true }));
    expect([error.code, error.option]).to.deep.equal(['configuration_error', 'platformBroker']);
    expect(error.message).to.contain('system.allowPlatformBroker off');
    expect(error.hint).to.contain('system.allowPlatformBroker');
    const on = new PublicClientApplication({
      auth: { clientId: 'abc' },
      system: { allowPlatformBroker: true },
    });
    const provider = msalProvider({ instance: on, platformBroker: true });
    expect(provider).to.not.be.instanceOf(CalloutError);
    provider.dispose();
  });

  it('reads the platform-broker attribute as present or absent, and refuses a value that looks like off', () => {
    const attributes = {
      name: null,
      id: 'aad',
      clientId: 'abc',
      authority: null,
      tenant: null,
      redirectUri: null,
      loginHint: null,
      domainHint: null,
      sid: null,
      interaction: null,
      scopes: null,
      cache: null,
      clientCapabilities: null,
      signInPage: null,
      lwsNamespace: null,
    };
    const read = (platformBroker: string | null) =>
      parseMsalAttributes({ ...attributes, platformBroker }, undefined);
    expect(read('')).to.deep.include({ options: { clientId: 'abc', platformBroker: true } });
    expect(read('true')).to.have.nested.property('options.platformBroker', true);
    expect(read(null)).to.not.have.nested.property('options.platformBroker');
    expect(read('false')).to.have.property('attribute', 'platform-broker');
  });
});
