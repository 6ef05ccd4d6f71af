import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-get/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { setDefaultCallout } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient, gate } from '../../support/test-client.js';
import { untilState } from '../support/wait.js';

const api = useMsw();

/** Ten separately embedded elements, each in its own container, like ten components on a page. */
async function tenElements(): Promise<CalloutGet[]> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const elements: CalloutGet[] = [];
  for (let i = 0; i < 10; i++) {
    const wrapper = document.createElement('section');
    const el = document.createElement('callout-get');
    el.setAttribute('credential', 'Orders');
    el.setAttribute('path', `orders/${i}`);
    wrapper.append(el);
    host.append(wrapper);
    elements.push(el);
  }
  return elements;
}

describe('<callout-get> sharing one client', () => {
  it('ten elements on one page cost one token acquisition.', async () => {
    const { callout, tokenRequests } = createTestClient();
    setDefaultCallout(callout);
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders/:id`, ({ params }) => {
        requests++;
        return HttpResponse.json({ id: params.id });
      }),
    );
    const elements = await tenElements();
    for (const el of elements) await untilState(el, 'data');
    expect(requests).to.equal(10);
    expect(tokenRequests).to.have.length(1);
  });

  it('a 401 for all ten elements costs one refresh, and every element then shows its data.', async () => {
    const { callout, tokenRequests, issued } = createTestClient();
    setDefaultCallout(callout);
    let requests = 0;
    let rejected = 0;
    api.use(
      http.get(`${apiBase}orders/:id`, ({ request, params }) => {
        requests++;
        if (request.headers.get('authorization') === 'Bearer token-1') {
          rejected++;
          return new HttpResponse(null, {
            status: 401,
            headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
          });
        }
        return HttpResponse.json({ id: params.id });
      }),
    );
    const elements = await tenElements();
    for (const el of elements) await untilState(el, 'data');
    expect(issued).to.deep.equal(['token-1', 'token-2']);
    expect(tokenRequests).to.have.length(2);
    expect(rejected).to.equal(10);
    expect(requests).to.equal(20);
  });

  it('changing the path mid-flight aborts the stale request, and its answer is never rendered.', async () => {
    const { callout } = createTestClient();
    const slow = gate();
    const seen: string[] = [];
    api.use(
      http.get(`${apiBase}orders/1`, async () => {
        seen.push('orders/1');
        await slow.promise;
        return HttpResponse.json({ id: 'stale-one' });
      }),
      http.get(`${apiBase}orders/2`, () => {
        seen.push('orders/2');
        return HttpResponse.json({ id: 'fresh-two' });
      }),
    );
    const outcomes: string[] = [];
    callout.events.addEventListener('abort', (event) => outcomes.push(event.detail.error.url ?? ''));
    callout.events.addEventListener('error', (event) => outcomes.push(event.detail.error.code));
    const responses: string[] = [];
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders/1"
        @callout-response=${(e: CustomEvent<{ path: string }>) => responses.push(e.detail.path)}></callout-get>`,
    );
    await waitUntil(() => seen.length === 1);
    el.path = 'orders/2';
    await untilState(el, 'data');
    expect(el.renderRoot.textContent).to.contain('fresh-two');
    expect(outcomes).to.deep.equal([`${apiBase}orders/1`]);

    slow.open();
    await el.refresh();
    expect(el.renderRoot.textContent).to.contain('fresh-two');
    expect(el.renderRoot.textContent).to.not.contain('stale-one');
    expect(responses).to.deep.equal(['orders/2', 'orders/2']);
    expect(seen).to.deep.equal(['orders/1', 'orders/2', 'orders/2']);
  });

  it('disconnecting aborts the request in flight without an error, and reconnecting sends it again.', async () => {
    const { callout } = createTestClient();
    const slow = gate();
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders`, async () => {
        requests++;
        if (requests === 1) await slow.promise;
        return HttpResponse.json([{ sku: `A${requests}` }]);
      }),
    );
    const errors: unknown[] = [];
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('callout-get');
    el.callout = callout;
    el.credential = 'Orders';
    el.path = 'orders';
    el.addEventListener('callout-error', (e) => errors.push(e.detail.error));
    container.append(el);
    await waitUntil(() => requests === 1);
    el.remove();
    await waitUntil(() => !el.loading);
    slow.open();
    container.append(el);
    await untilState(el, 'data');
    expect(requests).to.equal(2);
    expect(errors).to.deep.equal([]);
    expect(el.renderRoot.textContent).to.contain('A2');
  });

  it('refresh() sends the request again and resolves after the new data is rendered.', async () => {
    const { callout, tokenRequests } = createTestClient();
    let requests = 0;
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ n: ++requests }])));
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'data');
    await el.refresh();
    expect(requests).to.equal(2);
    expect(el.renderRoot.querySelector('td')!.textContent).to.equal('2');
    expect(tokenRequests).to.have.length(1);
  });

  it('sends a POST with the JSON body attribute on refresh(), and nothing by itself when the body changes.', async () => {
    const { callout } = createTestClient();
    const bodies: unknown[] = [];
    api.use(
      http.post(`${apiBase}orders`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ created: true }, { status: 201 });
      }),
    );
    const responses: number[] = [];
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders" method="post"
        body='{"sku":"A1","quantity":2}' @callout-response=${(e: CustomEvent<{ status: number }>) => responses.push(e.detail.status)}></callout-get>`,
    );
    expect(el.state).to.equal('idle');
    await el.refresh();
    expect(el.state).to.equal('data');
    el.body = { sku: 'B2', quantity: 1 };
    await el.updateComplete;
    expect(el.loading).to.equal(false);
    await el.refresh();
    expect(bodies).to.deep.equal([
      { sku: 'A1', quantity: 2 },
      { sku: 'B2', quantity: 1 },
    ]);
    expect(responses).to.deep.equal([201, 201]);
  });

  it('polls while connected, and a disconnect leaves no request in flight.', async () => {
    const { callout } = createTestClient();
    let requests = 0;
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ n: ++requests }])));
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders" poll="1000"></callout-get>`,
    );
    await waitUntil(() => requests >= 2, 'the element never polled', { timeout: 5000 });
    await untilState(el, 'data');
    el.remove();
    await waitUntil(() => !el.loading, 'the request in flight was not aborted');
    expect(el.isConnected).to.equal(false);
  });

  it('with manual set, sends nothing until refresh() is called.', async () => {
    const { callout } = createTestClient();
    let requests = 0;
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ n: ++requests }])));
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders" manual></callout-get>`,
    );
    el.path = 'orders';
    await el.updateComplete;
    expect(requests).to.equal(0);
    expect(el.state).to.equal('idle');
    await el.refresh();
    expect(requests).to.equal(1);
    expect(el.state).to.equal('data');
  });
});

describe('<callout-get> while its page is torn down', () => {
  it('a container removed with its <callout-credential> before its <callout-get> fires no error and sends nothing.', async () => {
    await import('../../../components/callout-credential/define.js');
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders`, () => {
        requests++;
        return HttpResponse.json([{ id: 1 }]);
      }),
    );
    const host = await fixture<HTMLDivElement>(html`<div>
      <callout-credential name="Teardown" provider="aad" url=${apiBase} scopes="Orders.Read"></callout-credential>
      <callout-get credential="Teardown" path="orders"></callout-get>
    </div>`);
    const el = host.querySelector('callout-get') as CalloutGet;
    await untilState(el, 'data');
    let errors = 0;
    host.addEventListener('callout-error', () => errors++);
    host.remove();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(errors).to.equal(0);
    expect(requests).to.equal(1);
    expect(el.state).to.equal('data');
  });
});
