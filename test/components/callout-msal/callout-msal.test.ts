import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import '../../../components/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutMsal } from '../../../components/callout-msal/callout-msal.js';
import { createCallout, setDefaultCallout } from '../../../src/index.js';
import { createAadEmulator } from '../../support/aad-emulator.js';
import { createApiEmulator } from '../../support/api-emulator.js';
import { textOf, untilState } from '../support/wait.js';

const worker = setupWorker();
before(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }));
after(() => worker.stop());

/** Captures console.error lines while `run` runs. */
async function capturingConsole(run: (lines: string[]) => Promise<void>): Promise<void> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    await run(lines);
  } finally {
    console.error = original;
  }
}

describe('<callout-msal>', () => {
  it('declares MSAL, a credential and a callout in HTML, and loads data by silent SSO with one token request.', async () => {
    const aad = createAadEmulator();
    const api = createApiEmulator({ issuer: aad });
    worker.resetHandlers(...aad.handlers, ...api.handlers);
    setDefaultCallout(createCallout({ crossTab: false }));
    const clientId = crypto.randomUUID();
    const container = await fixture<HTMLDivElement>(html`<div>
      <callout-msal id="aad" client-id=${clientId} authority=${aad.msalAuth.authority}
        redirect-uri=${`${location.origin}/redirect.html`} login-hint="jane@contoso.com" interaction="none"
        cache="memory" .msal=${{ auth: { clientId, ...aad.msalAuth } }}></callout-msal>
      <callout-credential name="Orders" provider="aad" url="https://api.contoso.test/v1/"
        scopes="api://orders/Orders.Read"></callout-credential>
      <callout-get credential="Orders" path="orders"></callout-get>
      <callout-get credential="Orders" path="orders"></callout-get>
    </div>`);
    const gets = [...container.querySelectorAll<CalloutGet>('callout-get')];
    for (const get of gets) await untilState(get, 'data');
    expect(aad.counters.token).to.equal(1);
    expect(api.counters.requests).to.equal(2);
    const msal = container.querySelector<CalloutMsal>('callout-msal')!;
    expect(msal.authProvider?.account?.username).to.equal('jane@contoso.com');
    expect(msal.getBoundingClientRect().height).to.equal(0);
  });

  it('replaces its provider when an attribute changes and removes it on disconnect.', async () => {
    const callout = createCallout({ crossTab: false });
    const el = await fixture<CalloutMsal>(html`<callout-msal .callout=${callout} id="aad"
      client-id="11111111-2222-3333-4444-555555555555"
      authority="https://login.microsoftonline.com/contoso.onmicrosoft.com"></callout-msal>`);
    const first = callout.providers.get('aad');
    expect(first).to.equal(el.authProvider);
    el.setAttribute('login-hint', 'jane@contoso.com');
    await el.updateComplete;
    expect(callout.providers.get('aad')).to.exist.and.not.equal(first);
    el.id = 'entra';
    await el.updateComplete;
    expect(callout.providers.names()).to.deep.equal(['entra']);
    el.remove();
    expect(callout.providers.names()).to.deep.equal([]);
  });

  for (const [attribute, markup] of [
    [
      'client-id',
      html`<callout-msal id="aad" authority="https://login.microsoftonline.com/contoso.test"></callout-msal>`,
    ],
    [
      'authority',
      html`<callout-msal id="aad" client-id="abc" authority="http://login.contoso.test/tenant"></callout-msal>`,
    ],
    [
      'redirect-uri',
      html`<callout-msal id="aad" client-id="abc" redirect-uri="https://elsewhere.contoso.test/r.html"></callout-msal>`,
    ],
    ['interaction', html`<callout-msal id="aad" client-id="abc" interaction="sometimes"></callout-msal>`],
    ['id', html`<callout-msal client-id="abc"></callout-msal>`],
  ] as const) {
    it(`shows an invalid ${attribute} attribute visibly, names it in a console error and registers nothing.`, async () => {
      const callout = createCallout({ crossTab: false });
      setDefaultCallout(callout);
      await capturingConsole(async (lines) => {
        const el = await fixture<CalloutMsal>(markup);
        await waitUntil(() => el.hasAttribute('invalid'));
        const sentence = `<callout-msal> attribute "${attribute}" is invalid`;
        expect(textOf(el)).to.contain(sentence);
        expect(lines.filter((line) => line.includes(sentence))).to.have.length(1);
        expect(callout.providers.names()).to.deep.equal([]);
        await expect(el).to.be.accessible();
      });
    });
  }
});
