import { expect } from '@open-wc/testing';
import { exchangeProvider } from '../../src/exchange.js';
import { type CalloutError, CalloutErrorCode, createCallout, functionProvider } from '../../src/index.js';
import type { ExchangeEmulatorFaults } from '../support/exchange-emulator.js';
import { type ExchangeScenario, startExchangeScenario } from '../support/exchange-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { leaksOf, recordEventDetails } from '../support/leak-check.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

describe('exchangeProvider: standard grants, and failures that name the endpoint and carry no token', () => {
  let s: ExchangeScenario | undefined;
  failOnUnhandledRejections();
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
    sessionStorage.clear();
  });

  /** A standard endpoint scenario (`/oauth2/token`, form-encoded) with `overrides`. */
  const standard = (
    overrides: Parameters<typeof exchangeProvider>[0] extends infer O ? Partial<O> : never = {},
  ) =>
    startExchangeScenario({
      exchange: { clientIds: ['orders-web'] },
      provider: (exchange) => ({
        tokenEndpoint: exchange.tokenEndpoint,
        refreshEndpoint: undefined,
        revocationEndpoint: undefined,
        grant: 'token-exchange',
        clientId: 'orders-web',
        ...overrides,
      }),
    });

  const recordEvents = (t: ExchangeScenario): unknown[] => recordEventDetails(t.callout);

  /** Where a subject token or an issued token appears in the error or the events. */
  const leaks = (t: ExchangeScenario, error: CalloutError, details: unknown[]): string[] =>
    leaksOf(error, details, [...t.exchange.subjectTokens, ...t.exchange.issued]);

  it('sends an RFC 8693 token exchange: grant type, subject token and its type, scope and client id, form-encoded', async () => {
    s = await standard({ audience: 'orders-api' });
    await s.callout('callout:Orders/orders').json();
    const form = s.exchange.received[0]!;
    expect(form.get('grant_type')).to.equal('urn:ietf:params:oauth:grant-type:token-exchange');
    expect(form.get('subject_token')).to.equal(s.exchange.subjectTokens[0]);
    expect(form.get('subject_token_type')).to.equal('urn:ietf:params:oauth:token-type:access_token');
    expect(form.get('audience')).to.equal('orders-api');
    expect(form.get('scope')).to.equal('orders');
    expect(form.get('client_id')).to.equal('orders-web');
  });

  it('sends an RFC 7523 JWT bearer grant with the subject token as assertion, and refreshes with refresh_token', async () => {
    s = await standard({ grant: 'jwt-bearer' });
    await s.callout('callout:Orders/orders').json();
    await s.callout.token('Orders', { forceRefresh: true });
    const [exchange, refresh] = s.exchange.received;
    expect(exchange?.get('grant_type')).to.equal('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(exchange?.get('assertion')).to.equal(s.exchange.subjectTokens[0]);
    expect(refresh?.get('grant_type')).to.equal('refresh_token');
    expect(s.exchange.counters).to.include({ exchanges: 1, refreshes: 1 });
  });

  it('reads an absolute expiry (validUntil) from a custom answer: the 12-hour token is kept 12 hours', async () => {
    s = await startExchangeScenario({ exchange: { expiry: 'absolute' } });
    const token = await s.callout.token('Orders');
    const hours = (token.expiresOn.getTime() - Date.now()) / 3_600_000;
    expect(hours).to.be.within(11.9, 12);
    expect(token.source).to.equal('provider');
  });

  it('maps invalid_client to configuration_error naming the client id and the host', async () => {
    s = await standard({ clientId: 'stranger' });
    const details = recordEvents(s);
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.hint).to.contain('stranger').and.contain(s.exchange.host);
    expect(leaks(s, error, details)).to.deep.equal([]);
  });

  it('maps unsupported_grant_type to configuration_error naming the grant and the host', async () => {
    s = await standard({ grant: 'saml2-bearer' });
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.hint).to.contain('saml2-bearer').and.contain(s.exchange.host);
  });

  const faults: [ExchangeEmulatorFaults['endpoint'], CalloutErrorCode, string][] = [
    ['cors', CalloutErrorCode.networkError, 'CORS'],
    ['garbage', CalloutErrorCode.tokenEndpointError, 'not JSON'],
    ['server-error', CalloutErrorCode.tokenEndpointError, 'server'],
    ['no-token', CalloutErrorCode.tokenEndpointError, 'jwt'],
  ];
  for (const [fault, code, words] of faults) {
    it(`maps a ${fault} answer of the custom endpoint to ${code}, naming the host, with no token in the error or events`, async () => {
      s = await startExchangeScenario();
      const details = recordEvents(s);
      s.exchange.faults.endpoint = fault;
      const error = await expectFailure(s.callout('callout:Orders/orders').json());
      expect(error.code).to.equal(code);
      expect(`${error.message} ${error.hint}`).to.contain(s.exchange.host).and.contain(words);
      expect(
        s.exchange.subjectTokens.length + s.aad.counters.token,
        'a subject token was sent',
      ).to.be.at.least(1);
      expect(leaks(s, error, details)).to.deep.equal([]);
      if (fault === 'no-token') expect(error.option).to.equal('grant.response.accessToken');
    });
  }

  it('carries no token when the refresh is refused and the new exchange fails too', async () => {
    s = await startExchangeScenario();
    await s.callout('callout:Orders/orders').json();
    const details = recordEvents(s);
    s.exchange.faults.refreshRefused = true;
    s.exchange.faults.endpoint = 'server-error';
    s.api.revokeAll();
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.tokenEndpointError);
    expect(s.exchange.issued.length).to.be.at.least(2);
    expect(leaks(s, error, details)).to.deep.equal([]);
  });

  it('refuses a chain to a provider that is not registered, and a chain that loops, with configuration_error', async () => {
    const orphan = createCallout({
      crossTab: false,
      providers: {
        ordersApi: exchangeProvider({
          tokenEndpoint: 'https://auth.orders.test/oauth2/token',
          subject: { provider: 'aad', scopes: ['x'] },
        }),
      },
      credentials: {
        Orders: { url: 'https://orders.contoso.test/v2/', provider: 'ordersApi', scopes: ['orders'] },
      },
    });
    const missing = await expectFailure(orphan.token('Orders'));
    expect(missing.code).to.equal(CalloutErrorCode.configurationError);
    expect(missing.message).to.contain('"aad"').and.contain('not registered');
    orphan.providers.define(
      'aad',
      exchangeProvider({
        tokenEndpoint: 'https://auth.orders.test/oauth2/token',
        subject: { provider: 'ordersApi', scopes: ['y'] },
      }),
    );
    const loop = await expectFailure(orphan.token('Orders'));
    expect(loop.code).to.equal(CalloutErrorCode.configurationError);
    expect(loop.message).to.contain('ordersApi → aad');
    orphan.dispose();
  });

  it('refuses options that cannot work at once, naming the option', () => {
    const attempt = (options: Parameters<typeof exchangeProvider>[0]): string | undefined => {
      try {
        exchangeProvider(options);
      } catch (error) {
        return (error as CalloutError).option;
      }
      return undefined;
    };
    const subject = { provider: 'aad', scopes: ['x'] };
    expect(attempt({ tokenEndpoint: 'http://auth.orders.test/token', subject })).to.equal('tokenEndpoint');
    expect(
      attempt({ tokenEndpoint: 'https://auth.orders.test/token', subject: { provider: 'aad', scopes: [] } }),
    ).to.equal('subject.scopes');
    expect(
      attempt({
        tokenEndpoint: 'https://auth.orders.test/token',
        subject,
        grant: { request: {}, response: {} } as never,
      }),
    ).to.equal('grant');
    expect(attempt({ tokenEndpoint: 'https://auth.orders.test/token', subject })).to.equal(undefined);
    // A functionProvider subject works as well as MSAL: the chain is only a name.
    expect(functionProvider(async () => ({ accessToken: 'a', expiresOn: Date.now() + 1000 }))).to.exist;
  });
});
