import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HttpResponse, http } from 'msw';
import { CalloutController } from '../../../components/controllers/callout-controller.js';
import { type Callout, createCallout, functionProvider } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import {
  aadOrders,
  apiBase,
  createTestClient,
  gate,
  interactiveProvider,
} from '../../support/test-client.js';
import { waitUntil } from '../../support/wait-until.js';

const api = useMsw();

interface Order {
  id: string;
}

/** A component author's element: the order follows the `orderId` property. */
class OrderCard extends LitElement {
  static override properties = { orderId: { attribute: 'order-id' } };
  declare orderId: string;
  client: Callout | undefined;
  readonly order = new CalloutController<Order>(this, {
    callout: () => this.client,
    credential: 'Orders',
    path: () => `orders/${this.orderId}`,
  });

  protected override render() {
    const { data, error, loading } = this.order;
    return html`<p aria-busy=${loading ? 'true' : 'false'}>${error ? 'failed' : (data?.id ?? '')}</p>`;
  }
}
customElements.define('test-order-card', OrderCard);

/** Answers `GET orders/:id` with `{ id }`, counting the requests. */
function countedOrders(): { requests: number } {
  const counter = { requests: 0 };
  api.use(
    http.get(`${apiBase}orders/:id`, ({ params }) => {
      counter.requests++;
      return HttpResponse.json({ id: params.id });
    }),
  );
  return counter;
}

/** A `<test-order-card>` for order `orderId` on `callout`, once its first run has failed. */
async function failedCard(callout: Callout, orderId: string): Promise<OrderCard> {
  const el = await fixture<OrderCard>(
    html`<test-order-card .client=${callout} order-id=${orderId}></test-order-card>`,
  );
  await el.order.settled;
  expect(el.order.error).to.exist;
  return el;
}

describe('CalloutController', () => {
  it('exposes loading, then data, and re-runs when its reactive input changes.', async () => {
    const { callout, tokenRequests } = createTestClient();
    const release = gate();
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders/:id`, async ({ params }) => {
        requests++;
        await release.promise;
        return HttpResponse.json({ id: params.id });
      }),
    );
    const el = await fixture<OrderCard>(
      html`<test-order-card .client=${callout} order-id="1"></test-order-card>`,
    );
    expect(el.order.loading).to.equal(true);
    expect(el.order.data).to.equal(undefined);
    release.open();
    await el.order.settled;
    await el.updateComplete;
    expect(el.order.loading).to.equal(false);
    expect(el.order.data).to.deep.equal({ id: '1' });
    expect(el.renderRoot.textContent).to.equal('1');

    el.orderId = '2';
    await el.updateComplete;
    expect(el.order.loading).to.equal(true);
    expect(el.order.data, 'the previous data stays while the new run is in flight').to.deep.equal({
      id: '1',
    });
    await el.order.settled;
    await el.updateComplete;
    expect(el.order.data).to.deep.equal({ id: '2' });
    expect(el.order.result?.status).to.equal(200);
    expect(requests).to.equal(2);
    expect(tokenRequests).to.have.length(1);
  });

  it('drops a stale result: only the latest input is ever shown.', async () => {
    const { callout } = createTestClient();
    const first = gate();
    api.use(
      http.get(`${apiBase}orders/1`, async () => {
        await first.promise;
        return HttpResponse.json({ id: 'stale' });
      }),
      http.get(`${apiBase}orders/2`, () => HttpResponse.json({ id: 'latest' })),
    );
    const el = await fixture<OrderCard>(
      html`<test-order-card .client=${callout} order-id="1"></test-order-card>`,
    );
    el.orderId = '2';
    await waitUntil(() => el.order.data?.id === 'latest');
    first.open();
    await el.order.refresh();
    expect(el.order.data).to.deep.equal({ id: 'latest' });
  });

  it('exposes the error of a failed run and clears it when refresh() succeeds.', async () => {
    const { callout } = createTestClient();
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders/7`, () =>
        ++requests === 1 ? HttpResponse.json({}, { status: 403 }) : HttpResponse.json({ id: '7' }),
      ),
    );
    const el = await fixture<OrderCard>(
      html`<test-order-card .client=${callout} order-id="7"></test-order-card>`,
    );
    await el.order.settled;
    expect((el.order.error as { code?: string }).code).to.equal('forbidden');
    expect(el.order.data).to.equal(undefined);
    await el.order.refresh();
    expect(el.order.error).to.equal(undefined);
    expect(el.order.data).to.deep.equal({ id: '7' });
  });

  it('aborts on disconnect, reports no error for it, and runs again on reconnect.', async () => {
    const { callout } = createTestClient();
    const first = gate();
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders/3`, async () => {
        if (++requests === 1) await first.promise;
        return HttpResponse.json({ id: `3-${requests}` });
      }),
    );
    const outcomes: string[] = [];
    callout.events.addEventListener('abort', (e) => outcomes.push(e.detail.error.url ?? ''));
    callout.events.addEventListener('error', (e) => outcomes.push(e.detail.error.code));
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('test-order-card') as OrderCard;
    el.client = callout;
    el.orderId = '3';
    container.append(el);
    await waitUntil(() => requests === 1);
    el.remove();
    await waitUntil(() => !el.order.loading);
    expect(outcomes).to.deep.equal([`${apiBase}orders/3`]);
    expect(el.order.error).to.equal(undefined);
    first.open();
    container.append(el);
    await waitUntil(() => el.order.data?.id === '3-2');
  });

  it('runs by itself once the provider of its credential is registered.', async () => {
    const callout = createCallout({
      crossTab: false,
      credentials: { Orders: aadOrders },
    });
    const orders = countedOrders();
    const el = await failedCard(callout, '7');
    expect(orders.requests).to.equal(0);
    callout.providers.define(
      'aad',
      functionProvider(async () => ({ accessToken: 't', expiresOn: Date.now() + 3_600_000 })),
    );
    await waitUntil(() => el.order.data !== undefined, 'the controller never ran again');
    expect(el.order.data).to.deep.equal({ id: '7' });
    expect(orders.requests).to.equal(1);
  });

  it('runs again after a sign-in made elsewhere when its run needed one.', async () => {
    const provider = interactiveProvider();
    const { callout } = createTestClient({ provider });
    const orders = countedOrders();
    const el = await failedCard(callout, '8');
    await callout.signIn();
    await waitUntil(() => el.order.data !== undefined, 'the controller never resumed');
    expect(el.order.data).to.deep.equal({ id: '8' });
    expect(orders.requests).to.equal(1);
    expect(provider.signIns).to.equal(1);
  });
});
