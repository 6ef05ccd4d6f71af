import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-get/define.js';
import '../../../components/callout-login/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutLogin } from '../../../components/callout-login/callout-login.js';
import { CalloutErrorCode, createCallout, functionProvider, isCalloutError } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import {
  aadOrders,
  apiBase,
  createTestClient,
  gate,
  interactiveProvider,
} from '../../support/test-client.js';
import { part, textOf, untilState } from '../support/wait.js';

const api = useMsw();

describe('<callout-get> states', () => {
  it('shows a busy spinner until the API answers, then renders an array of objects as a table', async () => {
    const { callout, issued } = createTestClient();
    const release = gate();
    let requests = 0;
    let authorization: string | null = null;
    api.use(
      http.get(`${apiBase}orders`, async ({ request }) => {
        requests++;
        authorization = request.headers.get('authorization');
        await release.promise;
        return HttpResponse.json([
          { id: 1, sku: 'A1', quantity: 2 },
          { id: 2, sku: 'B7', quantity: 5 },
        ]);
      }),
    );
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'loading');
    expect(part(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, '[part~="spinner"]')).to.exist;
    expect(part(el, '[part~="spinner"]')!.getAttribute('role')).to.equal('status');

    release.open();
    await untilState(el, 'data');
    expect(part(el, '[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    const table = part<HTMLTableElement>(el, 'table[part~="table"]')!;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).to.deep.equal([
      'id',
      'sku',
      'quantity',
    ]);
    expect(table.querySelectorAll('tbody tr')).to.have.length(2);
    expect(textOf(table)).to.contain('B7');
    expect(el.getAttribute('state')).to.equal('data');
    expect(requests).to.equal(1);
    expect(issued).to.have.length(1);
    expect(authorization).to.equal('Bearer token-1');
  });

  it('renders an object as a definition list.', async () => {
    const { callout } = createTestClient();
    api.use(http.get(`${apiBase}orders/42`, () => HttpResponse.json({ id: 42, status: 'open' })));
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders/42"></callout-get>`,
    );
    await untilState(el, 'data');
    const list = part(el, 'dl[part~="definition-list"]')!;
    expect([...list.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(['id', 'status']);
    expect(textOf(list)).to.contain('open');
  });

  it('shows the empty state for an empty array and for a 204 answer.', async () => {
    const { callout } = createTestClient();
    api.use(
      http.get(`${apiBase}orders`, () => HttpResponse.json([])),
      http.get(`${apiBase}nothing`, () => new HttpResponse(null, { status: 204 })),
    );
    const list = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    const none = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="nothing"></callout-get>`,
    );
    await untilState(list, 'empty');
    await untilState(none, 'empty');
    expect(textOf(part(list, '[part~="empty"]')!)).to.equal('No data.');
    expect(part(none, '[part~="empty"]')).to.exist;
  });

  it("shows the user a plain sentence and Retry, the developer's message, hint, code and request id in closed details.", async () => {
    const { callout } = createTestClient();
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders`, () => {
        requests++;
        return requests === 1
          ? HttpResponse.json({ error: 'boom' }, { status: 500, headers: { 'x-request-id': 'req-77' } })
          : HttpResponse.json([{ sku: 'A1' }]);
      }),
    );
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'error');
    const panel = part(el, '[part~="error"]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(textOf(part(el, '[part~="error-message"]')!)).to.equal(
      'Something went wrong on the service. Try again in a moment.',
    );
    const details = part<HTMLDetailsElement>(el, 'details[part~="error-details"]')!;
    expect(details.open).to.equal(false);
    // The developer's sentence and hint are inside the closed details, not in front of the user.
    expect(part(el, '[part~="error-developer-message"]')!.closest('details')).to.equal(details);
    expect(part(el, '[part~="error-hint"]')!.closest('details')).to.equal(details);
    expect(textOf(part(el, '[part~="error-developer-message"]')!)).to.contain('500');
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expect(textOf(details)).to.contain('http_error');
    expect(textOf(details)).to.contain('req-77');
    expect(part(el, '[part~="sign-in-button"]')).to.equal(null);

    part<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await untilState(el, 'data');
    expect(requests).to.equal(2);
  });

  it('offers "Sign in to continue" when the provider needs interaction, and the click signs in and loads.', async () => {
    const provider = interactiveProvider();
    const { callout } = createTestClient({ provider });
    const requests = countOrders();
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'error');
    expect(requests.list).to.equal(0);
    const button = part<HTMLButtonElement>(el, '[part~="sign-in-button"]')!;
    expect(textOf(button)).to.equal('Sign in to continue');
    button.click();
    await untilState(el, 'data');
    expect(provider.signIns).to.equal(1);
    expect(provider.tokenCalls).to.equal(2);
    expect(requests.list).to.equal(1);
  });

  it('shows an unknown credential as an error and loads by itself once the credential is defined.', async () => {
    const { callout } = createTestClient();
    api.use(http.get('https://billing.contoso.test/invoices', () => HttpResponse.json([{ id: 'inv-1' }])));
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Billing" path="invoices"></callout-get>`,
    );
    await untilState(el, 'error');
    expect(textOf(part(el, '[part~="error"]')!)).to.contain('Billing');
    callout.credentials.define('Billing', {
      url: 'https://billing.contoso.test/',
      provider: 'aad',
      scopes: ['api://billing/.default'],
    });
    await untilState(el, 'data');
    expect(textOf(el)).to.contain('inv-1');
  });

  it('runs by itself once the provider of its credential is registered, with one request.', async () => {
    const callout = createCallout({
      crossTab: false,
      credentials: { Orders: aadOrders },
    });
    const requests = countOrders();
    let tokens = 0;
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'error');
    expect(isCalloutError(el.error) && el.error.code).to.equal(CalloutErrorCode.invalidCredential);
    expect(requests.list).to.equal(0);
    callout.providers.define(
      'aad',
      functionProvider(async () => {
        tokens++;
        return { accessToken: 'late-token', expiresOn: Date.now() + 3_600_000 };
      }),
    );
    await untilState(el, 'data');
    expect(requests.list).to.equal(1);
    expect(tokens).to.equal(1);
  });

  for (const code of [
    CalloutErrorCode.interactionRequired,
    CalloutErrorCode.loginRequired,
    CalloutErrorCode.consentRequired,
  ]) {
    it(`resumes every element that failed with ${code} when one of them signs in: one sign-in, both load.`, async () => {
      const provider = interactiveProvider(code);
      const { callout } = createTestClient({ provider });
      const requests = countOrders();
      const container = await fixture<HTMLDivElement>(html`<div>
        <callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>
        <callout-get .callout=${callout} credential="Orders" path="orders/42"></callout-get>
      </div>`);
      const [first, second] = [...container.querySelectorAll<CalloutGet>('callout-get')];
      await untilState(first!, 'error');
      await untilState(second!, 'error');
      expect(requests.list + requests.one).to.equal(0);
      part<HTMLButtonElement>(first!, '[part~="sign-in-button"]')!.click();
      await untilState(first!, 'data');
      await untilState(second!, 'data');
      expect(provider.signIns).to.equal(1);
      expect(requests).to.deep.equal({ list: 1, one: 1 });
    });
  }

  it('resumes after a sign-in through <callout-login>, and a sign-in does not re-run a failure it cannot fix.', async () => {
    const provider = interactiveProvider();
    const { callout } = createTestClient({ provider });
    const requests = countOrders();
    let broken = 0;
    api.use(
      http.get(`${apiBase}broken`, () => {
        broken++;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const container = await fixture<HTMLDivElement>(html`<div>
      <callout-login .callout=${callout}></callout-login>
      <callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>
      <callout-get .callout=${callout} credential="Orders" path="broken"></callout-get>
    </div>`);
    const [orders, failing] = [...container.querySelectorAll<CalloutGet>('callout-get')];
    await untilState(orders!, 'error');
    await untilState(failing!, 'error');
    expect(requests.list + broken).to.equal(0);
    await signInThrough(container.querySelector<CalloutLogin>('callout-login')!);
    await untilState(orders!, 'data');
    await waitUntil(() => broken === 1 && !failing!.loading, 'the second element never ran again');
    expect(provider.signIns).to.equal(1);
    expect(requests.list).to.equal(1);
    expect(isCalloutError(failing!.error) && failing!.error.code).to.equal(CalloutErrorCode.httpError);

    callout.events.emit('account', { provider: 'aad', account: provider.account! });
    expect(failing!.loading, 'an http_error does not resume on a sign-in').to.equal(false);
    expect(orders!.loading, 'nor does data').to.equal(false);
    expect(broken).to.equal(1);
  });

  it('passes axe in the data, empty and error states.', async () => {
    const { callout } = createTestClient();
    api.use(
      http.get(`${apiBase}orders`, () => HttpResponse.json([{ sku: 'A1', quantity: 1 }])),
      http.get(`${apiBase}order`, () => HttpResponse.json({ sku: 'A1', lines: [1, 2] })),
      http.get(`${apiBase}none`, () => HttpResponse.json([])),
      http.get(`${apiBase}broken`, () => HttpResponse.json({}, { status: 503 })),
    );
    for (const [path, state] of [
      ['orders', 'data'],
      ['order', 'data'],
      ['none', 'empty'],
      ['broken', 'error'],
    ] as const) {
      const el = await fixture<CalloutGet>(
        html`<callout-get .callout=${callout} credential="Orders" path=${path}></callout-get>`,
      );
      await untilState(el, state);
      await expect(el).to.be.accessible();
    }
  });

  it('shows nothing and sends nothing without a credential or a path.', async () => {
    const { callout, issued } = createTestClient();
    const el = await fixture<CalloutGet>(html`<callout-get .callout=${callout}></callout-get>`);
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(issued).to.have.length(0);
    await waitUntil(() => el.getAttribute('state') === 'idle');
  });
});

/** Counts the emulated API's `orders` (list) and `orders/42` (one) requests. */
function countOrders(): { list: number; one: number } {
  const counts = { list: 0, one: 0 };
  api.use(
    http.get(`${apiBase}orders`, () => {
      counts.list++;
      return HttpResponse.json([{ sku: 'A1' }]);
    }),
    http.get(`${apiBase}orders/42`, () => {
      counts.one++;
      return HttpResponse.json({ id: 42 });
    }),
  );
  return counts;
}

/** Clicks the sign-in button of `login` and waits until it is signed in. */
async function signInThrough(login: CalloutLogin): Promise<void> {
  await login.updateComplete;
  login.renderRoot.querySelector<HTMLButtonElement>('[part~="sign-in-button"]')!.click();
  await waitUntil(() => login.state === 'signed-in', 'never signed in');
}
