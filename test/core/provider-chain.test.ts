import { expect } from '@open-wc/testing';
import {
  type AccessToken,
  type AuthProvider,
  CalloutErrorCode,
  createCallout,
  functionProvider,
  type ProviderContext,
  type TokenRequest,
} from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';

/**
 * The chain contract without any server: a provider that builds on another one through the
 * `ProviderContext` the client hands its `getToken`, as docs/providers.md shows custom providers.
 */
describe('provider chains: a provider that takes another provider of the client as input', () => {
  /** A subject provider that counts its acquisitions and signs in as Jane. */
  function subject() {
    let calls = 0;
    let signedIn = true;
    const provider: AuthProvider = {
      get account() {
        return signedIn ? { id: 'jane', username: 'jane@contoso.com' } : undefined;
      },
      async getToken(request: TokenRequest): Promise<AccessToken> {
        calls++;
        return {
          accessToken: `subject-${calls}`,
          expiresOn: new Date(Date.now() + 3_600_000),
          scopes: request.scopes,
          source: 'provider',
        };
      },
      async signOut() {
        signedIn = false;
      },
    };
    return { provider, calls: () => calls };
  }

  /** A provider built only from the documented contract: it wraps the subject token. */
  function wrapping(subjectName: string): AuthProvider & { seen: string[] } {
    const seen: string[] = [];
    return {
      seen,
      async getToken(request: TokenRequest, context?: ProviderContext): Promise<AccessToken> {
        const input = await context!.token(subjectName, { scopes: ['api://exchange/.default'] });
        seen.push(input.accessToken);
        return {
          accessToken: `wrapped(${input.accessToken})`,
          expiresOn: new Date(Date.now() + 60_000),
          scopes: request.scopes,
          source: 'provider',
        };
      },
    };
  }

  it('serves the subject token from the store: one subject acquisition for every link and caller', async () => {
    const aad = subject();
    const outer = wrapping('aad');
    const callout = createCallout({
      crossTab: false,
      providers: { aad: aad.provider, outer },
      credentials: {
        A: { url: 'https://a.contoso.test/', provider: 'outer', scopes: ['a'] },
        B: { url: 'https://b.contoso.test/', provider: 'outer', scopes: ['b'] },
      },
    });
    const events: string[] = [];
    callout.events.addEventListener('token', (e) =>
      events.push(`${e.detail.provider}/${e.detail.credential}:${e.detail.source}`),
    );
    const tokens = await Promise.all([callout.token('A'), callout.token('A'), callout.token('B')]);
    expect(tokens.map((t) => t.accessToken)).to.deep.equal([
      'wrapped(subject-1)',
      'wrapped(subject-1)',
      'wrapped(subject-1)',
    ]);
    expect(aad.calls()).to.equal(1);
    expect(events).to.include('aad/A:provider').and.include('outer/A:provider');
    callout.dispose();
  });

  it('forgets the chained tokens when the subject provider signs out', async () => {
    const aad = subject();
    const outer = wrapping('aad');
    const callout = createCallout({
      crossTab: false,
      providers: { aad: aad.provider, outer },
      credentials: { A: { url: 'https://a.contoso.test/', provider: 'outer', scopes: ['a'] } },
    });
    await callout.token('A');
    expect(callout.peekToken('A')).to.exist;
    await callout.signOut('aad');
    expect(callout.peekToken('A'), 'built on the signed-out provider').to.equal(undefined);
    callout.dispose();
  });

  it('hands each provider the account of the others, as copies', async () => {
    const aad = subject();
    let seen: unknown;
    const callout = createCallout({
      crossTab: false,
      providers: {
        aad: aad.provider,
        outer: {
          async getToken(request, context) {
            const account = context!.account('aad')!;
            account.username = 'changed';
            seen = context!.account('aad')?.username;
            return {
              accessToken: 'x',
              expiresOn: new Date(Date.now() + 60_000),
              scopes: request.scopes,
              source: 'provider',
            };
          },
        },
      },
      credentials: { A: { url: 'https://a.contoso.test/', provider: 'outer', scopes: ['a'] } },
    });
    await callout.token('A');
    expect(seen).to.equal('jane@contoso.com');
    callout.dispose();
  });

  it('refuses a provider that chains to itself with configuration_error, and never waits on itself', async () => {
    const callout = createCallout({
      crossTab: false,
      providers: {
        loop: wrapping('loop'),
        plain: functionProvider(async () => ({ accessToken: 'p', expiresOn: Date.now() + 60_000 })),
      },
      credentials: { A: { url: 'https://a.contoso.test/', provider: 'loop', scopes: ['a'] } },
    });
    const error = await expectFailure(callout.token('A'));
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.message).to.contain('leads back');
    callout.dispose();
  });
});
