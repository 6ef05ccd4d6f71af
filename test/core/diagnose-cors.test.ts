import { expect } from '@open-wc/testing';
import { type Callout, createCallout, type Diagnosis, functionProvider } from '../../src/index.js';

/**
 * The CORS checks against a real cross-origin server (test/support/cors-server.js): the page is on
 * localhost, the API on 127.0.0.1, so the browser preflights and filters headers for real.
 */
describe('callout.diagnose() against a real CORS answer', () => {
  let callout: Callout | undefined;
  afterEach(() => {
    callout?.dispose();
    callout = undefined;
  });

  /** Diagnoses a client whose `Api` credential points at the CORS server in `mode`; returns the report and the server's log. */
  async function diagnoseMode(mode: string, headers?: Record<string, string>) {
    const id = crypto.randomUUID();
    const url = `http://127.0.0.1:${location.port}/__cors/${id}/${mode}/`;
    callout = createCallout({
      crossTab: false,
      providers: {
        p: functionProvider(async () => ({ accessToken: 'never-sent', expiresOn: Date.now() + 60_000 })),
      },
      credentials: {
        Api: { url, provider: 'p', scopes: ['api://api/Read'], ...(headers ? { headers } : {}) },
      },
    });
    const report = await callout.diagnose({ timeout: 3000 });
    const log = (await (await fetch(`/__cors-log/${id}`)).json()) as {
      method: string;
      authorization: string | null;
    }[];
    return { report, log };
  }

  const status = (report: Diagnosis, id: string) =>
    report.checks.find((c) => c.id === id && c.credential === 'Api');

  it('passes both checks when the API allows Authorization and exposes WWW-Authenticate', async () => {
    const { report, log } = await diagnoseMode('ok');
    expect(status(report, 'cors-authorization')?.status).to.equal('ok');
    expect(status(report, 'cors-www-authenticate')?.status).to.equal('ok');
    expect(status(report, 'cors-www-authenticate')?.seen).to.contain('invalid_token');
    // The preflight, then one GET carrying the placeholder: never a write, never a token.
    expect(log.map((r) => r.method)).to.deep.equal(['OPTIONS', 'GET']);
    expect(log[1]?.authorization).to.match(/^Bearer sso-callout-setup-check\.not-a-token$/);
  });

  it('fails the WWW-Authenticate check when the API does not expose the header', async () => {
    const { report } = await diagnoseMode('hide');
    expect(status(report, 'cors-authorization')?.status).to.equal('ok');
    const readable = status(report, 'cors-www-authenticate');
    expect(readable?.status).to.equal('fail');
    expect(readable?.hint).to.contain('Access-Control-Expose-Headers').and.contain('127.0.0.1');
  });

  it('tells a preflight that refuses Authorization from an origin that is not allowed', async () => {
    const refused = await diagnoseMode('no-authorization', { 'X-Api-Key': 'k' });
    const authorization = status(refused.report, 'cors-authorization');
    expect(authorization?.status).to.equal('fail');
    expect(authorization?.seen).to.contain('preflight refused it');
    expect(authorization?.hint).to.contain('Access-Control-Allow-Headers listing Authorization, X-Api-Key');
    expect(refused.log.map((r) => r.method)).to.deep.equal(['OPTIONS', 'GET']);

    const foreign = await diagnoseMode('no-origin');
    const origin = status(foreign.report, 'cors-authorization');
    expect(origin?.status).to.equal('fail');
    expect(origin?.seen).to.contain(`does not allow ${location.origin}`);
    expect(foreign.log.every((r) => r.method === 'OPTIONS' || r.method === 'GET')).to.equal(true);
  });

  it('fails an API that cannot be reached at all', async () => {
    callout = createCallout({
      crossTab: false,
      providers: { p: functionProvider(async () => ({ accessToken: 'x', expiresOn: Date.now() + 60_000 })) },
      credentials: { Api: { url: 'http://127.0.0.1:9/api/', provider: 'p', scopes: ['api://api/Read'] } },
    });
    const report = await callout.diagnose({ timeout: 3000 });
    expect(status(report, 'cors-authorization')?.seen).to.contain('got no answer at all');
  });

  it("reads a cross-origin API's clock when it exposes Date", async () => {
    const right = await diagnoseMode('ok');
    expect(right.report.checks.find((c) => c.id === 'clock-skew')?.status).to.equal('ok');
    callout?.dispose();
    const wrong = await diagnoseMode('skewed');
    const clock = wrong.report.checks.find((c) => c.id === 'clock-skew');
    expect(clock?.status).to.equal('fail');
    expect(clock?.hint).to.contain("device's clock");
  });

  it('skips the challenge check of a base URL that redirects', async () => {
    const { report } = await diagnoseMode('redirect');
    expect(status(report, 'cors-authorization')?.status).to.equal('ok');
    expect(status(report, 'cors-www-authenticate')?.status).to.equal('skip');
  });
});
