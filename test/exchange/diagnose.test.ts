import { expect } from '@open-wc/testing';
import { type ExchangeProviderOptions, exchangeProvider } from '../../src/exchange.js';
import { type Callout, createCallout, type DiagnosisCheck, functionProvider } from '../../src/index.js';

/** The test server's cross-origin token endpoint with real CORS (test/support/cors-server.js). */
const corsEndpoint = (id: string, mode: string) =>
  `http://127.0.0.1:${location.port}/__cors/${id}/${mode}/token`;

interface Logged {
  method: string;
  authorization: string | null;
  bodyLength: number;
}

describe("exchangeProvider's checks in callout.diagnose()", () => {
  let callout: Callout | undefined;
  afterEach(() => {
    callout?.dispose();
    callout = undefined;
  });

  /** The exchange provider's checks, for a token endpoint of the CORS server in `mode`; counts subject acquisitions. */
  async function checksOf(mode: string, options: Partial<ExchangeProviderOptions> = {}) {
    const id = crypto.randomUUID();
    let subjectAcquisitions = 0;
    const subject = functionProvider(async () => {
      subjectAcquisitions++;
      return { accessToken: 'subject-token', expiresOn: Date.now() + 3_600_000 };
    });
    const exchange = exchangeProvider({
      tokenEndpoint: corsEndpoint(id, mode),
      subject: { provider: 'aad', scopes: ['api://orders-auth/.default'] },
      ...options,
    });
    callout = createCallout({ providers: { aad: subject, orders: exchange }, crossTab: false });
    const report = await callout.diagnose({ timeout: 1500 });
    const checks = report.checks.filter((c): c is DiagnosisCheck => c.provider === 'orders');
    const log = (await (await fetch(`/__cors-log/${id}`)).json()) as Logged[];
    return { checks, log, subjectAcquisitions };
  }

  it('passes a token endpoint whose CORS answer allows this page, with one empty POST: no grant, no subject token', async () => {
    const { checks, log, subjectAcquisitions } = await checksOf('ok');
    expect(checks.map((c) => [c.id, c.status])).to.deep.equal([['token-endpoint-cors', 'ok']]);
    expect(checks[0]?.seen).to.contain('answered 400');
    expect(log.map((entry) => [entry.method, entry.bodyLength, entry.authorization])).to.deep.equal([
      ['POST', 0, null],
    ]);
    expect(subjectAcquisitions).to.equal(0);
  });

  it('fails a token endpoint whose CORS answer does not allow this page, naming the option', async () => {
    const { checks, subjectAcquisitions } = await checksOf('no-origin');
    expect(checks.map((c) => [c.id, c.status])).to.deep.equal([['token-endpoint-cors', 'fail']]);
    expect(checks[0]?.seen).to.contain(`does not allow ${location.origin}`);
    expect(checks[0]?.hint).to.contain('tokenEndpoint');
    expect(subjectAcquisitions).to.equal(0);
  });

  it('fails a custom JSON endpoint whose preflight refuses Content-Type and the API key, and passes it once the preflight allows them', async () => {
    const grant = {
      request: { subjectToken: 'entraToken' },
      response: { accessToken: 'token', expiresIn: 'ttl' },
    };
    const headers = { 'x-api-key': 'public-key' };
    const refused = await checksOf('no-authorization', { grant, headers });
    expect(refused.checks[0]?.status).to.equal('fail');
    expect(refused.checks[0]?.seen).to.contain('the preflight refused Content-Type, x-api-key');
    callout?.dispose();
    const allowed = await checksOf('ok', { grant, headers });
    expect(allowed.checks[0]?.status).to.equal('ok');
    expect(
      allowed.log.filter((entry) => entry.method === 'POST').every((entry) => entry.bodyLength === 0),
    ).to.equal(true);
  });

  it('checks a separate refresh endpoint too, and fails an endpoint that does not answer at all', async () => {
    const { checks } = await checksOf('ok', { refreshEndpoint: 'http://127.0.0.1:1/renew' });
    expect(checks.map((c) => c.status)).to.deep.equal(['ok', 'fail']);
    expect(checks[1]?.seen).to.contain('got no answer at all');
    expect(checks[1]?.hint).to.contain('refreshEndpoint');
  });
});
