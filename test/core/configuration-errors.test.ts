import { expect } from '@open-wc/testing';
import {
  type CalloutError,
  type CalloutOptions,
  type CredentialDefinition,
  createCallout,
} from '../../src/index.js';
import { expectFailure, expectThrown } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

const good: CredentialDefinition = {
  url: 'https://api.contoso.test/v1/',
  provider: 'p',
  scopes: ['Orders.Read'],
};
const provider = {
  getToken: async () => ({
    accessToken: 't',
    expiresOn: new Date(),
    scopes: [],
    source: 'provider' as const,
  }),
};

describe('configuration errors name the option at fault', () => {
  failOnUnhandledRejections();

  it('names the credential field of every invalid definition in option', () => {
    const callout = createCallout({ crossTab: false });
    const cases: [string, string, CredentialDefinition][] = [
      ['name', '1st', good],
      ['url', 'A', { ...good, url: 'http://api.contoso.test/' }],
      ['url', 'B', { ...good, url: 'not a url' }],
      ['provider', 'C', { ...good, provider: ' ' }],
      ['scopes', 'D', { ...good, scopes: [] }],
      ['scopes', 'E', { ...good, scopes: ['two words'] }],
      ['refreshOn', 'F', { ...good, refreshOn: [200] }],
      ['headers', 'G', { ...good, headers: { Authorization: 'Bearer x' } }],
      ['timeout', 'H', { ...good, timeout: -1 }],
      ['retry', 'I', { ...good, retry: -1 }],
    ];
    const options = cases.map(
      ([, name, definition]) => expectThrown(() => callout.credentials.define(name, definition)).option,
    );
    expect(options).to.deep.equal(cases.map(([option]) => option));
    callout.dispose();
  });

  it('names the field of a conflicting redefinition, and url for an origin outside the allowed ones', () => {
    const callout = createCallout({ crossTab: false, allowedOrigins: ['https://api.contoso.test'] });
    callout.credentials.define('Orders', good);
    const conflict = expectThrown(() =>
      callout.credentials.define('Orders', { ...good, scopes: ['Orders.Write'] }),
    );
    const outside = expectThrown(() =>
      callout.credentials.define('Other', { ...good, url: 'https://evil.test/' }),
    );
    expect([conflict.code, conflict.option]).to.deep.equal(['credential_conflict', 'scopes']);
    expect([outside.code, outside.option]).to.deep.equal(['origin_not_allowed', 'url']);
    callout.dispose();
  });

  it('names the client option, the provider name and the call option', async () => {
    const client = (options: CalloutOptions) =>
      expectThrown(() => createCallout({ crossTab: false, ...options }));
    const badOrigins = client({ allowedOrigins: ['https://api.contoso.test/v1/'] });
    const badCrossTab = expectThrown(() => createCallout({ crossTab: 'sometimes' as never }));
    const callout = createCallout({ crossTab: false, credentials: { Orders: good } });
    const badProvider = expectThrown(() => callout.providers.define('has space', provider));
    const unregistered = await expectFailure(callout('callout:Orders/orders'));
    callout.providers.define('p', provider);
    const refused = await expectFailure(
      callout('callout:Orders/orders', { prefixUrl: 'https://x.test/' } as never),
    );
    expect(
      [badOrigins, badCrossTab, badProvider, unregistered, refused].map((e) => [e.code, e.option]),
    ).to.deep.equal([
      ['configuration_error', 'allowedOrigins'],
      ['configuration_error', 'crossTab'],
      ['configuration_error', 'name'],
      ['invalid_credential', 'provider'],
      ['configuration_error', 'prefixUrl'],
    ]);
    callout.dispose();
  });
});

describe('an unknown credential', () => {
  failOnUnhandledRejections();

  it('is the same error from callout.token(name) and from a callout:Name call', async () => {
    const callout = createCallout({
      crossTab: false,
      providers: { p: provider },
      credentials: { Orders: good },
    });
    const fromToken = await expectFailure(callout.token('Invoices'));
    const fromCall = await expectFailure(callout('callout:Invoices/list'));
    const view = (e: CalloutError) => [e.code, e.credential, e.message, e.hint];
    expect(view(fromToken)).to.deep.equal(view(fromCall));
    expect(fromToken.message).to.equal('No credential named "Invoices" is registered (known: Orders)');
    callout.dispose();
  });
});
