import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-credential/define.js';
import '../../../components/callout-get/define.js';
import type { CalloutCredential } from '../../../components/callout-credential/callout-credential.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { setDefaultCallout } from '../../../src/index.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { useMsw } from '../../support/msw-worker.js';
import { createTestClient } from '../../support/test-client.js';
import { textOf, untilState } from '../support/wait.js';

const api = useMsw();

describe('<callout-credential>', () => {
  it('defines the credential in the default client, and a <callout-get> calls through it with its scopes.', async () => {
    const { callout, tokenRequests } = createTestClient();
    setDefaultCallout(callout);
    let authorization: string | null = null;
    api.use(
      http.get('https://billing.contoso.test/api/invoices', ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json([{ id: 'inv-1' }]);
      }),
    );
    const container = await fixture<HTMLDivElement>(html`<div>
      <callout-credential name="Billing" provider="aad" url="https://billing.contoso.test/api/"
        scopes="api://billing/Invoices.Read, api://billing/Invoices.Write" refresh-on="401 403"></callout-credential>
      <callout-get credential="Billing" path="invoices"></callout-get>
    </div>`);
    const element = container.querySelector('callout-credential')!;
    const get = container.querySelector('callout-get')!;
    await untilState(get, 'data');
    expect(callout.credentials.get('Billing')?.refreshOn).to.deep.equal([401, 403]);
    expect(element.credential?.url).to.equal('https://billing.contoso.test/api/');
    expect(tokenRequests[0]?.scopes).to.deep.equal([
      'api://billing/Invoices.Read',
      'api://billing/Invoices.Write',
    ]);
    expect(authorization).to.equal('Bearer token-1');
    expect(element.getBoundingClientRect().height).to.equal(0);
  });

  it('redefines the credential when an attribute changes, and the element using it calls the new URL.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const hosts: string[] = [];
    api.use(
      http.get('https://:host/api/status', ({ request }) => {
        hosts.push(new URL(request.url).host);
        return HttpResponse.json({ host: new URL(request.url).host });
      }),
    );
    const container = await fixture<HTMLDivElement>(html`<div>
      <callout-credential name="Status" provider="aad" url="https://one.contoso.test/api/" scopes="s1"></callout-credential>
      <callout-get credential="Status" path="status"></callout-get>
    </div>`);
    const element = container.querySelector('callout-credential')!;
    const get = container.querySelector('callout-get') as CalloutGet;
    await untilState(get, 'data');
    element.setAttribute('url', 'https://two.contoso.test/api/');
    await waitUntil(() => hosts.length === 2 && !get.loading);
    await untilState(get, 'data');
    expect(textOf(get)).to.contain('two.contoso.test');
    expect(callout.credentials.get('Status')?.url).to.equal('https://two.contoso.test/api/');
    expect(hosts).to.deep.equal(['one.contoso.test', 'two.contoso.test']);
  });

  it('removes its credential when it disconnects, and renames cleanly.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const element = await fixture<CalloutCredential>(
      html`<callout-credential name="Temp" provider="aad" url="https://temp.contoso.test/" scopes="s"></callout-credential>`,
    );
    expect(callout.credentials.get('Temp')).to.exist;
    element.name = 'Renamed';
    await element.updateComplete;
    expect(callout.credentials.get('Temp')).to.equal(undefined);
    expect(callout.credentials.get('Renamed')).to.exist;
    element.remove();
    expect(callout.credentials.get('Renamed')).to.equal(undefined);
    expect(callout.credentials.get('Orders'), 'other credentials stay').to.exist;
  });

  for (const [attribute, markup] of [
    [
      'name',
      html`<callout-credential provider="aad" url="https://x.contoso.test/" scopes="s"></callout-credential>`,
    ],
    [
      'url',
      html`<callout-credential name="Bad" provider="aad" url="not a url" scopes="s"></callout-credential>`,
    ],
    [
      'url',
      html`<callout-credential name="Bad" provider="aad" url="http://insecure.contoso.test/" scopes="s"></callout-credential>`,
    ],
    [
      'provider',
      html`<callout-credential name="Bad" url="https://x.contoso.test/" scopes="s"></callout-credential>`,
    ],
    [
      'scopes',
      html`<callout-credential name="Bad" provider="aad" url="https://x.contoso.test/"></callout-credential>`,
    ],
    [
      'refresh-on',
      html`<callout-credential name="Bad" provider="aad" url="https://x.contoso.test/" scopes="s" refresh-on="401 soon"></callout-credential>`,
    ],
  ] as const) {
    it(`shows a missing or invalid ${attribute} attribute visibly and names it in a console error.`, async () => {
      const { callout } = createTestClient();
      setDefaultCallout(callout);
      await capturingConsole(async (lines) => {
        const element = await fixture<CalloutCredential>(markup);
        await element.updateComplete;
        const sentence = `<callout-credential> attribute "${attribute}" is invalid`;
        expect(textOf(element)).to.contain(sentence);
        expect(element.renderRoot.querySelector('[role="alert"]')).to.exist;
        expect(element.getBoundingClientRect().height).to.be.greaterThan(0);
        expect(lines.filter((line) => line.includes(sentence))).to.have.length(1);
        expect(callout.credentials.get('Bad')).to.equal(undefined);
        await expect(element).to.be.accessible();
      });
    });
  }

  it('recovers when the invalid attribute is fixed.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    await capturingConsole(async () => {
      const element = await fixture<CalloutCredential>(
        html`<callout-credential name="Later" provider="aad" url="https://later.contoso.test/"></callout-credential>`,
      );
      expect(element.configurationError).to.contain('"scopes"');
      element.setAttribute('scopes', 'api://later/.default');
      await element.updateComplete;
      expect(element.configurationError).to.equal(undefined);
      expect(element.hasAttribute('invalid')).to.equal(false);
      expect(callout.credentials.get('Later')?.scopes).to.deep.equal(['api://later/.default']);
    });
  });
});
