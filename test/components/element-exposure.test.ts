import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { HttpResponse, http } from 'msw';
import '../../components/define.js';
import type { CalloutGet } from '../../components/callout-get/callout-get.js';
import type { CalloutLog } from '../../components/callout-log/callout-log.js';
import type { CalloutMsal } from '../../components/callout-msal/callout-msal.js';
import type { CalloutOidc } from '../../components/callout-oidc/callout-oidc.js';
import { calloutContext } from '../../components/shared/callout-context.js';
import { type Callout, setDefaultCallout } from '../../src/index.js';
import { apiBase, createTestClient } from './support/client.js';
import { useApi } from './support/msw.js';
import { type Forbidden, findReachable } from './support/reachable.js';
import { untilState } from './support/wait.js';

const api = useApi();

/** Anything that holds a token or can get one: a client, its registries, a provider, a token. */
function tokenBearers(client: Callout, issued: readonly string[]): Forbidden {
  return (value) => {
    if (value === client) return 'the client';
    if (value === client.providers) return "the client's providers";
    if (value === client.credentials) return "the client's credentials (define/delete re-point tokens)";
    if (value === client.events) return "the client's event bus";
    if (typeof value === 'string') return issued.some((t) => value.includes(t)) ? 'a token' : undefined;
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
    try {
      const candidate = value as { getToken?: unknown; token?: unknown };
      if (typeof candidate.getToken === 'function') return 'a provider (getToken)';
      if (typeof value === 'function' && typeof candidate.token === 'function') return 'a client';
    } catch {
      return undefined;
    }
    return undefined;
  };
}

/** A page where every element has been used: a token acquired, data shown, the log filled. */
async function usedPage(client: Callout, bind: 'property' | 'default') {
  api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1' }])));
  if (bind === 'default') setDefaultCallout(client);
  const page = await fixture<HTMLDivElement>(html`<div>
    <callout-log></callout-log>
    <callout-credential name="Billing" provider="aad" url="https://billing.contoso.test/" scopes="s"></callout-credential>
    <callout-login></callout-login>
    <callout-get credential="Orders" path="orders"><template slot="data"><b>{{ 0.sku }}</b></template></callout-get>
  </div>`);
  const elements = [...page.children] as HTMLElement[];
  if (bind === 'property') {
    for (const el of elements) (el as HTMLElement & { callout?: Callout }).callout = client;
  }
  const get = page.querySelector<CalloutGet>('callout-get')!;
  await untilState(get, 'data');
  await get.refresh();
  await (page.querySelector('callout-log') as CalloutLog).updateComplete;
  return elements;
}

describe('what another script can reach from a callout-* element', () => {
  for (const bind of ['property', 'default'] as const) {
    it(`finds no token, client, provider or registry from any element (client from ${bind === 'property' ? 'the callout property' : 'the page default'}).`, async () => {
      const { callout, issued } = createTestClient();
      const elements = await usedPage(callout, bind);
      expect(issued.length).to.be.greaterThan(0);
      expect((elements[0] as CalloutLog).currentTokens).to.have.length(1);
      for (const el of elements) {
        expect(findReachable(el, tokenBearers(callout, issued)), el.localName).to.deep.equal([]);
        expect((el as HTMLElement & { callout?: unknown }).callout, `${el.localName}.callout`).to.equal(
          undefined,
        );
      }
    });
  }

  it('finds nothing from an element that got its client from a context provider.', async () => {
    const { callout, issued } = createTestClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1' }])));
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(host as unknown as HTMLElement & ReactiveControllerHost, {
      context: calloutContext,
      initialValue: callout,
    });
    const get = document.createElement('callout-get');
    get.setAttribute('credential', 'Orders');
    get.setAttribute('path', 'orders');
    host.append(get);
    await untilState(get, 'data');
    expect(findReachable(get, tokenBearers(callout, issued))).to.deep.equal([]);
  });

  it('finds no provider from a <callout-msal> that registered one, nor in its change event.', async () => {
    const { callout, issued } = createTestClient();
    const details: unknown[] = [];
    const el = document.createElement('callout-msal') as CalloutMsal;
    el.callout = callout;
    el.id = 'entra';
    el.setAttribute('client-id', '11111111-2222-3333-4444-555555555555');
    el.setAttribute('authority', 'https://login.microsoftonline.com/contoso.onmicrosoft.com');
    el.addEventListener('callout-provider-change', (e) => details.push((e as CustomEvent).detail));
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(el);
    await el.updateComplete;
    expect(callout.providers.get('entra')).to.exist;
    expect(findReachable(el, tokenBearers(callout, issued))).to.deep.equal([]);
    expect(findReachable(details, tokenBearers(callout, issued))).to.deep.equal([]);
    expect(details).to.have.length.greaterThan(0);
  });

  it('finds no provider from a <callout-oidc> that registered one, nor in its change event.', async () => {
    const { callout, issued } = createTestClient();
    const details: unknown[] = [];
    const el = document.createElement('callout-oidc') as CalloutOidc;
    el.callout = callout;
    el.id = 'okta';
    el.setAttribute('client-id', 'orders-spa');
    el.setAttribute('authority', 'https://idp.contoso.test/realms/staff');
    el.addEventListener('callout-provider-change', (e) => details.push((e as CustomEvent).detail));
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(el);
    await el.updateComplete;
    expect(callout.providers.get('okta')).to.exist;
    expect(findReachable(el, tokenBearers(callout, issued))).to.deep.equal([]);
    expect(findReachable(details, tokenBearers(callout, issued))).to.deep.equal([]);
    expect(details).to.have.length.greaterThan(0);
  });
});
