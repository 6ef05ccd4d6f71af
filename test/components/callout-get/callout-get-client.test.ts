import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { HttpResponse, http } from 'msw';
import '../../../components/define-all.js';
import type { CalloutCredential } from '../../../components/callout-credential/callout-credential.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { calloutContext } from '../../../components/shared/callout-context.js';
import { CalloutErrorCode, createCallout, isCalloutError, setDefaultCallout } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient } from '../../support/test-client.js';
import { untilState } from '../support/wait.js';

const api = useMsw();

/** Counts the API's requests from now on. */
function countRequests(): { readonly count: number } {
  const counter = { count: 0 };
  api.use(
    http.get(`${apiBase}orders`, () => {
      counter.count++;
      return HttpResponse.json([{ sku: 'A1' }]);
    }),
  );
  return counter;
}

/** Forgets the page's default client, as on a page where no code has set one yet. */
function noDefaultClient(): void {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('sso-callout')];
}

/** A `<callout-get>` for `Orders/orders`, not yet connected. */
function ordersElement(): CalloutGet {
  const get = document.createElement('callout-get');
  get.setAttribute('credential', 'Orders');
  get.setAttribute('path', 'orders');
  return get;
}

describe('<callout-get> finding its client', () => {
  it('asks for the context once per connection: one context-request per <callout-get>.', async () => {
    const { callout } = createTestClient();
    countRequests();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(host as unknown as HTMLElement & ReactiveControllerHost, {
      context: calloutContext,
      initialValue: callout,
    });
    const requests: EventTarget[] = [];
    host.addEventListener('context-request', (event) => requests.push(event.target!));
    const get = ordersElement();
    host.append(get);
    await untilState(get, 'data');
    expect(requests).to.deep.equal([get]);
    get.remove();
    host.append(get);
    expect(requests).to.have.length(2);
  });

  it('mounted before any client exists, loads its data with one request once the app sets the default client.', async () => {
    noDefaultClient();
    const requests = countRequests();
    const get = await fixture<CalloutGet>(
      html`<callout-get credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(get, 'error');
    expect(isCalloutError(get.error) && get.error.code).to.equal(CalloutErrorCode.unknownCredential);
    expect(requests.count).to.equal(0);

    const { callout, tokenRequests } = createTestClient();
    setDefaultCallout(callout);
    await untilState(get, 'data');
    expect(requests.count).to.equal(1);
    expect(tokenRequests).to.have.length(1);
  });

  it('moves a declared credential to a new default client, and the callout follows it there.', async () => {
    noDefaultClient();
    const requests = countRequests();
    const page = await fixture<HTMLDivElement>(html`<div>
      <callout-credential name="Orders" provider="aad" url=${apiBase} scopes="api://orders/Orders.Read"></callout-credential>
      <callout-get credential="Orders" path="orders"></callout-get>
    </div>`);
    const get = page.querySelector<CalloutGet>('callout-get')!;
    await untilState(get, 'error');
    expect(isCalloutError(get.error) && get.error.code, 'no provider yet').to.equal(
      CalloutErrorCode.invalidCredential,
    );

    const { callout: withCredential, tokenRequests } = createTestClient();
    const app = createCallout({ crossTab: false, providers: { aad: withCredential.providers.get('aad')! } });
    setDefaultCallout(app);
    await untilState(get, 'data');
    expect(app.credentials.get('Orders')?.url).to.equal(apiBase);
    expect(page.querySelector<CalloutCredential>('callout-credential')!.credential?.name).to.equal('Orders');
    expect(requests.count).to.equal(1);
    expect(tokenRequests).to.have.length(1);
  });

  it('keeps the client set on its callout property when the default client changes: nothing runs again.', async () => {
    const requests = countRequests();
    const { callout } = createTestClient();
    const get = ordersElement();
    get.callout = callout;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(get);
    await untilState(get, 'data');
    setDefaultCallout(createTestClient().callout);
    await get.updateComplete;
    expect(get.loading).to.equal(false);
    expect(requests.count).to.equal(1);
  });
});
