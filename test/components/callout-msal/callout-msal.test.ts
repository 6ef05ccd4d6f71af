import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/define-all.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutLogin } from '../../../components/callout-login/callout-login.js';
import type { CalloutMsal } from '../../../components/callout-msal/callout-msal.js';
import {
  type Callout,
  CalloutErrorCode,
  createCallout,
  isCalloutError,
  setDefaultCallout,
} from '../../../src/index.js';
import type { MsalAuthProvider } from '../../../src/msal.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { expectRejection } from '../../support/expect-failure.js';
import { emulatedPage, msalMarkup, ordersCredentialMarkup } from '../../support/msal-page.js';
import { useMsw } from '../../support/msw-worker.js';
import { textOf, untilState } from '../support/wait.js';

const msw = useMsw();

/** Records the authority host of every provider `callout` registers, in order. */
function recordDefines(callout: Callout): string[] {
  const hosts: string[] = [];
  const define = callout.providers.define.bind(callout.providers);
  callout.providers.define = (name, provider, options) => {
    hosts.push((provider as MsalAuthProvider).tokenEndpoints[0] ?? '');
    define(name, provider, options);
  };
  return hosts;
}

/** A `<callout-msal>` for `callout`, not yet connected. */
function msalElement(callout: Callout, authority: string): CalloutMsal {
  const el = document.createElement('callout-msal');
  el.callout = callout;
  el.id = 'aad';
  el.setAttribute('client-id', '11111111-2222-3333-4444-555555555555');
  el.setAttribute('authority', authority);
  return el;
}

/**
 * A `<callout-msal id="aad">` for `https://login.one.test/contoso`, connected on a new client
 * while MSAL still loads, and the hosts of the providers that client was given.
 */
async function connectedWhileLoading() {
  const callout = createCallout({ crossTab: false });
  const defined = recordDefines(callout);
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = msalElement(callout, 'https://login.one.test/contoso');
  container.append(el);
  return { callout, defined, container, el };
}

describe('<callout-msal>', () => {
  // The first test of the file would otherwise also pay for the test server's first transform
  // of MSAL, which on a loaded machine can take longer than a test's own wait allows.
  before(async () => {
    await import('../../../src/msal.js');
  });

  it('declares MSAL, a credential and a callout in HTML, and loads data by silent SSO with one token request.', async () => {
    const emulated = emulatedPage(msw);
    const { aad, api, page } = emulated;
    const container = await fixture<HTMLDivElement>(html`<div>
      ${msalMarkup(emulated, { attributes: true })}
      ${ordersCredentialMarkup}
      <callout-get credential="Orders" path="orders"></callout-get>
      <callout-get credential="Orders" path="orders"></callout-get>
    </div>`);
    const gets = [...container.querySelectorAll<CalloutGet>('callout-get')];
    for (const get of gets) await untilState(get, 'data');
    expect(aad.counters.token).to.equal(1);
    expect(api.counters.requests).to.equal(2);
    const msal = container.querySelector<CalloutMsal>('callout-msal')!;
    expect(msal.registeredAs).to.equal('aad');
    expect(page.providers.get('aad')?.account?.username).to.equal('jane@contoso.com');
    expect(msal.getBoundingClientRect().height).to.equal(0);
  });

  it('registers its provider under the name attribute when one is set, which LWC templates cannot rewrite like an id.', async () => {
    const callout = createCallout({ crossTab: false });
    const el = await fixture<CalloutMsal>(html`<callout-msal .callout=${callout} id="aad-12" name="aad"
      client-id="11111111-2222-3333-4444-555555555555"
      authority="https://login.microsoftonline.com/contoso.onmicrosoft.com"></callout-msal>`);
    expect(callout.providers.names()).to.deep.equal(['aad']);
    el.setAttribute('name', '9bad');
    await el.updateComplete;
    expect(callout.providers.names()).to.deep.equal([]);
    expect(el.configurationError).to.contain('name');
    el.remove();
  });

  it('replaces its provider when an attribute changes and removes it on disconnect.', async () => {
    const callout = createCallout({ crossTab: false });
    const el = await fixture<CalloutMsal>(html`<callout-msal .callout=${callout} id="aad"
      client-id="11111111-2222-3333-4444-555555555555"
      authority="https://login.microsoftonline.com/contoso.onmicrosoft.com"></callout-msal>`);
    const first = callout.providers.get('aad');
    expect(first).to.exist;
    expect(el.registeredAs).to.equal('aad');
    el.setAttribute('login-hint', 'jane@contoso.com');
    await el.updateComplete;
    expect(callout.providers.get('aad')).to.exist.and.not.equal(first);
    el.id = 'entra';
    await el.updateComplete;
    expect(callout.providers.names()).to.deep.equal(['entra']);
    el.remove();
    expect(callout.providers.names()).to.deep.equal([]);
  });

  it('registers a stand-in provider at once, and a load overtaken by an attribute change completes only the new one.', async () => {
    const { callout, defined, el } = await connectedWhileLoading();
    expect(callout.providers.names(), 'registered while MSAL still loads').to.deep.equal(['aad']);
    expect(el.registeredAs).to.equal('aad');
    const overtaken = callout.providers.get('aad')!;
    el.setAttribute('authority', 'https://login.two.test/contoso');
    await el.updateComplete;
    expect(defined).to.deep.equal(['https://login.one.test/', 'https://login.two.test/']);
    const current = callout.providers.get('aad') as MsalAuthProvider;
    expect(current).to.not.equal(overtaken);
    expect(current.tokenEndpoints).to.deep.equal(['https://login.two.test/']);
    const refusal = await expectRejection(overtaken.getToken({ scopes: ['openid'] }));
    expect(isCalloutError(refusal) && refusal.message).to.contain('removed before it was ready');
  });

  it('removes its stand-in when it disconnects before MSAL has loaded, and registers once more when it reconnects.', async () => {
    const { callout, defined, container, el } = await connectedWhileLoading();
    const first = callout.providers.get('aad')!;
    el.remove();
    expect(callout.providers.names()).to.deep.equal([]);
    expect(el.registeredAs).to.equal(undefined);
    await import('../../../src/msal.js');
    await new Promise((resolve) => setTimeout(resolve));
    const refusal = await expectRejection(first.getToken({ scopes: ['openid'] }));
    expect(isCalloutError(refusal) && refusal.code).to.equal(CalloutErrorCode.configurationError);
    container.append(el);
    await el.updateComplete;
    expect(defined).to.deep.equal(['https://login.one.test/', 'https://login.one.test/']);
    expect(callout.providers.get('aad')).to.exist.and.not.equal(first);
    expect(el.registeredAs).to.equal('aad');
  });

  it('checks an attribute change synchronously: an invalid value removes the provider at once and shows the error.', async () => {
    const callout = createCallout({ crossTab: false });
    const el = await fixture<CalloutMsal>(html`<callout-msal .callout=${callout} id="aad"
      client-id="11111111-2222-3333-4444-555555555555"
      authority="https://login.microsoftonline.com/contoso.onmicrosoft.com"></callout-msal>`);
    expect(callout.providers.names()).to.deep.equal(['aad']);
    await capturingConsole(async (lines) => {
      el.setAttribute('authority', 'http://login.contoso.test/tenant');
      expect(el.configurationError).to.contain('attribute "authority" is invalid');
      expect(callout.providers.names()).to.deep.equal([]);
      await el.updateComplete;
      expect(textOf(el)).to.contain('attribute "authority" is invalid');
      expect(lines).to.have.length(1);
    });
    el.setAttribute('authority', 'https://login.microsoftonline.com/contoso.onmicrosoft.com');
    await el.updateComplete;
    expect(el.hasAttribute('invalid')).to.equal(false);
    expect(el.registeredAs).to.equal('aad');
    expect(callout.providers.get('aad')).to.exist;
  });

  it('a callout declared before its credential and its <callout-msal> loads by itself once the provider is registered.', async () => {
    const emulated = emulatedPage(msw);
    const { aad, api } = emulated;
    const container = await fixture<HTMLDivElement>(html`<div>
      <callout-get credential="Orders" path="orders"></callout-get>
      ${ordersCredentialMarkup}
      ${msalMarkup(emulated)}
    </div>`);
    const get = container.querySelector<CalloutGet>('callout-get')!;
    await untilState(get, 'data');
    expect(api.counters.requests).to.equal(1);
    expect(aad.counters.token).to.equal(1);
  });

  it('with scopes, signing in through <callout-login> consents to the API, so the callout after it needs no token request.', async () => {
    const emulated = emulatedPage(msw, { session: null });
    const { aad, api } = emulated;
    const container = await fixture<HTMLDivElement>(html`<div>
      ${msalMarkup(emulated, { interaction: 'popup', scopes: 'api://orders/Orders.Read' })}
      ${ordersCredentialMarkup}
      <callout-login></callout-login>
    </div>`);
    await container.querySelector<CalloutMsal>('callout-msal')!.updateComplete;
    const login = container.querySelector<CalloutLogin>('callout-login')!;
    const button = login.renderRoot.querySelector<HTMLButtonElement>('[part~="sign-in-button"]')!;
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + 5), Math.round(box.y + 5)] });
    await waitUntil(() => login.state === 'signed-in', 'the popup sign-in never finished');
    expect(aad.counters.signInPage).to.equal(1);
    aad.resetCounters();
    const get = document.createElement('callout-get');
    get.credential = 'Orders';
    get.path = 'orders';
    container.append(get);
    await untilState(get, 'data');
    expect(api.counters.requests).to.equal(1);
    expect(aad.counters.token, 'the sign-in already brought the API token').to.equal(0);
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
    ['platform-broker', html`<callout-msal id="aad" client-id="abc" platform-broker="false"></callout-msal>`],
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
