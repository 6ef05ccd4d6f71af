import { expect } from '@open-wc/testing';
import { afterTest, hostPage, useHostPages } from '../support/naa-host-page.js';

describe('the host bridge under attack', () => {
  useHostPages();
  afterEach(() => {
    for (const node of document.querySelectorAll('[data-attack]')) node.remove();
  });

  it('markup named nestedAppAuthBridge (an iframe, a form) cannot switch a plain page to a bridge, nor stall its start-up', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<iframe data-attack name="nestedAppAuthBridge"></iframe><form data-attack id="nestedAppAuthBridge"></form>',
    );
    expect((window as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge).to.not.equal(undefined);
    const page = await hostPage({ installed: false, provider: { loginHint: 'jane@contoso.com' } });
    await page.callout('callout:Orders/orders').json();
    expect(page.aad.counters.silentAuthorize).to.equal(1);
    const report = await page.callout.diagnose();
    expect(report.checks.find((c) => c.id === 'nested-app-auth')?.status).to.equal('skip');
  });

  it('a bridge a script installs after the provider was created is never asked', async () => {
    const page = await hostPage({ installed: false, provider: { loginHint: 'jane@contoso.com' } });
    afterTest(page.host.install());
    await page.callout('callout:Orders/orders').json();
    expect(page.host.received).to.have.length(0);
    expect(page.aad.counters.silentAuthorize).to.equal(1);
  });

  it("a bridge that never answers MSAL's handshake leaves the page signing in as in a browser", async () => {
    const page = await hostPage({
      bridge: { faults: { silentHandshake: true } },
      provider: { loginHint: 'jane@contoso.com' },
    });
    await page.provider.ready();
    expect(page.host.counters.GetInitContext).to.equal(1);
    const report = await page.callout.diagnose();
    expect(report.checks.find((c) => c.id === 'nested-app-auth')?.status).to.equal('warn');
    await page.provider.getToken({ scopes: ['api://orders/Orders.Read'] });
    expect(page.aad.counters.silentAuthorize).to.equal(1);
    expect(page.host.counters.GetToken).to.equal(0);
  });
});
