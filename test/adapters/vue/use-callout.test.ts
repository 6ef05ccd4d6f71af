import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { type App, createApp, defineComponent, h, ref } from 'vue';
import { createApp as createCompilingApp } from 'vue/dist/vue.esm-bundler.js';
import { useCallout } from '../../../adapters/vue/index.js';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { Callout } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient } from '../../support/test-client.js';
import { countEvents, expectStamped, heldEndpoint } from '../support.js';

const api = useMsw();
const mounted: { app: App; container: HTMLElement }[] = [];

/** Mounts `app` into a fresh container in the page (unmounted after the test). */
function mount(app: App): { app: App; container: HTMLElement } {
  const container = document.createElement('div');
  document.body.append(container);
  app.mount(container);
  const entry = { app, container };
  mounted.push(entry);
  return entry;
}

afterEach(() => {
  for (const { app, container } of mounted.splice(0)) {
    app.unmount();
    container.remove();
  }
});

/** A component showing what `useCallout(url)` returns as one line of text. */
function ordersApp(url: () => string, callout: Callout) {
  return createApp(
    defineComponent({
      setup() {
        const { data, error, loading } = useCallout(url, { callout });
        return () =>
          h(
            'p',
            { class: 'orders' },
            error.value
              ? `error ${error.value.code}`
              : `${loading.value ? 'loading ' : ''}${JSON.stringify(data.value) ?? ''}`,
          );
      },
    }),
  );
}

const textIn = (container: HTMLElement) => container.querySelector('.orders')?.textContent ?? '';

describe('useCallout (Vue 3)', () => {
  it('shows the API data after one request.', async () => {
    const { callout, issued } = createTestClient();
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders`, () => {
        requests++;
        return HttpResponse.json([{ sku: 'A1' }]);
      }),
    );
    const { container } = mount(ordersApp(() => 'callout:Orders/orders', callout));
    expect(textIn(container)).to.equal('loading ');
    await waitUntil(() => textIn(container) === '[{"sku":"A1"}]', 'the data never showed');
    expect({ requests, tokens: issued.length }).to.deep.equal({ requests: 1, tokens: 1 });
  });

  it('aborts the request in flight when the component unmounts, and fires no error.', async () => {
    const { callout } = createTestClient();
    const counts = countEvents(callout);
    const orders = heldEndpoint(api, 'orders');
    const { app } = mount(ordersApp(() => 'callout:Orders/orders', callout));
    await waitUntil(() => orders.seen.requests === 1);
    mounted.pop();
    app.unmount();
    await waitUntil(() => counts.aborts === 1, 'the request was not aborted');
    orders.open();
    expect(counts).to.deep.equal({ requests: 1, errors: 0, aborts: 1 });
  });

  it('follows a reactive URL and drops the stale result.', async () => {
    const { callout } = createTestClient();
    const counts = countEvents(callout);
    const stale = heldEndpoint(api, 'orders/1', { id: 'stale' });
    api.use(http.get(`${apiBase}orders/2`, () => HttpResponse.json({ id: 'fresh' })));
    const id = ref(1);
    const { container } = mount(ordersApp(() => `callout:Orders/orders/${id.value}`, callout));
    await waitUntil(() => stale.seen.requests === 1);
    id.value = 2;
    await waitUntil(() => textIn(container) === '{"id":"fresh"}', 'the new URL never showed');
    stale.open();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textIn(container)).to.equal('{"id":"fresh"}');
    expect(counts).to.deep.equal({ requests: 2, errors: 0, aborts: 1 });
  });

  it('renders <callout-get> from a Vue template: isCustomElement, bound properties, v-pre data template, @callout-response.', async () => {
    const { callout } = createTestClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1' }, { sku: 'B2' }])));
    const statuses: number[] = [];
    const app = createCompilingApp({
      template: `<callout-get :callout="client" credential="Orders" :path="path" @callout-response="onResponse">
        <template slot="data" v-pre><ul><li data-each=".">{{ sku }}</li></ul></template>
      </callout-get>`,
      data: () => ({ client: callout, path: 'orders' }),
      methods: {
        onResponse: (event: CustomEvent<{ status: number }>) => statuses.push(event.detail.status),
      },
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('callout-');
    const { container } = mount(app);
    const element = container.querySelector<CalloutGet>('callout-get')!;
    await expectStamped(element, ['A1', 'B2']);
    expect(statuses).to.deep.equal([200]);
  });
});
