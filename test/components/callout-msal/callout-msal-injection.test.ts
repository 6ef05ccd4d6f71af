import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/define-all.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutMsal } from '../../../components/callout-msal/callout-msal.js';
import { createAadEmulator } from '../../support/aad-emulator.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { emulatedPage, msalMarkup, ordersCredentialMarkup } from '../../support/msal-page.js';
import { useMsw } from '../../support/msw-worker.js';
import { untilState } from '../support/wait.js';

const msw = useMsw();

/** Waits until `el` has either registered its provider or reported why it could not. */
async function settled(el: CalloutMsal): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!el.registeredAs && !el.configurationError && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('markup injected next to <callout-msal>', () => {
  it('cannot replace the page’s provider with a second <callout-msal> of the same id: sign-in and tokens stay with the page’s identity provider.', async () => {
    const emulated = emulatedPage(msw);
    const { aad, api, page } = emulated;
    const evil = createAadEmulator({
      host: 'login.evil.test',
      tenantId: 'e0e0e0e0-0000-4000-8000-0000000e0e0e',
    });
    msw.use(...evil.handlers);
    const container = await fixture<HTMLDivElement>(html`<div>
      ${msalMarkup(emulated, { attributes: true })}
      ${ordersCredentialMarkup}
    </div>`);
    const genuine = container.querySelector<CalloutMsal>('callout-msal')!;
    await settled(genuine);
    await genuine.updateComplete; // MSAL has loaded: the callout below does not wait for it.
    const provider = page.providers.get('aad');
    expect(provider, 'the page’s provider is registered').to.exist;

    // The injection: scriptless markup (a rich-text region) declaring the same id for another tenant.
    await capturingConsole(async (errors) => {
      const region = document.createElement('div');
      region.innerHTML = `<callout-msal id="aad" client-id="${crypto.randomUUID()}"
        authority="${evil.msalAuth.authority}" login-hint="jane@contoso.com" interaction="popup"
        cache="memory"></callout-msal>`;
      container.append(region);
      const injected = region.querySelector<CalloutMsal>('callout-msal')!;
      await settled(injected);
      expect(page.providers.get('aad'), 'the provider was not replaced').to.equal(provider);
      expect(injected.registeredAs).to.equal(undefined);
      expect(injected.configurationError).to.contain('already registered');
      expect(errors.some((line) => line.includes('already registered'))).to.equal(true);

      const get = document.createElement('callout-get') as CalloutGet;
      get.setAttribute('credential', 'Orders');
      get.setAttribute('path', 'orders');
      container.append(get);
      await untilState(get, 'data');
      expect(aad.counters.token).to.equal(1);
      expect(evil.counters.authorize + evil.counters.token, 'nothing reached the injected tenant').to.equal(
        0,
      );
      expect(api.counters.requests).to.equal(1);

      // The page's own element still owns the name: removing it frees it, as its owner.
      genuine.remove();
      expect(page.providers.get('aad')).to.equal(undefined);
    });
  });
});
