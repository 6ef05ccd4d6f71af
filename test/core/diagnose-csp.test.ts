import { expect } from '@open-wc/testing';
import { type Callout, createCallout, functionProvider } from '../../src/index.js';

/**
 * The `csp` check under a real Content-Security-Policy. This file's page gets `connect-src 'self'`
 * (a `<meta>` in its head, for the rest of the file), so every cross-origin fetch is refused and
 * reported as a `securitypolicyviolation`.
 */
describe('callout.diagnose() under a Content-Security-Policy', () => {
  let callout: Callout | undefined;
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "connect-src 'self'";
    document.head.append(meta);
  });
  afterEach(() => {
    callout?.dispose();
    callout = undefined;
  });

  function client(url: string): Callout {
    callout = createCallout({
      crossTab: false,
      providers: { p: functionProvider(async () => ({ accessToken: 'x', expiresOn: Date.now() + 60_000 })) },
      credentials: { Api: { url, provider: 'p', scopes: ['api://api/Read'] } },
    });
    return callout;
  }

  it('warns about blocked content that is none of its APIs or identity providers', async () => {
    const c = client(`${location.origin}/__cors/${crypto.randomUUID()}/ok/`);
    await fetch('https://cdn.other.test/library.js').catch(() => {});
    const report = await c.diagnose({ timeout: 3000 });
    const csp = report.checks.find((x) => x.id === 'csp');
    expect(csp?.status).to.equal('warn');
    expect(csp?.seen).to.equal('connect-src blocked https://cdn.other.test/library.js');
    expect(report.checks.find((x) => x.id === 'cors-authorization')?.status).to.equal('ok');
  });

  it('fails when the API is blocked, naming the directive and origin to add', async () => {
    const api = `http://127.0.0.1:${location.port}`;
    const c = client(`${api}/__cors/${crypto.randomUUID()}/ok/`);
    const report = await c.diagnose({ timeout: 3000 });
    const csp = report.checks.find((x) => x.id === 'csp');
    expect(csp?.status).to.equal('fail');
    expect(csp?.hint).to.contain(`Add to the page's Content-Security-Policy: connect-src ${api}.`);
    expect(csp?.hint).not.to.contain('Trusted URLs'); // Not a Salesforce page.
    expect(report.checks.find((x) => x.id === 'cors-authorization')?.status).to.equal('fail');
  });
});
