import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { createElement as h, type ReactNode, StrictMode, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useCallout } from '../../../adapters/react/index.js';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/define.js';
import type { CalloutLog } from '../../../components/callout-log/callout-log.js';
import { type Callout, setDefaultCallout } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient, interactiveProvider } from '../../support/test-client.js';
import { countEvents, expectStamped, heldEndpoint } from '../support.js';

const api = useMsw();
const mounted: { root: Root; container: HTMLElement }[] = [];

/** Renders `node` into a fresh container in the page (unmounted after the test). */
function render(node: ReactNode): { root: Root; container: HTMLElement } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(node);
  const entry = { root, container };
  mounted.push(entry);
  return entry;
}

afterEach(() => {
  for (const { root, container } of mounted.splice(0)) {
    root.unmount();
    container.remove();
  }
});

/** Shows what `useCallout` returns as one line of text; records each rendered text in `seen`. */
function Orders({ url, callout, seen }: { url: string; callout?: Callout; seen?: string[] }) {
  const { data, error, loading } = useCallout(url, callout ? { callout } : {});
  const text = error ? `error ${error.code}` : `${loading ? 'loading ' : ''}${JSON.stringify(data) ?? ''}`;
  seen?.push(text);
  return h('p', { className: 'orders' }, text);
}

const textIn = (container: HTMLElement) => container.querySelector('.orders')?.textContent ?? '';

describe('useCallout (React 19)', () => {
  it('shows the API data after one request, loading until then.', async () => {
    const { callout, issued } = createTestClient();
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders`, () => {
        requests++;
        return HttpResponse.json([{ sku: 'A1' }]);
      }),
    );
    const seen: string[] = [];
    const { container } = render(h(Orders, { url: 'callout:Orders/orders', callout, seen }));
    await waitUntil(() => textIn(container) === '[{"sku":"A1"}]', 'the data never showed');
    expect([...new Set(seen)]).to.deep.equal(['loading ', '[{"sku":"A1"}]']);
    expect({ requests, tokens: issued.length }).to.deep.equal({ requests: 1, tokens: 1 });
  });

  it('aborts the request in flight when the component unmounts, and fires no error.', async () => {
    const { callout } = createTestClient();
    const counts = countEvents(callout);
    const orders = heldEndpoint(api, 'orders');
    const { root } = render(h(Orders, { url: 'callout:Orders/orders', callout }));
    await waitUntil(() => orders.seen.requests === 1);
    root.unmount();
    await waitUntil(() => counts.aborts === 1, 'the request was not aborted');
    orders.open();
    expect(counts).to.deep.equal({ requests: 1, errors: 0, aborts: 1 });
  });

  it('drops the stale result when the URL changes: the newer answer stays.', async () => {
    const { callout } = createTestClient();
    const counts = countEvents(callout);
    const stale = heldEndpoint(api, 'orders/1', { id: 'stale' });
    api.use(http.get(`${apiBase}orders/2`, () => HttpResponse.json({ id: 'fresh' })));
    let show: (url: string) => void = () => {};
    function Switcher() {
      const [url, setUrl] = useState('callout:Orders/orders/1');
      show = setUrl;
      return h(Orders, { url, callout });
    }
    const { container } = render(h(Switcher));
    await waitUntil(() => stale.seen.requests === 1);
    show('callout:Orders/orders/2');
    await waitUntil(() => textIn(container) === '{"id":"fresh"}', 'the new URL never showed');
    stale.open();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textIn(container)).to.equal('{"id":"fresh"}');
    expect(counts).to.deep.equal({ requests: 2, errors: 0, aborts: 1 });
  });

  it('under StrictMode sends one request, fires no error and logs no failure, with elements in the tree.', async () => {
    const { callout } = createTestClient();
    const counts = countEvents(callout);
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders`, () => {
        requests++;
        return HttpResponse.json([{ sku: 'A1' }]);
      }),
    );
    const tree = h(
      StrictMode,
      null,
      h('callout-log', { callout }),
      h(Orders, { url: 'callout:Orders/orders', callout }),
      h('callout-get', { callout, credential: 'Orders', path: 'orders' }),
    );
    const { container } = render(tree);
    await waitUntil(() => textIn(container) === '[{"sku":"A1"}]', 'the hook never showed the data');
    await waitUntil(() => container.querySelector('callout-get'));
    const element = container.querySelector('callout-get')!;
    await waitUntil(() => element.state === 'data', 'the element never showed the data');
    const log = container.querySelector<CalloutLog>('callout-log')!;
    // sso-callout/define loads <callout-log> when the page first uses it.
    await customElements.whenDefined('callout-log');
    await log.updateComplete;
    expect(counts.errors).to.equal(0);
    expect(log.log.filter((entry) => entry.failed)).to.deep.equal([]);
    // One request for the hook (its undone first effect sends nothing), one for the element.
    expect(requests).to.equal(2);
  });

  it('runs once a <callout-credential> rendered in the same tree defines the credential.', async () => {
    const { callout } = createTestClient();
    callout.credentials.delete('Orders');
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json({ ok: true })));
    const { container } = render(
      h(
        'div',
        null,
        h('callout-credential', {
          callout,
          name: 'Orders',
          url: apiBase,
          provider: 'aad',
          scopes: 'api://orders/Orders.Read',
        }),
        h(Orders, { url: 'callout:Orders/orders', callout }),
      ),
    );
    await waitUntil(() => textIn(container) === '{"ok":true}', 'the hook did not run after the credential');
  });

  it("follows the page's default client: replaced after mount, the hook runs again with the new one.", async () => {
    const first = createTestClient();
    const second = createTestClient();
    const previous = setDefaultCallout(first.callout);
    try {
      api.use(
        http.get(`${apiBase}orders`, ({ request }) =>
          HttpResponse.json(request.headers.get('authorization')),
        ),
      );
      const { container } = render(h(Orders, { url: 'callout:Orders/orders' }));
      await waitUntil(() => textIn(container) === '"Bearer token-1"', 'the first client was not used');
      setDefaultCallout(second.callout);
      await waitUntil(() => second.issued.length === 1, 'the new default client was not used');
      await waitUntil(() => textIn(container) === '"Bearer token-1"');
      expect([first.issued.length, second.issued.length]).to.deep.equal([1, 1]);
    } finally {
      if (previous) setDefaultCallout(previous);
    }
  });

  it('runs again by itself after a sign-in anywhere on the page, when its error needed one.', async () => {
    const provider = interactiveProvider();
    const { callout } = createTestClient({ provider });
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json({ signedIn: true })));
    const { container } = render(h(Orders, { url: 'callout:Orders/orders', callout }));
    await waitUntil(() => textIn(container) === 'error interaction_required', 'no sign-in was asked for');
    await callout.signIn('aad');
    await waitUntil(
      () => textIn(container) === '{"signedIn":true}',
      'the hook did not run after the sign-in',
    );
    expect(provider.signIns).to.equal(1);
  });

  it('sends a write only on refresh(), never by itself.', async () => {
    const { callout } = createTestClient();
    let posts = 0;
    api.use(
      http.post(`${apiBase}orders`, () => {
        posts++;
        return HttpResponse.json({ id: 'new' }, { status: 201 });
      }),
    );
    let refresh: () => Promise<void> = async () => {};
    function Create() {
      const result = useCallout('callout:Orders/orders', { callout, method: 'POST', json: { sku: 'A1' } });
      refresh = result.refresh;
      return h('p', { className: 'orders' }, JSON.stringify(result.data) ?? 'idle');
    }
    const { container } = render(h(StrictMode, null, h(Create)));
    await waitUntil(() => textIn(container) === 'idle');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(posts).to.equal(0);
    await refresh();
    await waitUntil(() => textIn(container) === '{"id":"new"}');
    expect(posts).to.equal(1);
  });

  it('lets a <callout-get> written in JSX stamp its <template slot="data"> and report through oncallout-response.', async () => {
    const { callout } = createTestClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1' }, { sku: 'B2' }])));
    const responses: number[] = [];
    const { container } = render(
      h(
        'callout-get',
        {
          callout,
          credential: 'Orders',
          path: 'orders',
          'oncallout-response': (event: CustomEvent<{ status: number }>) =>
            responses.push(event.detail.status),
        },
        h('template', { slot: 'data' }, h('ul', null, h('li', { 'data-each': '.' }, '{{ sku }}'))),
      ),
    );
    await waitUntil(() => container.querySelector('callout-get'));
    const element = container.querySelector('callout-get')!;
    await expectStamped(element, ['A1', 'B2']);
    expect(responses).to.deep.equal([200]);
  });
});
