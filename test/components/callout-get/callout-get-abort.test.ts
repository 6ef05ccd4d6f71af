import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-get/define.js';
import '../../../components/callout-log/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutLog } from '../../../components/callout-log/callout-log.js';
import { type Callout, CalloutErrorCode } from '../../../src/index.js';
import { expectFailure } from '../../support/expect-failure.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient, gate } from '../../support/test-client.js';
import { untilState } from '../support/wait.js';

const api = useMsw();

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** Counts the client's `error` and `abort` events and the DOM `callout-error` events on the page. */
function countOutcomes(callout: Callout) {
  const counts = { errors: 0, aborts: 0, calloutErrors: 0 };
  callout.events.addEventListener('error', () => counts.errors++);
  callout.events.addEventListener('abort', () => counts.aborts++);
  const onCalloutError = () => counts.calloutErrors++;
  document.addEventListener('callout-error', onCalloutError);
  stops.push(() => document.removeEventListener('callout-error', onCalloutError));
  return counts;
}

/** An API whose `orders` answer waits for the returned gate; counts the requests it got. */
function slowOrders() {
  const held = gate();
  const seen = { requests: 0 };
  api.use(
    http.get(`${apiBase}orders`, async () => {
      seen.requests++;
      await held.promise;
      return HttpResponse.json([{ sku: 'A1' }]);
    }),
  );
  return { held, seen };
}

describe("a caller's abort is not an error", () => {
  it('a callout aborted by its caller rejects with aborted, fires abort and no error, and the log shows no failure.', async () => {
    const { callout } = createTestClient();
    const { held, seen } = slowOrders();
    const counts = countOutcomes(callout);
    const log = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    const controller = new AbortController();
    const call = callout('callout:Orders/orders', { signal: controller.signal }).json();
    await waitUntil(() => seen.requests === 1);
    controller.abort();
    expect((await expectFailure(call)).code).to.equal(CalloutErrorCode.aborted);
    held.open();
    await log.updateComplete;
    expect(counts).to.deep.equal({ errors: 0, aborts: 1, calloutErrors: 0 });
    expect(log.log.filter((entry) => entry.failed).length).to.equal(0);
    expect(log.log.map((entry) => entry.kind)).to.deep.equal(['token', 'request', 'abort']);
  });

  it('a callout aborted before its token arrived fires abort and no error, and sends nothing.', async () => {
    const { callout } = createTestClient();
    const { seen } = slowOrders();
    const counts = countOutcomes(callout);
    const controller = new AbortController();
    const call = callout('callout:Orders/orders', { signal: controller.signal }).json();
    controller.abort();
    expect((await expectFailure(call)).code).to.equal(CalloutErrorCode.aborted);
    expect(seen.requests).to.equal(0);
    expect(counts).to.deep.equal({ errors: 0, aborts: 1, calloutErrors: 0 });
  });

  it('a <callout-get> removed mid-flight and put back (a double effect) fires no error, logs no failure, then shows the data.', async () => {
    const { callout } = createTestClient();
    const { held, seen } = slowOrders();
    const container = await fixture<HTMLDivElement>(html`<div>
      <callout-log .callout=${callout}></callout-log>
    </div>`);
    const counts = countOutcomes(callout);
    const el = document.createElement('callout-get') as CalloutGet;
    el.callout = callout;
    el.credential = 'Orders';
    el.path = 'orders';
    container.append(el);
    await waitUntil(() => seen.requests === 1);
    el.remove();
    container.append(el);
    await waitUntil(() => seen.requests === 2);
    held.open();
    await untilState(el, 'data');
    const log = container.querySelector<CalloutLog>('callout-log')!;
    await log.updateComplete;
    expect(counts).to.deep.equal({ errors: 0, aborts: 1, calloutErrors: 0 });
    expect(log.log.filter((entry) => entry.failed).length).to.equal(0);
    expect(el.error).to.equal(undefined);
  });

  it('a <callout-get> re-pointed mid-flight fires no error for the stale request.', async () => {
    const { callout } = createTestClient();
    const { held } = slowOrders();
    api.use(http.get(`${apiBase}orders/2`, () => HttpResponse.json({ id: 2 })));
    const counts = countOutcomes(callout);
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    el.path = 'orders/2';
    await untilState(el, 'data');
    held.open();
    await waitUntil(() => counts.aborts === 1);
    expect(counts).to.deep.equal({ errors: 0, aborts: 1, calloutErrors: 0 });
  });

  it('a real failure still fires error and callout-error once.', async () => {
    const { callout } = createTestClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json({}, { status: 500 })));
    const counts = countOutcomes(callout);
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'error');
    expect(counts).to.deep.equal({ errors: 1, aborts: 0, calloutErrors: 1 });
  });
});
