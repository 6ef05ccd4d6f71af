import { expect } from '@open-wc/testing';
import {
  type AuthProvider,
  type Callout,
  CalloutError,
  createCallout,
  type Diagnosis,
  type DiagnosisCheck,
  functionProvider,
} from '../../src/index.js';
import { version } from '../../src/version.js';
import { createAadEmulator } from '../support/aad-emulator.js';
import { createApiEmulator } from '../support/api-emulator.js';
import { fakeJwt } from '../support/fake-jwt.js';
import { findSecret } from '../support/find-secret.js';
import { useMsw } from '../support/msw-worker.js';

const apiBase = 'https://api.contoso.test/v1/';

/** The checks of `report` with `id` (and `credential`, when given). */
function checksOf(report: Diagnosis, id: string, credential?: string): DiagnosisCheck[] {
  return report.checks.filter(
    (c) => c.id === id && (credential === undefined || c.credential === credential),
  );
}

/** The one check of `report` with `id`. */
function only(report: Diagnosis, id: string): DiagnosisCheck {
  const found = checksOf(report, id);
  expect(found, `checks ${id}`).to.have.length(1);
  return found[0]!;
}

/** A provider that hands out `token` (expiring `lifetimeMs` from now by this device's clock). */
function providerOf(token: () => string, lifetimeMs = 3_600_000): AuthProvider & { calls: number } {
  const counted = functionProvider(async () => {
    counted.calls++;
    return { accessToken: token(), expiresOn: Date.now() + lifetimeMs };
  }) as AuthProvider & { calls: number };
  counted.calls = 0;
  return counted;
}

describe('callout.diagnose()', () => {
  const msw = useMsw();
  const aad = createAadEmulator();
  let api = createApiEmulator({ issuer: aad });
  let callout: Callout | undefined;

  beforeEach(() => {
    api = createApiEmulator({ issuer: aad });
    msw.use(...api.handlers);
  });
  afterEach(() => {
    callout?.dispose();
    callout = undefined;
  });

  /** A client with an `Orders` credential on the emulated API, served by `provider`. */
  function client(provider: AuthProvider, scopes = ['api://orders/Orders.Read']): Callout {
    callout = createCallout({
      crossTab: false,
      providers: { aad: provider },
      credentials: { Orders: { url: apiBase, provider: 'aad', scopes } },
    });
    return callout;
  }

  it('reports the audience and scopes of the token the store holds as ok when they match the credential', async () => {
    const c = client(providerOf(() => fakeJwt({ aud: 'api://orders', scp: 'Orders.Read' })));
    await c.token('Orders');
    const report = await c.diagnose();
    expect(only(report, 'token-audience')).to.include({ status: 'ok', credential: 'Orders' });
    expect(only(report, 'token-scopes').status).to.equal('ok');
    expect(only(report, 'token-audience').docs).to.equal('docs/troubleshooting.md#check-token-audience');
  });

  it('fails the audience check for a token issued to another API, naming both', async () => {
    const c = client(providerOf(() => fakeJwt({ aud: 'api://billing', scp: 'Orders.Read' })));
    await c.token('Orders');
    const audience = only(await c.diagnose(), 'token-audience');
    expect(audience.status).to.equal('fail');
    expect(audience.seen).to.contain('api://billing').and.contain('api://orders');
    expect(audience.hint).to.contain('Application ID URI');
  });

  it('accepts a v2 token whose audience is the application id the scopes name', async () => {
    const appId = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    const c = client(
      providerOf(() => fakeJwt({ aud: appId, scp: 'Orders.Read' })),
      [`api://${appId}/Orders.Read`],
    );
    await c.token('Orders');
    expect(only(await c.diagnose(), 'token-audience').status).to.equal('ok');
  });

  it('fails the scopes check when the token lacks a scope the credential asks for', async () => {
    const c = client(providerOf(() => fakeJwt({ aud: 'api://orders', scp: 'Orders.Write' })));
    await c.token('Orders');
    const scopes = only(await c.diagnose(), 'token-scopes');
    expect(scopes.status).to.equal('fail');
    expect(scopes.seen).to.contain('Orders.Write').and.contain('Orders.Read');
  });

  it('acquires nothing by default: without a token the token check is skipped and the provider is not called', async () => {
    const provider = providerOf(() => fakeJwt({ aud: 'api://orders', scp: 'Orders.Read' }));
    const report = await client(provider).diagnose();
    expect(only(report, 'token-audience').status).to.equal('skip');
    expect(checksOf(report, 'token-scopes')).to.have.length(0);
    expect(provider.calls).to.equal(0);
  });

  it('acquires one token per credential with acquire: true and checks it', async () => {
    const provider = providerOf(() => fakeJwt({ aud: 'api://orders', scp: 'Orders.Read' }));
    const report = await client(provider).diagnose({ acquire: true });
    expect(provider.calls).to.equal(1);
    expect(only(report, 'token-audience').status).to.equal('ok');
  });

  it('reports a failed acquisition with its code and hint', async () => {
    const provider = functionProvider(async () => {
      throw new CalloutError({ code: 'login_required', message: 'No session', hint: 'Sign in once.' });
    });
    const audience = only(await client(provider).diagnose({ acquire: true }), 'token-audience');
    expect(audience.status).to.equal('fail');
    expect(audience.seen).to.contain('login_required');
    expect(audience.hint).to.equal('Sign in once.');
  });

  it('skips the token checks of an opaque token', async () => {
    const c = client(providerOf(() => 'an-opaque-reference-token'));
    await c.token('Orders');
    expect(only(await c.diagnose(), 'token-audience').status).to.equal('skip');
  });

  it('reads the challenge of a 401 and sends the API nothing but GETs without a token', async () => {
    const c = client(providerOf(() => fakeJwt({ aud: 'api://orders', scp: 'Orders.Read' })));
    const report = await c.diagnose();
    expect(checksOf(report, 'cors-authorization', 'Orders').map((x) => x.status)).to.deep.equal(['ok']);
    expect(checksOf(report, 'cors-www-authenticate', 'Orders').map((x) => x.status)).to.deep.equal(['ok']);
    expect(api.methods).to.deep.equal(['GET']);
    expect(api.counters.authorized).to.equal(0);
    expect(api.counters.rejected).to.equal(1);
  });

  it('fails the WWW-Authenticate check when the API hides its challenge', async () => {
    api.faults.hideWwwAuthenticate = true;
    const c = client(providerOf(() => fakeJwt({ aud: 'api://orders' })));
    const readable = only(await c.diagnose(), 'cors-www-authenticate');
    expect(readable.status).to.equal('fail');
    expect(readable.hint).to.contain('Access-Control-Expose-Headers');
  });

  it("compares this device's clock with the API's Date header and the token's exp", async () => {
    api.faults.clockSkewSeconds = 0;
    const right = client(
      providerOf(() => fakeJwt({ aud: 'api://orders', exp: Math.floor(Date.now() / 1000) + 3600 })),
    );
    await right.token('Orders');
    const fine = only(await right.diagnose(), 'clock-skew');
    expect(fine.status).to.equal('ok');
    expect(fine.seen).to.contain('the API at https://api.contoso.test').and.contain('the identity provider');
    right.dispose();

    api.faults.clockSkewSeconds = 600;
    const wrong = client(providerOf(() => fakeJwt({ aud: 'api://orders' })));
    const skewed = only(await wrong.diagnose(), 'clock-skew');
    expect(skewed.status).to.equal('fail');
    expect(skewed.seen).to.match(/\+(9 min 5\d|10 min \d) s/);
  });

  it('skips the clock check when there is no Date header and no token to read', async () => {
    const report = await client(providerOf(() => 'opaque')).diagnose();
    expect(only(report, 'clock-skew').status).to.equal('skip');
  });

  it('finds a token issued on a skewed identity-provider clock', async () => {
    const late = Math.floor(Date.now() / 1000) + 3600 - 900; // The issuer's clock is 15 minutes behind.
    const c = client(providerOf(() => fakeJwt({ aud: 'api://orders', exp: late })));
    await c.token('Orders');
    const clock = only(await c.diagnose(), 'clock-skew');
    expect(clock.status).to.equal('fail');
    expect(clock.seen).to.contain('−15 min');
  });

  it('reports one copy of this version, and a second version on the page as a warning', async () => {
    const c = client(providerOf(() => 'opaque'));
    const one = only(await c.diagnose(), 'versions');
    expect(one).to.include({ status: 'ok', seen: `sso-callout ${version}, one copy` });
    const slot = Symbol.for('sso-callout/page');
    const page = globalThis as unknown as Record<symbol, unknown>;
    const saved = page[slot];
    page[slot] = {
      format: 1,
      versions: [version, '9.9.9'],
      events: new EventTarget(),
      warned: true,
      copies: 2,
    };
    try {
      const two = only(await c.diagnose(), 'versions');
      expect(two.status).to.equal('warn');
      expect(two.seen).to.contain('9.9.9');
      page[slot] = { format: 1, versions: [version], events: new EventTarget(), warned: false, copies: 2 };
      expect(only(await c.diagnose(), 'versions').seen).to.contain(`2 copies of sso-callout ${version}`);
    } finally {
      page[slot] = saved;
    }
  });

  it('reports the page checks once, and Lightning Web Security and CSP as ok on a plain page', async () => {
    const report = await client(providerOf(() => 'opaque')).diagnose();
    expect(only(report, 'lws').status).to.equal('ok');
    expect(only(report, 'csp')).to.include({ status: 'ok' });
    expect(only(report, 'third-party-cookies').status).to.equal('skip');
  });

  it("turns a provider's failing checks into one failed check, and a provider that never answers too", async () => {
    const failing: AuthProvider = {
      getToken: async () => ({
        accessToken: 'x',
        expiresOn: new Date(Date.now() + 60_000),
        scopes: [],
        source: 'provider',
      }),
      diagnose: async () => {
        throw new Error('broken checks');
      },
    };
    const hanging: AuthProvider = { ...failing, diagnose: () => new Promise(() => {}) };
    callout = createCallout({ crossTab: false, providers: { failing, hanging } });
    const report = await callout.diagnose({ timeout: 200 });
    const failed = checksOf(report, 'provider-checks');
    expect(failed.map((c) => [c.provider, c.status])).to.deep.equal([
      ['failing', 'fail'],
      ['hanging', 'fail'],
    ]);
    expect(failed[0]!.seen).to.contain('broken checks');
    expect(failed[1]!.seen).to.contain('did not finish within 600 ms');
    expect(report.status).to.equal('fail');
  });

  it('puts no token into the report, also after acquiring one', async () => {
    const token = fakeJwt({ aud: 'api://billing', scp: 'Nothing', upn: 'jane@contoso.com' });
    const report = await client(providerOf(() => token)).diagnose({ acquire: true });
    expect(findSecret(report, token, 'report')).to.deep.equal([]);
    expect(findSecret(report, token.split('.')[2]!, 'report')).to.deep.equal([]);
    expect(
      Object.isFrozen(report) && Object.isFrozen(report.checks) && Object.isFrozen(report.checks[0]),
    ).to.equal(true);
  });

  it('rejects with the reason when the caller aborts, and with client_disposed once disposed', async () => {
    const c = client(providerOf(() => 'opaque'));
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    const aborted = await c.diagnose({ signal: controller.signal }).catch((e: Error) => e.message);
    expect(aborted).to.equal('stop');
    c.dispose();
    const disposed = await c.diagnose().catch((e: CalloutError) => e.code);
    expect(disposed).to.equal('client_disposed');
  });
});
