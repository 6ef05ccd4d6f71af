import { expect, fixture, html } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import '../../../components/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutOidc } from '../../../components/callout-oidc/callout-oidc.js';
import { createCallout, setDefaultCallout } from '../../../src/index.js';
import type { OidcAuthProvider } from '../../../src/oidc.js';
import { createApiEmulator } from '../../support/api-emulator.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { createOidcEmulator } from '../../support/oidc-emulator.js';
import { callbackPage } from '../../support/oidc-setup.js';
import { untilState } from '../support/wait.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
after(() => worker.stop());

describe('<callout-oidc>', () => {
  it('declares an OpenID Connect provider, a credential and callouts in HTML, and loads data by silent SSO with one token request.', async () => {
    const idp = createOidcEmulator();
    const api = createApiEmulator({ issuer: idp });
    worker.resetHandlers(...idp.handlers, ...api.handlers);
    const page = createCallout({ crossTab: false });
    setDefaultCallout(page);
    const container = await fixture<HTMLDivElement>(html`<div>
      <callout-oidc id="okta" authority=${idp.authority} client-id="orders-spa" redirect-uri=${callbackPage}
        login-hint="jane@contoso.com" interaction="none"
        scopes="profile offline_access api://orders/Orders.Read"></callout-oidc>
      <callout-credential name="Orders" provider="okta" url="https://api.contoso.test/v1/"
        scopes="api://orders/Orders.Read"></callout-credential>
      <callout-get credential="Orders" path="orders"></callout-get>
      <callout-get credential="Orders" path="orders"></callout-get>
    </div>`);
    for (const get of container.querySelectorAll<CalloutGet>('callout-get')) await untilState(get, 'data');
    expect(idp.counters).to.include({ silentAuthorize: 1, token: 1 });
    expect(api.counters.requests).to.equal(2);
    const element = container.querySelector<CalloutOidc>('callout-oidc')!;
    expect(element.registeredAs).to.equal('okta');
    expect(page.providers.get('okta')?.account?.username).to.equal('jane@contoso.com');
    expect(element.getBoundingClientRect().height).to.equal(0);
    page.dispose();
  });

  it('registers a stand-in at once that already keeps tokens away from the identity provider, then the real provider.', async () => {
    const callout = createCallout({ crossTab: false });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('callout-oidc');
    el.callout = callout;
    el.id = 'okta';
    el.setAttribute('client-id', 'orders-spa');
    el.setAttribute('authority', 'https://idp.one.test/realms/staff');
    container.append(el);
    expect(callout.providers.names(), 'registered while oidc-client-ts still loads').to.deep.equal(['okta']);
    expect(callout.providers.get('okta')?.tokenEndpoints).to.deep.equal(['https://idp.one.test/']);
    await el.updateComplete;
    const real = callout.providers.get('okta') as OidcAuthProvider;
    expect(real.tokenEndpoints).to.deep.equal(['https://idp.one.test/']);
    el.setAttribute('authority', 'https://idp.two.test/realms/staff');
    await el.updateComplete;
    expect(callout.providers.get('okta')?.tokenEndpoints).to.deep.equal(['https://idp.two.test/']);
    el.remove();
    expect(callout.providers.names()).to.deep.equal([]);
    callout.dispose();
  });

  it('shows and logs an invalid attribute by name, synchronously, and registers nothing.', async () => {
    const callout = createCallout({ crossTab: false });
    const logged = await capturingConsole(async (lines) => {
      const el = await fixture<CalloutOidc>(html`<callout-oidc .callout=${callout} id="okta"
        client-id="orders-spa" authority="http://idp.contoso.test/realms/staff"></callout-oidc>`);
      expect(el.configurationError).to.contain('"authority"').and.contain('https');
      await el.updateComplete;
      expect(el.hasAttribute('invalid')).to.equal(true);
      expect(callout.providers.names()).to.deep.equal([]);
      el.setAttribute('authority', 'https://idp.contoso.test/realms/staff');
      el.setAttribute('interaction', 'sometimes');
      expect(el.configurationError).to.contain('"interaction"');
      el.remove();
      return lines;
    });
    expect(logged.some((line) => line.includes('"authority"'))).to.equal(true);
    callout.dispose();
  });
});
