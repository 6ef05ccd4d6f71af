import { evaluateInSandbox } from '@locker/sandbox';
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import type { CalloutErrorDetail, CalloutResponseDetail } from '../../components/callout-get/callout-get.js';
import type { CalloutError } from '../../src/index.js';
import { createSigningKey, signToken } from './aad-tokens.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import { findSecret } from './find-secret.js';
import { defaultNamespace, runInSandbox } from './lws-sandbox.js';
import { servePage } from './msw-worker.js';

/** The SFDX example's Apex-token component, compiled with the open-source LWC compiler. */
const componentScript = '/__lwc/ssoCalloutApexCredential.js';
/** Where the harness's `@salesforce/apex/SsoCalloutTokenController.getToken` stub posts. */
const apexUrl = `${location.origin}/__apex/SsoCalloutTokenController.getToken`;

/** The emulated Apex method: what it was asked, the tokens it handed out, its next failures. */
interface ApexEmulator {
  /** The parameters of every call, in order. */
  calls: Record<string, unknown>[];
  /** Every access token it returned (what must never reach the DOM or an event). */
  tokens: string[];
  /** The next this many calls fail as an `AuraHandledException` with `failMessage`. */
  failures: number;
  failMessage: string;
}

/** One scenario: the Apex method and the API that trusts its tokens, served by the page's MSW. */
interface ApexScenario {
  apex: ApexEmulator;
  api: ApiEmulator;
  /** A credential name of its own, so scenarios on one page share no definition or token. */
  credentialName: string;
}

let scenarios = 0;

/**
 * The Apex method as Lightning would run it: mints a client-credentials token for the API (a
 * JWT the API emulator verifies) and returns `{ accessToken, expiresIn }` — or fails like an
 * `AuraHandledException` while `failures` lasts.
 */
async function startApexScenario(): Promise<ApexScenario> {
  const key = await createSigningKey();
  const issuer = { issuer: 'https://login.contoso.test/service', jwks: async () => key.jwks };
  const api = createApiEmulator({ issuer });
  const apex: ApexEmulator = { calls: [], tokens: [], failures: 0, failMessage: '' };
  const getToken = http.post(apexUrl, async ({ request }) => {
    apex.calls.push((await request.json()) as Record<string, unknown>);
    if (apex.failures > 0) {
      apex.failures--;
      return HttpResponse.json({ message: apex.failMessage }, { status: 500 });
    }
    const claims = {
      iss: issuer.issuer,
      aud: 'api://orders',
      scp: 'Orders.Read',
      preferred_username: 'svc-crm',
    };
    const accessToken = await signToken(key, claims, 3600);
    apex.tokens.push(accessToken);
    return HttpResponse.json({ accessToken, expiresIn: 3600 });
  });
  await servePage(getToken, ...api.handlers);
  scenarios++;
  return { apex, api, credentialName: `OrdersService${scenarios}` };
}

/** Context handed into the sandbox to mount components. */
interface MountContext {
  container: HTMLElement;
  count: number;
  properties: Record<string, unknown>;
}

/** Inside the sandbox: creates `count` components in the host's container, as a Lightning page would. */
function sandboxedMount(context: MountContext): void {
  type Harness = { mount(container: HTMLElement, properties: Record<string, unknown>): HTMLElement };
  const harness = (globalThis as unknown as { ssoCalloutLwcHarness: Harness }).ssoCalloutLwcHarness;
  for (let n = 0; n < context.count; n++) harness.mount(context.container, context.properties);
}

/** What the sandboxed code reads from the rendered components. */
interface Rendered {
  /** Per component: `<callout-get>`'s state and rendered text. */
  states: string[];
  texts: string[];
  /** Every component's markup, its shadow root's and our elements' closed roots' (through Lit's renderRoot). */
  markup: string;
  /** `<callout-log>` entries, as the element holds them. */
  log: unknown[];
}

/** Inside the sandbox: reads every component in the container. Only this function's text enters the sandbox. */
async function sandboxedRead(context: { container: HTMLElement }): Promise<Rendered> {
  type Lit = HTMLElement & {
    renderRoot: ShadowRoot;
    updateComplete: Promise<boolean>;
    state?: string;
    log?: unknown[];
  };
  const rendered: Rendered = { states: [], texts: [], markup: context.container.outerHTML, log: [] };
  for (const component of context.container.querySelectorAll('c-sso-callout-apex-credential')) {
    const root = component.shadowRoot;
    if (!root) throw new Error('the component rendered no shadow root');
    rendered.markup += root.innerHTML;
    const get = root.querySelector('callout-get') as Lit | null;
    const log = root.querySelector('callout-log') as Lit | null;
    await get?.updateComplete;
    await log?.updateComplete;
    rendered.states.push(get?.state ?? '');
    rendered.texts.push(get?.renderRoot.textContent ?? '');
    rendered.markup += `${get?.renderRoot.innerHTML ?? ''}${log?.renderRoot.innerHTML ?? ''}`;
    rendered.log.push(...(log?.log ?? []));
  }
  return rendered;
}

/** The components' `callout-response` and `callout-error` events, as the host page receives them. */
function listen(container: HTMLElement) {
  const responses: CalloutResponseDetail[] = [];
  const errors: CalloutErrorDetail[] = [];
  container.addEventListener('callout-response', (event) => responses.push(event.detail));
  container.addEventListener('callout-error', (event) => errors.push(event.detail));
  /** Resolves once `count` components have answered (data or error). */
  const settled = async (count: number): Promise<void> => {
    const deadline = Date.now() + 15_000;
    while (responses.length + errors.length < count) {
      if (Date.now() > deadline)
        throw new Error(`${responses.length + errors.length} of ${count} components answered`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { responses, errors, settled };
}

/** Mounts `count` components for `s` in a fresh container; returns the container and its events. */
function mount(s: ApexScenario, count: number, extra: Record<string, unknown> = {}) {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const events = listen(container);
  runInSandbox(sandboxedMount, {
    container,
    count,
    properties: {
      credentialName: s.credentialName,
      apiUrl: 'https://api.contoso.test/v1/',
      scope: 'api://orders/.default',
      path: 'orders/42',
      ...extra,
    },
  } satisfies MountContext);
  return { container, ...events };
}

/** The typed error a `callout-error` event carries. */
const errorOf = (detail: CalloutErrorDetail | undefined) => detail?.error as CalloutError | undefined;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The SFDX example's `ssoCalloutApexCredential` — a token minted by Apex behind a Named
 * Credential, handed to sso-callout through `functionProvider`, `refreshOn: [401, 403]` — compiled
 * by the open-source LWC compiler and **evaluated inside the real LWS sandbox** of namespace `c`.
 * The Apex import is the harness's stub, which posts to an MSW-emulated Apex endpoint.
 */
export function describeLwsApexCredential(options: { gated: boolean }): void {
  const mode = options.gated ? 'gated' : 'ungated';

  describe(`SFDX example Apex-token component inside the real LWS sandbox (${mode})`, () => {
    const containers: HTMLElement[] = [];

    before(async () => {
      const response = await fetch(componentScript);
      if (!response.ok) throw new Error(`${componentScript}: ${response.status}`);
      evaluateInSandbox(defaultNamespace, await response.text());
    });

    afterEach(async () => {
      for (const container of containers.splice(0)) container.remove();
      await pause(0);
    });

    it('twenty components on one page cost one Apex call, and each renders the API data', async () => {
      const s = await startApexScenario();
      const page = mount(s, 20);
      containers.push(page.container);
      await page.settled(20);
      const rendered = await runInSandbox(sandboxedRead, { container: page.container });
      expect(page.errors).to.deep.equal([]);
      expect(page.responses).to.have.length(20);
      expect(rendered.states).to.deep.equal(Array(20).fill('data'));
      expect(rendered.texts.every((text) => text.includes('svc-crm'))).to.equal(true);
      expect(s.apex.calls).to.deep.equal([{ scope: 'api://orders/.default' }]);
      expect(s.api.counters).to.include({ requests: 20, authorized: 20 });
    });

    it('a 403 from the API costs one more Apex call and one retry, and the data is shown', async () => {
      const s = await startApexScenario();
      const first = mount(s, 1);
      containers.push(first.container);
      await first.settled(1);
      s.api.faults.status = 403;
      s.api.faults.times = 1;
      const second = mount(s, 1, { path: 'orders/43' });
      containers.push(second.container);
      await second.settled(1);
      const rendered = await runInSandbox(sandboxedRead, { container: second.container });
      expect(second.errors).to.deep.equal([]);
      expect(second.responses[0]?.data).to.deep.include({ user: 'svc-crm', path: 'orders/43' });
      expect(rendered.states).to.deep.equal(['data']);
      expect(rendered.texts[0]).to.contain('orders/43');
      expect(s.apex.calls).to.have.length(2);
      expect(s.api.counters).to.include({ requests: 3, faulted: 1, authorized: 2 });
    });

    it('a 403 on the retry ends in a forbidden error, with no further Apex call or request', async () => {
      const s = await startApexScenario();
      s.api.faults.status = 403;
      const page = mount(s, 1);
      containers.push(page.container);
      await page.settled(1);
      await pause(500);
      const rendered = await runInSandbox(sandboxedRead, { container: page.container });
      expect(page.responses).to.deep.equal([]);
      expect(page.errors.map((detail) => errorOf(detail)?.code)).to.deep.equal(['forbidden']);
      expect(rendered.states).to.deep.equal(['error']);
      expect(s.apex.calls).to.have.length(2);
      expect(s.api.counters).to.include({ requests: 2, faulted: 2, authorized: 0 });
    });

    it('an Apex failure reaches the page as token_endpoint_error naming the Apex method, with no API request', async () => {
      const s = await startApexScenario();
      s.apex.failures = 1;
      s.apex.failMessage = 'The token endpoint answered 401 (invalid_client).';
      const page = mount(s, 1);
      containers.push(page.container);
      await page.settled(1);
      const error = errorOf(page.errors[0]);
      expect(error?.code).to.equal('token_endpoint_error');
      expect(error?.message).to.contain('SsoCalloutTokenController.getToken');
      expect(error?.message).to.contain('invalid_client');
      expect(error?.hint).to.contain('OrdersApiToken');
      expect(s.apex.calls).to.have.length(1);
      expect(s.api.counters.requests).to.equal(0);
    });

    it('no token the Apex method returned appears in the components’ DOM, their log or any event they send', async () => {
      const s = await startApexScenario();
      const ok = mount(s, 2, { showLog: true });
      containers.push(ok.container);
      await ok.settled(2);
      s.api.faults.status = 403;
      s.api.faults.times = 2;
      const refused = mount(s, 1, { showLog: true, path: 'orders/44' });
      containers.push(refused.container);
      await refused.settled(1);
      const renderedOk = await runInSandbox(sandboxedRead, { container: ok.container });
      const renderedRefused = await runInSandbox(sandboxedRead, { container: refused.container });
      expect(refused.errors.map((detail) => errorOf(detail)?.code)).to.deep.equal(['forbidden']);
      expect(s.apex.tokens).to.have.length(2);
      expect(renderedOk.log.length).to.be.greaterThan(0);
      const reachable = { ok, refused, logs: [renderedOk.log, renderedRefused.log] };
      const leaks = s.apex.tokens.flatMap((token, n) => [
        ...findSecret(reachable, token, `events(token ${n})`),
        ...(`${renderedOk.markup}${renderedRefused.markup}`.includes(token) ? [`markup(token ${n})`] : []),
      ]);
      expect(leaks).to.deep.equal([]);
    });
  });
}
