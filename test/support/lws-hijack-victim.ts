import { errorText, type SandboxedApp, sandboxedMsal, sandboxedOrdersClient } from './lws-sandbox-kit.js';

/** Context handed into the victim's sandbox (`c`). */
export interface VictimContext extends SandboxedApp {
  /** The host-provided container the sandboxed code mounts into. */
  container: HTMLElement;
  /** `undefined`: a provider without login hint. */
  loginHint: string | undefined;
  /** Under LWS: the sign-in page URL, so the provider listens for its hand-back. */
  signInPage?: string;
  /** Make one callout before the element runs, then call `between()`. */
  warmUp: boolean;
  /** Called after the warm-up (or, without one, before the element runs). */
  between: () => Promise<void>;
  /** Called after the element's first run, before its second. */
  beforeSecond: () => Promise<void>;
  /** After `beforeSecond`, wait up to this long for the provider to sign somebody in. Default 0. */
  awaitAccountMs?: number;
}

/** What the victim's sandbox reports. */
export interface VictimReport {
  /** `<callout-get>`'s state after each of its two runs. */
  states: string[];
  /** `<callout-get>`'s rendered text (closed shadow root) after each run. */
  texts: string[];
  /** Token sources, in order, from the client's `token` events. */
  sources: string[];
  /** Codes of the client's `error` events, in order. */
  errors: string[];
  /** How many `interaction-required` events the client fired. */
  interactionRequired: number;
  /** The provider's account at the end. */
  account: string | undefined;
  /** Which users' names MSAL's cache (this namespace's sessionStorage) mentions at the end. */
  cached: string[];
  error?: string;
}

/**
 * The victim component, inside the `c` sandbox: an MSAL provider (MSAL's cache in the
 * namespace's sessionStorage) and a client, and `<callout-get>` (closed shadow root) calling the
 * API. With `warmUp`, one callout runs first; then `<callout-get>` runs, and runs again on
 * `refresh()`. Only this function's text enters the sandbox.
 */
export async function sandboxedVictim(context: VictimContext): Promise<VictimReport> {
  const provider = sandboxedMsal(
    context,
    {
      interaction: 'none',
      cache: 'session',
      loginHint: context.loginHint,
      ...(context.signInPage ? { signInPage: context.signInPage } : {}),
    },
    { iframeBridgeTimeout: 5_000 },
  );
  const callout = sandboxedOrdersClient(provider);
  const report: VictimReport = {
    states: [],
    texts: [],
    sources: [],
    errors: [],
    interactionRequired: 0,
    account: undefined,
    cached: [],
  };
  callout.events.addEventListener('token', (event) => report.sources.push(event.detail.source));
  callout.events.addEventListener('error', (event) => report.errors.push(event.detail.error.code));
  callout.events.addEventListener('interaction-required', () => {
    report.interactionRequired++;
  });
  const get = document.createElement('callout-get');
  get.setAttribute('credential', 'Orders');
  get.setAttribute('path', 'orders/42');
  get.callout = callout;
  const snapshot = async () => {
    await get.updateComplete;
    report.states.push(get.state);
    report.texts.push(get.renderRoot.textContent ?? '');
  };
  try {
    if (context.warmUp) await callout('callout:Orders/orders/1').json();
    await context.between();
    const first = new Promise<void>((resolve) => {
      get.addEventListener('callout-response', () => resolve(), { once: true });
      get.addEventListener('callout-error', () => resolve(), { once: true });
    });
    context.container.appendChild(get);
    await first;
    await snapshot();
    await context.beforeSecond();
    const until = Date.now() + (context.awaitAccountMs ?? 0);
    while (!provider.account && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    await get.refresh();
    await snapshot();
  } catch (error) {
    report.error = errorText(error);
  } finally {
    get.remove();
    callout.dispose();
  }
  report.account = provider.account?.username;
  const values = Array.from({ length: sessionStorage.length }, (_, i) => {
    const key = sessionStorage.key(i) ?? '';
    return `${key} ${sessionStorage.getItem(key) ?? ''}`;
  }).join('\n');
  report.cached = ['jane@contoso.com', 'sam@contoso.com'].filter((name) => values.includes(name));
  sessionStorage.clear();
  return report;
}
