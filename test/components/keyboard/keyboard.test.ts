import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-get/define.js';
import '../../../components/callout-login/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutLogin } from '../../../components/callout-login/callout-login.js';
import { useMsw } from '../../support/msw-worker.js';
import {
  apiBase,
  createTestClient,
  type InteractiveProvider,
  interactiveProvider,
} from '../../support/test-client.js';
import { part, untilState } from '../support/wait.js';

const api = useMsw();

/**
 * Presses Tab from the focused element until the element matching `selector` inside `host`'s
 * render root has focus (at most ten presses), and returns it.
 */
async function tabTo(host: HTMLElement & { renderRoot: ParentNode }, selector: string): Promise<Element> {
  const target = host.renderRoot.querySelector(selector);
  expect(target, `${selector} is rendered`).to.exist;
  const root = host.renderRoot as ShadowRoot;
  for (let presses = 0; presses < 10 && root.activeElement !== target; presses++) {
    await sendKeys({ press: 'Tab' });
  }
  expect(root.activeElement, `Tab reaches ${selector}`).to.equal(target);
  return target!;
}

/** A page with a focusable start point before `content`, focused. */
async function pageWith<E extends HTMLElement>(content: unknown, selector: string): Promise<E> {
  const container = await fixture<HTMLDivElement>(
    html`<div><button id="start">start</button>${content}</div>`,
  );
  container.querySelector<HTMLButtonElement>('#start')!.focus();
  return container.querySelector<E>(selector)!;
}

/** Counts requests to `orders`; the first `failures` answer 500. */
function orders(failures: number): { count: number } {
  const counter = { count: 0 };
  api.use(
    http.get(`${apiBase}orders`, () => {
      counter.count++;
      return counter.count <= failures
        ? HttpResponse.json({ error: 'boom' }, { status: 500 })
        : HttpResponse.json([{ sku: 'A1' }]);
    }),
  );
  return counter;
}

/**
 * A focused page with a `<callout-get>` of `Orders` showing its error panel: its first request
 * failed (500), or — with an {@link interactiveProvider} — its token needs a sign-in.
 * `requests` counts the requests to `orders`.
 */
async function failedGet(
  provider?: InteractiveProvider,
): Promise<{ el: CalloutGet; requests: { count: number } }> {
  const { callout } = createTestClient(provider ? { provider } : {});
  const requests = orders(provider ? 0 : 1);
  const el = await pageWith<CalloutGet>(
    html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    'callout-get',
  );
  await untilState(el, 'error');
  return { el, requests };
}

describe('keyboard', () => {
  for (const [name, key] of [
    ["Tab reaches the error panel's Retry button and Enter sends the request again.", 'Enter'],
    ['Space on the Retry button sends the request again too.', 'Space'],
  ] as const) {
    it(name, async () => {
      const { el, requests } = await failedGet();
      await tabTo(el, '[part~="retry-button"]');
      await sendKeys({ press: key });
      await untilState(el, 'data');
      expect(requests.count).to.equal(2);
    });
  }

  it('the details toggle opens with Enter and closes with Space, and sends nothing.', async () => {
    const { el, requests } = await failedGet();
    const details = part<HTMLDetailsElement>(el, 'details[part~="error-details"]')!;
    expect(details.open).to.equal(false);
    await tabTo(el, 'details[part~="error-details"] > summary');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => details.open, 'Enter did not open the details');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !details.open, 'Space did not close the details');
    expect(requests.count).to.equal(1);
  });

  it('Enter on "Sign in to continue" signs in once and loads with one request.', async () => {
    const provider = interactiveProvider();
    const { el, requests } = await failedGet(provider);
    await tabTo(el, '[part~="sign-in-button"]');
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'data');
    expect(provider.signIns).to.equal(1);
    expect(requests.count).to.equal(1);
  });

  it('<callout-login>: Space on Sign in signs in, and Enter on Sign out signs out, once each.', async () => {
    const provider = interactiveProvider();
    let signOuts = 0;
    const signOut = provider.signOut.bind(provider);
    provider.signOut = () => {
      signOuts++;
      return signOut();
    };
    const { callout } = createTestClient({ provider });
    const el = await pageWith<CalloutLogin>(
      html`<callout-login .callout=${callout}></callout-login>`,
      'callout-login',
    );
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
    await tabTo(el, '[part~="sign-in-button"]');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => el.state === 'signed-in', 'Space did not sign in');
    await el.updateComplete;
    expect(provider.signIns).to.equal(1);

    document.querySelector<HTMLButtonElement>('#start')!.focus();
    await tabTo(el, '[part~="sign-out-button"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.state === 'signed-out', 'Enter did not sign out');
    expect(signOuts).to.equal(1);
    expect(provider.signIns).to.equal(1);
  });
});
