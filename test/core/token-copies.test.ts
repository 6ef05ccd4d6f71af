import { expect } from '@open-wc/testing';
import type { AccessToken, AuthProvider, TokenRequest } from '../../src/index.js';
import { CalloutErrorCode, createCallout, isCalloutError } from '../../src/index.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

const hour = 3_600_000;
const account = { id: 'jane-id', username: 'jane@contoso.test', name: 'Jane' };

/** A provider that counts its calls and returns what `answer` builds (by default, a good token). */
function countingProvider(answer?: (request: TokenRequest, call: number) => unknown) {
  const calls: TokenRequest[] = [];
  const provider: AuthProvider = {
    async getToken(request) {
      calls.push(request);
      if (answer) return answer(request, calls.length) as AccessToken;
      return {
        accessToken: `t${calls.length}`,
        expiresOn: new Date(Date.now() + hour),
        scopes: [...request.scopes],
        account: { ...account },
        source: 'provider',
      };
    },
  };
  return { provider, calls };
}

function client(provider: AuthProvider) {
  return createCallout({
    crossTab: false,
    providers: { p: provider },
    credentials: { Orders: { url: 'https://api.contoso.test/v1/', provider: 'p', scopes: ['Orders.Read'] } },
  });
}

/** Changes everything a caller can change on a token it got. */
function tamper(token: AccessToken): void {
  token.expiresOn.setTime(0);
  token.scopes.push('Admin.All');
  token.scopes[0] = 'changed';
  if (token.account) {
    token.account.id = 'mallory-id';
    token.account.username = 'mallory@contoso.test';
  }
}

function expectIntact(token: AccessToken, accessToken: string): void {
  expect(token.accessToken).to.equal(accessToken);
  expect(token.expiresOn.getTime()).to.be.greaterThan(Date.now() + hour - 60_000);
  expect(token.scopes).to.deep.equal(['Orders.Read']);
  expect(token.account).to.deep.equal(account);
}

describe('what the token store hands out', () => {
  failOnUnhandledRejections();

  it('is a copy: changing an acquired token, then a stored one, changes nothing the store serves next', async () => {
    const { provider, calls } = countingProvider();
    const callout = client(provider);
    const acquired = await callout.token('Orders');
    tamper(acquired);
    const stored = await callout.token('Orders');
    expectIntact(stored, 't1');
    expect(stored.source).to.equal('store');
    tamper(stored);
    expectIntact(await callout.token('Orders'), 't1');
    tamper(callout.peekToken('Orders')!);
    expectIntact(await callout.token('Orders'), 't1');
    expect(calls).to.have.length(1);
    callout.dispose();
  });

  it('is a copy in token events: a listener that changes expiresOn or the account changes nothing stored', async () => {
    const { provider, calls } = countingProvider();
    const callout = client(provider);
    callout.events.addEventListener('token', (event) => {
      event.detail.expiresOn.setTime(0);
      if (event.detail.account) event.detail.account.id = 'mallory-id';
    });
    await callout.token('Orders');
    expectIntact(await callout.token('Orders'), 't1');
    expect(calls).to.have.length(1);
    callout.dispose();
  });

  it('shares nothing with the provider: a provider that changes the token it returned changes nothing stored', async () => {
    const returned: AccessToken[] = [];
    const { provider, calls } = countingProvider((request) => {
      const token: AccessToken = {
        accessToken: 't1',
        expiresOn: new Date(Date.now() + hour),
        scopes: [...request.scopes],
        account: { ...account },
        source: 'provider',
      };
      returned.push(token);
      return token;
    });
    const callout = client(provider);
    await callout.token('Orders');
    tamper(returned[0]!);
    expectIntact(await callout.token('Orders'), 't1');
    expect(calls).to.have.length(1);
    callout.dispose();
  });

  it('holds only the token fields, whatever else the provider returned', async () => {
    const { provider } = countingProvider((request) => ({
      accessToken: 't1',
      expiresOn: new Date(Date.now() + hour),
      scopes: [...request.scopes],
      account: { ...account, idTokenClaims: { secret: 'id token claims' } },
      source: 'provider',
      idToken: 'an id token',
      raw: { refresh_token: 'a refresh token' },
    }));
    const callout = client(provider);
    for (const token of [await callout.token('Orders'), await callout.token('Orders')]) {
      expect(Object.keys(token).sort()).to.deep.equal([
        'accessToken',
        'account',
        'expiresOn',
        'scopes',
        'source',
      ]);
      expect(Object.keys(token.account!).sort()).to.deep.equal(['id', 'name', 'username']);
    }
    callout.dispose();
  });
});

describe('a provider answer the store cannot use', () => {
  failOnUnhandledRejections();

  const good = () => ({ accessToken: 't1', expiresOn: new Date(Date.now() + hour), scopes: ['Orders.Read'] });
  const answers: [string, () => unknown][] = [
    ['no scopes', () => ({ ...good(), scopes: undefined })],
    ['scopes that are not strings', () => ({ ...good(), scopes: [42] })],
    ['no token at all', () => null],
    ['an empty accessToken', () => ({ ...good(), accessToken: '' })],
    ['an expiresOn that is not a Date', () => ({ ...good(), expiresOn: Date.now() + hour })],
    [
      'a field that throws when read',
      () =>
        Object.defineProperty(good(), 'scopes', {
          get() {
            throw new TypeError('no scopes here');
          },
        }),
    ],
  ];

  it('fails with token_endpoint_error naming the provider, never a raw TypeError, for each malformed answer', async () => {
    const codes: string[] = [];
    for (const [, answer] of answers) {
      const callout = client(countingProvider(answer).provider);
      const error = await callout.token('Orders').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isCalloutError(error), String(error)).to.equal(true);
      codes.push(isCalloutError(error) ? error.code : String(error));
      expect((error as Error).message).to.contain('Provider "p"');
      callout.dispose();
    }
    expect(codes).to.deep.equal(answers.map(() => CalloutErrorCode.tokenEndpointError));
  });
});
