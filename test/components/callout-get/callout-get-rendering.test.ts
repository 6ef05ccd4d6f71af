import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { HttpResponse, http } from 'msw';
import '../../../components/callout-get/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { calloutContext } from '../../../components/shared/callout-context.js';
import { CalloutElement } from '../../../components/shared/callout-element.js';
import { setDefaultCallout } from '../../../src/index.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient, gate } from '../../support/test-client.js';
import { textOf, untilState } from '../support/wait.js';

const api = useMsw();

const evilImage = '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">';
const evilScript = '<script>window.__pwned=(window.__pwned||0)+1</script>';
const pwned = () => (window as { __pwned?: number }).__pwned;

function serveEvil(): void {
  api.use(
    http.get(`${apiBase}evil/list`, () =>
      HttpResponse.json([{ name: evilImage, note: evilScript, [evilImage]: 'key' }]),
    ),
    http.get(`${apiBase}evil/object`, () =>
      HttpResponse.json({ name: evilImage, nested: { deeper: evilScript }, tags: [evilImage] }),
    ),
    http.get(`${apiBase}evil/text`, () => HttpResponse.text(evilImage)),
    http.get(`${apiBase}evil/fail`, () =>
      HttpResponse.json({ message: evilImage }, { status: 400, headers: { 'x-request-id': evilScript } }),
    ),
  );
}

function expectInert(el: CalloutGet): void {
  expect(el.renderRoot.querySelector('img'), 'an <img> was created from API data').to.equal(null);
  expect(el.renderRoot.querySelector('script'), 'a <script> was created from API data').to.equal(null);
  expect(pwned()).to.equal(undefined);
}

/** Wraps `registry.subscribe` to count the subscriptions open on it. */
function countSubscriptions(registry: { subscribe(listener: () => void): () => void }): { open: number } {
  const counter = { open: 0 };
  const subscribe = registry.subscribe.bind(registry);
  registry.subscribe = (listener) => {
    counter.open++;
    const unsubscribe = subscribe(listener);
    return () => {
      counter.open--;
      return unsubscribe();
    };
  };
  return counter;
}

describe('<callout-get> rendering', () => {
  it('shows markup in API data as text in the default table, definition list and text renderers.', async () => {
    const { callout } = createTestClient();
    serveEvil();
    for (const path of ['evil/list', 'evil/object', 'evil/text']) {
      const el = await fixture<CalloutGet>(
        html`<callout-get .callout=${callout} credential="Orders" path=${path}></callout-get>`,
      );
      await untilState(el, 'data');
      expectInert(el);
      expect(textOf(el)).to.contain(evilImage);
    }
  });

  it('shows markup in API data as text in light-DOM templates, including repeats.', async () => {
    const { callout } = createTestClient();
    serveEvil();
    const el =
      await fixture<CalloutGet>(html`<callout-get .callout=${callout} credential="Orders" path="evil/list">
      <template slot="data"><ul class="orders"><li data-each=".">{{ name }} / {{ note }}</li></ul></template>
    </callout-get>`);
    await untilState(el, 'data');
    expectInert(el);
    const items = [...el.renderRoot.querySelectorAll('ul.orders li')];
    expect(items.map((li) => li.textContent)).to.deep.equal([`${evilImage} / ${evilScript}`]);
  });

  it('shows markup in an error as text in the error panel and the error template.', async () => {
    const { callout } = createTestClient();
    serveEvil();
    const panel = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="evil/fail"></callout-get>`,
    );
    await untilState(panel, 'error');
    expectInert(panel);
    expect(textOf(panel)).to.contain(evilScript);

    const templated =
      await fixture<CalloutGet>(html`<callout-get .callout=${callout} credential="Orders" path="evil/fail">
      <template slot="error"><p class="oops">{{ code }}: {{ requestId }}</p></template>
    </callout-get>`);
    await untilState(templated, 'error');
    expectInert(templated);
    expect(templated.renderRoot.querySelector('.oops')!.textContent).to.equal(`http_error: ${evilScript}`);
  });

  it('shows markup in API data as text through a Lit renderer that binds values.', async () => {
    const { callout } = createTestClient();
    serveEvil();
    const el =
      await fixture<CalloutGet>(html`<callout-get .callout=${callout} credential="Orders" path="evil/object"
      .renderer=${(data: unknown) => html`<strong class="name">${(data as { name: string }).name}</strong>`}></callout-get>`);
    await untilState(el, 'data');
    expectInert(el);
    expect(el.renderRoot.querySelector('.name')!.textContent).to.equal(evilImage);
  });

  it('uses the loading and empty templates, and a template never binds attributes.', async () => {
    const { callout } = createTestClient();
    const release = gate();
    api.use(
      http.get(`${apiBase}orders`, async () => {
        await release.promise;
        return HttpResponse.json([]);
      }),
    );
    const el =
      await fixture<CalloutGet>(html`<callout-get .callout=${callout} credential="Orders" path="orders">
      <template slot="loading"><p class="wait" title="{{ secret }}">Fetching orders…</p></template>
      <template slot="empty"><p class="none">No open orders.</p></template>
    </callout-get>`);
    await untilState(el, 'loading');
    const wait = el.renderRoot.querySelector('.wait')!;
    expect(wait.textContent).to.equal('Fetching orders…');
    expect(wait.getAttribute('title')).to.equal('{{ secret }}');
    release.open();
    await untilState(el, 'empty');
    expect(el.renderRoot.querySelector('.none')!.textContent).to.equal('No open orders.');
  });

  it('fires callout-response and callout-error with typed details that bubble out of the element.', async () => {
    const { callout } = createTestClient();
    api.use(
      http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1' }])),
      http.get(`${apiBase}missing`, () => HttpResponse.json({}, { status: 404 })),
    );
    const responses: unknown[] = [];
    const errors: string[] = [];
    const container = await fixture<HTMLDivElement>(html`<div
      @callout-response=${(e: CustomEvent<{ data: unknown; status: number; path: string }>) =>
        responses.push({ data: e.detail.data, status: e.detail.status, path: e.detail.path })}
      @callout-error=${(e: CustomEvent<{ view: { code?: string } }>) => errors.push(e.detail.view.code ?? '')}>
      <callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>
      <callout-get .callout=${callout} credential="Orders" path="missing"></callout-get>
    </div>`);
    const [ok, missing] = [...container.querySelectorAll('callout-get')];
    await untilState(ok!, 'data');
    await untilState(missing!, 'error');
    expect(responses).to.deep.equal([{ data: [{ sku: 'A1' }], status: 200, path: 'orders' }]);
    expect(errors).to.deep.equal(['http_error']);
  });

  it('uses the client of the nearest context provider, and the page default without one.', async () => {
    const page = createTestClient();
    const scoped = createTestClient();
    setDefaultCallout(page.callout);
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1' }])));
    const container = await fixture<HTMLDivElement>(html`<div>
      <div class="scope"></div>
      <callout-get credential="Orders" path="orders"></callout-get>
    </div>`);
    const scope = container.querySelector<HTMLDivElement>('.scope')!;
    new ContextProvider(scope as HTMLDivElement & ReactiveControllerHost, {
      context: calloutContext,
      initialValue: scoped.callout,
    });
    const inside = document.createElement('callout-get');
    inside.setAttribute('credential', 'Orders');
    inside.setAttribute('path', 'orders');
    scope.append(inside);
    const outside = container.querySelector('callout-get')!;
    await untilState(inside, 'data');
    await untilState(outside, 'data');
    expect(scoped.tokenRequests).to.have.length(1);
    expect(page.tokenRequests).to.have.length(1);
  });

  it('renders into a closed shadow root when shadow-mode="closed".', async () => {
    const { callout } = createTestClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1' }])));
    const el = await fixture<CalloutGet>(
      html`<callout-get shadow-mode="closed" .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'data');
    expect(el.shadowRoot).to.equal(null);
    expect(el.renderRoot.querySelector('table')).to.exist;
    expect(CalloutElement.defaultShadowMode).to.equal('open');
  });

  it('shows an invalid body attribute as a visible configuration error and names the attribute in the console.', async () => {
    const { callout } = createTestClient();
    let requests = 0;
    api.use(http.post(`${apiBase}orders`, () => HttpResponse.json({ n: ++requests })));
    await capturingConsole(async (logged) => {
      const el = await fixture<CalloutGet>(
        html`<callout-get .callout=${callout} credential="Orders" path="orders" method="POST" body="{sku: A1}"></callout-get>`,
      );
      expect(el.state).to.equal('error');
      expect(textOf(el)).to.contain('attribute "body" is invalid');
      expect(logged.some((line) => line.includes('<callout-get> attribute "body" is invalid'))).to.equal(
        true,
      );
      expect(requests).to.equal(0);
    });
  });

  it('connecting and disconnecting 1,000 times leaves no listener on the client.', async () => {
    const { callout } = createTestClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([])));
    const credentialSubscriptions = countSubscriptions(callout.credentials);
    const providerSubscriptions = countSubscriptions(callout.providers);
    let eventListeners = 0;
    const add = callout.events.addEventListener.bind(callout.events);
    const remove = callout.events.removeEventListener.bind(callout.events);
    callout.events.addEventListener = ((...args: Parameters<typeof add>) => {
      eventListeners++;
      add(...args);
    }) as typeof add;
    callout.events.removeEventListener = ((...args: Parameters<typeof remove>) => {
      eventListeners--;
      remove(...args);
    }) as typeof remove;

    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('callout-get');
    el.callout = callout;
    el.credential = 'Orders';
    el.path = 'orders';
    for (let i = 0; i < 1000; i++) {
      container.append(el);
      el.remove();
    }
    container.append(el);
    await untilState(el, 'empty');
    expect(credentialSubscriptions.open).to.equal(1);
    expect(providerSubscriptions.open).to.equal(1);
    expect(eventListeners, 'one account listener').to.equal(1);
    el.remove();
    expect(credentialSubscriptions.open).to.equal(0);
    expect(providerSubscriptions.open).to.equal(0);
    expect(eventListeners).to.equal(0);
  });
});
