import { ProtocolMode } from '@azure/msal-browser';
import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { msalProvider } from '../../src/msal.js';
import { useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

/**
 * The provider against an identity provider that is not Entra ID: a plain OpenID Connect server
 * (the emulator's `oidc` dialect: no AADSTS codes, no `client_info`, ID tokens that name the user
 * only by `email`) on its own host, reached with MSAL's `protocolMode: 'OIDC'`.
 */
const idpHost = 'idp.example.test';

describe('msalProvider with an OpenID Connect server that is not Entra ID', () => {
  failOnUnhandledRejections();
  const { start } = useScenarios();

  const oidcScenario = (session: string | null = 'jane@contoso.com') =>
    start({
      aad: { dialect: 'oidc', host: idpHost, session },
      provider: { msal: { system: { protocolMode: ProtocolMode.OIDC } } },
    });

  it('names the configured host, not login.microsoftonline.com, and quotes no AADSTS code the server did not send', async () => {
    const s = await oidcScenario(null);
    const error = await expectFailure(s.callout.token('Orders'));
    expect(error.code).to.equal(CalloutErrorCode.loginRequired);
    expect(error.hint).to.contain(idpHost).and.contain('third-party cookies');
    expect(error.hint).to.not.contain('login.microsoftonline.com');
    expect(error.hint).to.not.contain('AADSTS');
    expect(error.message).to.not.contain('AADSTS');
    expect(s.aad.counters.silentAuthorize).to.equal(1);
  });

  it('still quotes the AADSTS code Entra ID sent', async () => {
    const s = await start({ aad: { session: null } });
    const error = await expectFailure(s.callout.token('Orders'));
    expect(error.hint).to.match(/^AADSTS50058: /);
  });

  it('points at protocolMode OIDC and knownAuthorities, naming the host, when MSAL refuses a non-Azure authority', async () => {
    const clientId = crypto.randomUUID();
    const provider = msalProvider({
      clientId,
      authority: `https://${idpHost}/realms/contoso`,
      loginHint: 'jane@contoso.com',
      msal: { auth: { clientId, knownAuthorities: ['other.example.test'] } },
    });
    const error = await expectFailure(provider.getToken({ scopes: ['api://orders/Orders.Read'] }));
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.hint)
      .to.contain("protocolMode: 'OIDC'")
      .and.contain('knownAuthorities')
      .and.contain(idpHost);
    provider.dispose();
  });

  it('finds the cached account by the email of its ID token on reload: no authorize request, no iframe', async () => {
    const s = await oidcScenario();
    const first = await s.callout.token('Orders');
    expect(first.source).to.equal('sso-silent');
    expect(s.aad.counters.authorize).to.equal(1);
    s.callout.dispose();
    s.aad.resetCounters();

    const sources: string[] = [];
    const usernames: (string | undefined)[] = [];
    for (let reload = 0; reload < 3; reload++) {
      const again = s.reload();
      s.callout = again.callout;
      const token = await again.callout.token('Orders');
      sources.push(token.source);
      usernames.push(token.account?.username);
      again.callout.dispose();
    }
    expect(s.aad.counters.authorize).to.equal(0);
    expect(s.aad.counters.token).to.equal(0);
    expect(sources).to.deep.equal(['cache', 'cache', 'cache']);
    // MSAL names no username when the ID token has only `email`: the account is named by it.
    expect([first.account?.username, ...usernames]).to.deep.equal(Array(4).fill('jane@contoso.com'));
  });
});
