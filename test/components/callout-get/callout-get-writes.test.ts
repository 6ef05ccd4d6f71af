import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-get/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { CalloutController } from '../../../components/controllers/callout-controller.js';
import { type Callout, setDefaultCallout } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient, interactiveProvider } from '../../support/test-client.js';
import { untilState } from '../support/wait.js';

const api = useMsw();

/** Counts every request to the API, by method. */
function countingApi() {
  const methods: string[] = [];
  api.use(
    http.all(`${apiBase}*`, ({ request }) => {
      methods.push(request.method);
      return HttpResponse.json({ done: true });
    }),
  );
  return methods;
}

/** Lets every update, task and timer that a connect or a change schedules run out. */
async function settle(el: CalloutGet, ms = 150): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve, ms));
  await el.updateComplete;
}

/** Puts `markup` into a CMS region of the page, as an attacker with markup-only injection can. */
async function inject(markup: string): Promise<CalloutGet> {
  const cms = await fixture<HTMLDivElement>(html`<div class="cms"></div>`);
  cms.innerHTML = markup;
  return cms.querySelector('callout-get')!;
}

describe('<callout-get> with a method that writes', () => {
  for (const method of ['DELETE', 'delete', 'POST', 'Put', 'pAtCh']) {
    it(`injected with method="${method}" sends nothing on connect, attribute changes or polls; refresh() sends one request.`, async () => {
      const { callout } = createTestClient();
      setDefaultCallout(callout);
      const methods = countingApi();
      const el = await inject(
        `<callout-get credential="Orders" path="orders/42" method="${method}" body='{"a":1}' poll="1000"></callout-get>`,
      );
      await settle(el);
      el.setAttribute('path', 'orders/43');
      el.setAttribute('body', '{"a":2}');
      await settle(el, 1300);
      el.remove();
      document.body.append(el);
      await settle(el);
      expect(methods, 'requests sent without being asked').to.deep.equal([]);
      expect(el.state).to.equal('idle');

      await el.refresh();
      expect(methods).to.deep.equal([method.toUpperCase()]);
      el.remove();
    });
  }

  it('GET and HEAD, in any case, still run by themselves.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const methods = countingApi();
    const get = await inject(`<callout-get credential="Orders" path="orders" method="get"></callout-get>`);
    await untilState(get, 'data');
    const head = await inject(`<callout-get credential="Orders" path="orders" method="Head"></callout-get>`);
    await waitUntil(() => head.state === 'data' || head.state === 'empty', 'the HEAD never ran');
    expect(methods).to.deep.equal(['GET', 'HEAD']);
  });

  it('a write that failed for want of a sign-in does not run again by itself after a sign-in elsewhere.', async () => {
    const provider = interactiveProvider();
    const { callout } = createTestClient({ provider });
    setDefaultCallout(callout);
    const methods = countingApi();
    const el = await inject(
      `<callout-get credential="Orders" path="orders/42" method="DELETE"></callout-get>`,
    );
    await el.refresh();
    expect(el.state).to.equal('error');
    await callout.signIn();
    await settle(el);
    expect(methods).to.deep.equal([]);
  });
});

/** A component author's element whose method comes from an attribute. */
class ActionButton extends LitElement {
  static override properties = { method: {} };
  declare method: string;
  client: Callout | undefined;
  readonly action = new CalloutController(this, {
    callout: () => this.client,
    credential: 'Orders',
    path: 'orders/42',
    method: () => this.method,
  });
}
customElements.define('test-action-button', ActionButton);

describe('CalloutController with a method that writes', () => {
  it('does not run a POST by itself; refresh() runs it once.', async () => {
    const { callout } = createTestClient();
    const methods = countingApi();
    const el = await fixture<ActionButton>(
      html`<test-action-button .client=${callout} method="POST"></test-action-button>`,
    );
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(methods).to.deep.equal([]);
    await el.action.refresh();
    expect(methods).to.deep.equal(['POST']);
  });
});
