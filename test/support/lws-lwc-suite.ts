import { evaluateInSandbox } from '@locker/sandbox';
import { expect } from '@open-wc/testing';
import type { CalloutResponseDetail } from '../../components/callout-get/callout-get.js';
import { startLwsScenario } from './lws-aad.js';
import { defaultNamespace, runInSandbox, staticResourceScript } from './lws-sandbox.js';

/** The SFDX example's wrapper, compiled with the open-source LWC compiler (test/support/lwc-server.js). */
const wrapperScript = '/__lwc/ssoCalloutOrders.js';

/** What the Salesforce platform stubs saw (test/support/lwc-stubs/log.js). */
interface PlatformLog {
  loadScriptCalls: string[];
  scriptsInserted: string[];
  getRecordConfigs: { recordId: string; fields: string[] }[];
}

/** The global the compiled wrapper's harness build publishes in the sandbox. */
interface LwcHarness {
  platformLog: PlatformLog;
  mount(container: HTMLElement, properties: Record<string, unknown>): HTMLElement;
}

/** Context handed into the sandbox to mount the wrapper. */
interface MountContext {
  container: HTMLElement;
  properties: Record<string, unknown>;
}

/**
 * Inside the sandbox: creates the compiled `c-sso-callout-orders` with LWC's `createElement` and
 * appends it to the host's container, as Lightning renders a component on a page. Only this
 * function's text enters the sandbox.
 */
function sandboxedMount(context: MountContext): void {
  const harness = (globalThis as unknown as { ssoCalloutLwcHarness: LwcHarness }).ssoCalloutLwcHarness;
  harness.mount(context.container, context.properties);
}

/** What the sandboxed code reads from the rendered wrapper. */
interface WrapperReport {
  /** Tag names of the elements in the wrapper's (LWC, native) shadow root, in document order. */
  tags: string[];
  /** `shadowRoot === null` for each of our elements, as the sandbox sees it. */
  closedRoots: boolean[];
  /** `<callout-msal>`'s login hint (property, else attribute) and provider name (`name`, else `id`). */
  loginHint: string | null;
  providerId: string;
  /** `<callout-get>`'s state and rendered text (its closed root, read through Lit's renderRoot). */
  state: string;
  text: string;
  /** `<callout-log>`'s entry kinds. */
  logKinds: string[];
  platformLog: PlatformLog;
  /** `<callout-credential>`'s configuration error, if its attributes were invalid. */
  credentialError: string | undefined;
}

/** Inside the sandbox: reads the rendered wrapper. Only this function's text enters the sandbox. */
async function sandboxedInspect(context: { container: HTMLElement }): Promise<WrapperReport> {
  type Lit = HTMLElement & {
    renderRoot: ShadowRoot;
    updateComplete: Promise<boolean>;
    state?: string;
    loginHint?: string;
    log?: { kind: string }[];
  };
  const harness = (globalThis as unknown as { ssoCalloutLwcHarness: LwcHarness }).ssoCalloutLwcHarness;
  const wrapper = context.container.querySelector('c-sso-callout-orders');
  const root = wrapper?.shadowRoot;
  if (!root) throw new Error('the wrapper rendered no shadow root');
  const ours = [...root.querySelectorAll('*')].filter((element) => element.localName.startsWith('callout-'));
  const msal = root.querySelector('callout-msal') as Lit | null;
  const get = root.querySelector('callout-get') as Lit | null;
  const log = root.querySelector('callout-log') as Lit | null;
  await get?.updateComplete;
  await log?.updateComplete;
  return {
    tags: ours.map((element) => element.localName),
    closedRoots: ours.map((element) => element.shadowRoot === null),
    loginHint: msal?.loginHint ?? msal?.getAttribute('login-hint') ?? null,
    providerId: (msal as (Lit & { name?: string | null }) | null)?.name || msal?.id || '',
    state: get?.state ?? '',
    text: get?.renderRoot.textContent ?? '',
    logKinds: (log?.log ?? []).map((entry) => entry.kind),
    platformLog: JSON.parse(JSON.stringify(harness.platformLog)) as PlatformLog,
    credentialError: (
      root.querySelector('callout-credential') as (Lit & { configurationError?: string }) | null
    )?.configurationError,
  };
}

/**
 * The SFDX example's LWC wrapper, compiled by the open-source LWC compiler and **evaluated inside
 * the real LWS sandbox** of namespace `c` together with the open-source LWC engine (in Lightning
 * the engine runs outside the sandbox; here both are inside). Only Salesforce platform modules are
 * stubbed; the stub `loadScript` inserts a `<script src>` from inside the sandbox.
 */
export function describeLwsLwcWrapper(options: { gated: boolean }): void {
  const mode = options.gated ? 'gated' : 'ungated';

  describe(`SFDX example LWC wrapper, compiled with @lwc/compiler and evaluated inside the real LWS sandbox (${mode})`, () => {
    before(async () => {
      const response = await fetch(wrapperScript);
      if (!response.ok) throw new Error(`${wrapperScript}: ${response.status}`);
      evaluateInSandbox(defaultNamespace, await response.text());
    });

    it('loads the static resource once, gives <callout-msal> the login hint from the getRecord wire, and <callout-get> renders the API data after one silent SSO', async () => {
      const s = await startLwsScenario();
      const container = document.createElement('div');
      document.body.appendChild(container);
      const responses: CalloutResponseDetail[] = [];
      const errors: unknown[] = [];
      const settled = new Promise<void>((resolve) => {
        container.addEventListener('callout-response', (event) => {
          responses.push(event.detail);
          resolve();
        });
        container.addEventListener('callout-error', (event) => {
          errors.push(`${(event.composedPath()[0] as Element).localName}: ${String(event.detail.error)}`);
        });
      });
      runInSandbox(sandboxedMount, {
        container,
        properties: {
          clientId: s.clientId,
          tenant: s.tenantId,
          apiUrl: 'https://api.contoso.test/v1/',
          scope: 'api://orders/Orders.Read',
          path: 'orders/42',
          showLog: true,
          msalConfig: {
            auth: { clientId: s.clientId, ...s.msalAuth },
            system: { iframeBridgeTimeout: 10_000 },
          },
        },
      } satisfies MountContext);
      await settled;
      const report = await runInSandbox(sandboxedInspect, { container });
      const scripts = document.head.querySelectorAll(`script[src$="${staticResourceScript}"]`).length;
      // Removing the wrapper unregisters the credential before <callout-get> disconnects; a
      // detached element must not run (and fail) again on its way out.
      container.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const authorize = await s.authorizeCounters();
      expect(report.credentialError).to.equal(undefined);
      expect(errors).to.deep.equal([]);
      // The wrapper rendered our five elements (lwc:external), each with a closed shadow root.
      expect(report.tags).to.deep.equal([
        'callout-msal',
        'callout-credential',
        'callout-login',
        'callout-get',
        'callout-log',
      ]);
      expect(report.closedRoots).to.deep.equal([true, true, true, true, true]);
      // Named by `name`, which LWC's synthetic shadow would not rewrite as it does ids.
      expect(report.providerId).to.equal('aad');
      // One loadScript call, one <script> in the page; one wire config for the current user.
      expect(report.platformLog.loadScriptCalls).to.deep.equal(['/__lws/sso-callout.js']);
      expect(report.platformLog.scriptsInserted).to.have.length(1);
      expect(scripts).to.equal(1);
      expect(report.platformLog.getRecordConfigs).to.deep.equal([
        { recordId: '005000000000001AAA', fields: ['Email', 'FederationIdentifier'] },
      ]);
      // The login hint is the wire's FederationIdentifier (not its Email).
      expect(report.loginHint).to.equal('jane@contoso.com');
      // The data, rendered in <callout-get>'s closed root and received by the host page.
      expect(report.state).to.equal('data');
      expect(report.text).to.contain('jane@contoso.com');
      expect(report.text).to.contain('orders/42');
      expect(responses).to.have.length(1);
      expect(responses[0]?.data).to.deep.include({ user: 'jane@contoso.com', path: 'orders/42' });
      expect(report.logKinds).to.include('response');
      // Requests: one silent authorize, one code redeemed, one token request, one API call.
      expect(authorize.silentAuthorize).to.equal(1);
      expect(authorize.signInPage).to.equal(0);
      expect(authorize.codesRedeemed).to.equal(1);
      expect(s.aad.counters.token).to.equal(1);
      expect(s.api.counters.requests).to.equal(1);
      expect(s.api.counters.authorized).to.equal(1);
    });
  });
}
