/**
 * The code the flow suite (lws-flow-suite.ts) runs inside the LWS sandbox, and what it reports.
 * Each `sandboxed…` function is evaluated there as text: it must stay self-contained (no
 * closures, no imports but the sandbox kit's helpers), so it lives apart from the host-side test
 * code.
 */
import {
  errorText,
  type SandboxedApp,
  type SignInContext,
  sandboxedMsal,
  sandboxedOrdersClient,
  sandboxLib,
  tokenSources,
} from './lws-sandbox-kit.js';

/** What the sandboxed flow reports back. */
export interface FlowReport {
  detected: boolean;
  bodies: unknown[];
  sources: string[];
  retries: number;
  account: string | undefined;
  createElementPatched: boolean;
  appendChildPatched: boolean;
  broadcastChannelNative: boolean;
  /** With `diagnose`: each check of `callout.diagnose()` after the flow, as `id provider-or-credential status`. */
  checks?: string[];
  error?: string;
}

/** Context handed into the sandbox for one flow. */
export interface FlowContext extends SandboxedApp {
  lws: 'auto' | boolean;
  /** MSAL's wait for the hidden iframe's answer. */
  iframeTimeoutMs: number;
  /** Called from inside the sandbox between the two callouts: the API starts rejecting the token. */
  expireToken: () => void;
  /** Run `callout.diagnose()` after the two callouts and report its checks. */
  diagnose?: boolean;
  /**
   * Turn on MSAL's platform broker (none is present), with a handshake timeout longer than a
   * test: the flow finishes only if MSAL's extension handshake is answered without waiting.
   */
  platformBroker?: boolean;
}

/**
 * Inside the sandbox: an MSAL provider (LWS mode per `lws`) and a callout client; one callout
 * (silent SSO through the hidden iframe), then — after the API revoked the token — a second one
 * (401 → one refresh → retry). Only this function's text enters the sandbox.
 */
export async function sandboxedFlow(context: FlowContext): Promise<FlowReport> {
  const lib = sandboxLib();
  const broker = context.platformBroker ? { nativeBrokerHandshakeTimeout: 600_000 } : {};
  const provider = sandboxedMsal(
    context,
    { interaction: 'none', lws: context.lws, ...(context.platformBroker ? { platformBroker: true } : {}) },
    { iframeBridgeTimeout: context.iframeTimeoutMs, ...broker },
  );
  const callout = sandboxedOrdersClient(provider);
  const sources = tokenSources(callout);
  let retries = 0;
  callout.events.addEventListener('retry', () => {
    retries++;
  });
  const report = (bodies: unknown[], error?: unknown): FlowReport => ({
    detected: lib.detectLws(),
    bodies,
    sources,
    retries,
    account: provider.account?.username,
    createElementPatched: Object.hasOwn(document, 'createElement'),
    appendChildPatched: Object.hasOwn(document.body, 'appendChild'),
    broadcastChannelNative: /\[native code\]/.test(
      Function.prototype.toString.call(globalThis.BroadcastChannel),
    ),
    ...(error === undefined ? {} : { error: errorText(error) }),
  });
  try {
    const first = await callout('callout:Orders/orders?status=open').json();
    context.expireToken();
    const second = await callout('callout:Orders/orders/42').json();
    const diagnosis = context.diagnose ? await callout.diagnose({ timeout: 3000 }) : undefined;
    callout.dispose();
    const checks = diagnosis?.checks.map((c) => `${c.id} ${c.provider ?? c.credential ?? '-'} ${c.status}`);
    return { ...report([first, second]), ...(checks ? { checks } : {}) };
  } catch (error) {
    callout.dispose();
    return report([], error);
  }
}

/** What the sandboxed sign-in flow reports back. */
export interface SignInReport {
  firstError: string | undefined;
  linkHref: string;
  account: string | undefined;
  body: unknown;
  sources: string[];
  error?: string;
  /** The failed sign-in's code and hint, and whether the library says a sign-in fixes it. */
  errorCode?: string;
  hint?: string;
  needsSignIn?: boolean;
  /** After a failed sign-in, diagnose()'s third-party-cookies check: status and hint. */
  cookiesCheck?: string;
}

/**
 * Inside the sandbox: no Azure AD session, so the first callout needs the user. The component
 * shows the provider's sign-in link; once the sign-in page (outside LWS) hands the sign-in back,
 * `signIn()` resolves and the callout succeeds.
 */
export async function sandboxedSignIn(context: SignInContext): Promise<SignInReport> {
  const provider = sandboxedMsal(context, {
    interaction: 'popup',
    signInPage: context.signInPage,
    ...(context.signInTimeout === undefined ? {} : { signInTimeout: context.signInTimeout }),
  });
  const callout = sandboxedOrdersClient(provider);
  const sources = tokenSources(callout);
  let firstError: string | undefined;
  let linkHref = '';
  try {
    try {
      await callout('callout:Orders/orders').json();
    } catch (error) {
      firstError = (error as { code?: string }).code;
    }
    const link = document.createElement('a');
    link.href = provider.signInUrl() ?? '';
    link.target = '_blank';
    link.rel = 'opener';
    link.textContent = 'Sign in';
    context.container.appendChild(link);
    linkHref = link.href;
    const signedIn = provider.signIn();
    context.openSignInPage(link.href);
    const account = await signedIn;
    const body = await callout('callout:Orders/orders/7').json();
    callout.dispose();
    return { firstError, linkHref, account: account.username, body, sources };
  } catch (error) {
    const diagnosis = await callout.diagnose({ timeout: 3000 });
    const cookies = diagnosis.checks.find((c) => c.id === 'third-party-cookies' && c.provider === 'aad');
    callout.dispose();
    return {
      firstError,
      linkHref,
      cookiesCheck: `${cookies?.status}: ${cookies?.hint ?? cookies?.seen}`,
      account: undefined,
      body: undefined,
      sources,
      error: errorText(error),
      errorCode: (error as { code?: string }).code,
      hint: (error as { hint?: string }).hint,
      needsSignIn: sandboxLib().needsSignIn(error),
    };
  }
}
