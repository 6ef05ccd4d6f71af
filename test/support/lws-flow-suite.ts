import { expect } from '@open-wc/testing';
import type { SsoCalloutGlobal } from '../../salesforce/sso-callout.js';
import { type LwsScenario, startLwsScenario } from './lws-aad.js';
import { type LwsLoadMode, loadStaticResource, runInSandbox } from './lws-sandbox.js';
import {
  openSignInTab,
  type SignInTabReport,
  scenarioHosts,
  scenarioSignInSettings,
  serveSignInPage,
} from './lws-sign-in-page.js';
import { msalIframesIn, recordShadowRoots } from './shadow-roots.js';

/** Where the harness serves the static resource's redirect page. */
const redirectPath = '/__lws/redirect.html';

/** What the sandboxed flow reports back. */
interface FlowReport {
  detected: boolean;
  bodies: unknown[];
  sources: string[];
  retries: number;
  account: string | undefined;
  createElementPatched: boolean;
  appendChildPatched: boolean;
  broadcastChannelNative: boolean;
  error?: string;
}

/** Context handed into the sandbox for one flow. */
interface FlowContext {
  clientId: string;
  redirectUri: string;
  msalAuth: LwsScenario['msalAuth'];
  lws: 'auto' | boolean;
  /** MSAL's wait for the hidden iframe's answer. */
  iframeTimeoutMs: number;
  /** Called from inside the sandbox between the two callouts: the API starts rejecting the token. */
  expireToken: () => void;
}

/**
 * Inside the sandbox: an MSAL provider (LWS mode per `lws`) and a callout client; one callout
 * (silent SSO through the hidden iframe), then — after the API revoked the token — a second one
 * (401 → one refresh → retry). Only this function's text enters the sandbox.
 */
async function sandboxedFlow(context: FlowContext): Promise<FlowReport> {
  const lib = (globalThis as unknown as { ssoCallout: SsoCalloutGlobal }).ssoCallout;
  const provider = lib.msalProvider({
    clientId: context.clientId,
    loginHint: 'jane@contoso.com',
    redirectUri: context.redirectUri,
    interaction: 'none',
    cache: 'memory',
    lws: context.lws,
    msal: {
      auth: { clientId: context.clientId, ...context.msalAuth },
      system: { iframeBridgeTimeout: context.iframeTimeoutMs },
    },
  });
  const callout = lib.createCallout({
    providers: { aad: provider },
    credentials: {
      Orders: { url: 'https://api.contoso.test/v1/', provider: 'aad', scopes: ['api://orders/Orders.Read'] },
    },
    crossTab: false,
  });
  const sources: string[] = [];
  let retries = 0;
  callout.events.addEventListener('token', (event) => sources.push(event.detail.source));
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
    ...(error === undefined ? {} : { error: `${(error as Error).name}: ${(error as Error).message}` }),
  });
  try {
    const first = await callout('callout:Orders/orders?status=open').json();
    context.expireToken();
    const second = await callout('callout:Orders/orders/42').json();
    callout.dispose();
    return report([first, second]);
  } catch (error) {
    callout.dispose();
    return report([], error);
  }
}

/** What the sandboxed sign-in flow reports back. */
interface SignInReport {
  firstError: string | undefined;
  linkHref: string;
  account: string | undefined;
  body: unknown;
  sources: string[];
  error?: string;
}

/** Context handed into the sandbox for the sign-in flow. */
interface SignInContext {
  clientId: string;
  redirectUri: string;
  signInPage: string;
  msalAuth: LwsScenario['msalAuth'];
  /** The host-provided container the sandboxed code renders into (LWS blocks body.append). */
  container: HTMLElement;
  /** Stands in for the user's click on the link: opens the sign-in page (outside LWS). */
  openSignInPage: (href: string) => void;
}

/**
 * Inside the sandbox: no Azure AD session, so the first callout needs the user. The component
 * shows the provider's sign-in link; once the sign-in page (outside LWS) hands the sign-in back,
 * `signIn()` resolves and the callout succeeds.
 */
async function sandboxedSignIn(context: SignInContext): Promise<SignInReport> {
  const lib = (globalThis as unknown as { ssoCallout: SsoCalloutGlobal }).ssoCallout;
  const provider = lib.msalProvider({
    clientId: context.clientId,
    loginHint: 'jane@contoso.com',
    redirectUri: context.redirectUri,
    interaction: 'popup',
    cache: 'memory',
    signInPage: context.signInPage,
    msal: { auth: { clientId: context.clientId, ...context.msalAuth } },
  });
  const callout = lib.createCallout({
    providers: { aad: provider },
    credentials: {
      Orders: { url: 'https://api.contoso.test/v1/', provider: 'aad', scopes: ['api://orders/Orders.Read'] },
    },
    crossTab: false,
  });
  const sources: string[] = [];
  callout.events.addEventListener('token', (event) => sources.push(event.detail.source));
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
    callout.dispose();
    return {
      firstError,
      linkHref,
      account: undefined,
      body: undefined,
      sources,
      error: `${(error as Error).name}: ${(error as Error).message}`,
    };
  }
}

/** Where MSAL's hidden iframes went: `<body>` itself, or a shadow root, with their `sandbox` attribute. */
interface MsalIframes {
  inBody: (string | null)[];
  hidden: (string | null)[];
}

/** Records every MSAL hidden iframe added to `<body>` and every one inside a shadow root. */
function watchMsalIframes(): { stop: () => MsalIframes } {
  const inBody: (string | null)[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof HTMLIFrameElement && node.classList.contains('msalSilentIframe')) {
          inBody.push(node.getAttribute('sandbox'));
        }
      }
    }
  });
  observer.observe(document.body, { childList: true });
  const shadow = recordShadowRoots();
  return {
    stop: () => {
      observer.disconnect();
      shadow.stop();
      return { inBody, hidden: msalIframesIn(shadow.roots).map((frame) => frame.getAttribute('sandbox')) };
    },
  };
}

/** The whole flow inside the real LWS sandbox, for one gate mode and one way of loading. */
export function describeLwsFlow(options: { gated: boolean; load: LwsLoadMode }): void {
  const mode = `${options.gated ? 'gated' : 'ungated'} LWS, loaded by ${options.load === 'script' ? '<script src>' : '$lockerEvalContext$ evaluation'}`;

  describe(`sso-callout inside the real LWS sandbox (${mode})`, () => {
    before(async () => {
      await loadStaticResource(options.load);
    });

    it('signs in silently, calls the API, and after a 401 refreshes once and retries once', async () => {
      const s = await startLwsScenario();
      const iframes = watchMsalIframes();
      const flow = await runInSandbox(sandboxedFlow, {
        clientId: s.clientId,
        redirectUri: new URL(redirectPath, location.href).href,
        msalAuth: s.msalAuth,
        lws: 'auto',
        iframeTimeoutMs: 10_000,
        expireToken: () => s.api.revokeAll(),
      } satisfies FlowContext);
      const frames = iframes.stop();
      const authorize = await s.authorizeCounters();
      expect(flow.error).to.equal(undefined);
      expect(flow.detected).to.equal(true);
      expect(flow.bodies).to.have.length(2);
      expect(flow.bodies[1]).to.deep.include({ user: 'jane@contoso.com', path: 'orders/42' });
      expect(flow.account).to.equal('jane@contoso.com');
      // Silent SSO, then the stored token for the second call, then the one refresh after its 401.
      expect(flow.sources).to.deep.equal(['sso-silent', 'store', 'refresh']);
      expect(flow.retries).to.equal(1);
      expect(authorize.silentAuthorize).to.equal(1);
      expect(authorize.codesRedeemed).to.equal(1);
      expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
      expect(s.aad.counters.refreshTokenGrants).to.equal(1);
      expect(s.aad.counters.token).to.equal(2);
      expect(s.api.counters.requests).to.equal(3);
      expect(s.api.counters.rejected).to.equal(1);
      expect(s.api.counters.authorized).to.equal(2);
      // MSAL's hidden iframe ran with an opaque origin (no allow-same-origin), in a closed shadow
      // root of the provider's: never in <body>, where other namespaces could find it.
      expect(frames.hidden).to.deep.equal(['allow-scripts allow-forms']);
      expect(frames.inBody).to.deep.equal([]);
      // The adaptations did not outlive the call.
      expect(flow.createElementPatched).to.equal(false);
      expect(flow.appendChildPatched).to.equal(false);
      expect(flow.broadcastChannelNative).to.equal(true);
    });

    it('ignores forged answers posted from MSAL’s own iframe and signs in with the genuine one', async () => {
      const s = await startLwsScenario();
      const flow = await runInSandbox(sandboxedFlow, {
        clientId: s.clientId,
        redirectUri: new URL('/__lws-test/redirect-forge-first.html', location.href).href,
        msalAuth: s.msalAuth,
        lws: 'auto',
        iframeTimeoutMs: 10_000,
        expireToken: () => {},
      } satisfies FlowContext);
      expect(flow.error).to.equal(undefined);
      expect(flow.sources).to.deep.equal(['sso-silent', 'store']);
      expect((await s.authorizeCounters()).codesRedeemed).to.equal(1);
      expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
    });

    it('never redeems a code or calls the API when only forged answers arrive', async () => {
      const s = await startLwsScenario();
      const flow = await runInSandbox(sandboxedFlow, {
        clientId: s.clientId,
        redirectUri: new URL('/__lws-test/redirect-forge-only.html', location.href).href,
        msalAuth: s.msalAuth,
        lws: 'auto',
        iframeTimeoutMs: 1_000,
        expireToken: () => {},
      } satisfies FlowContext);
      expect(flow.error).to.match(/^CalloutError: .*timed_out/);
      expect(flow.sources).to.deep.equal([]);
      expect((await s.authorizeCounters()).silentAuthorize).to.equal(1);
      expect((await s.authorizeCounters()).codesRedeemed).to.equal(0);
      expect(s.aad.counters.token).to.equal(0);
      expect(s.api.counters.requests).to.equal(0);
    });

    it('signs in without popups through the sign-in page, which hands the sign-in back to the sandbox', async () => {
      const s = await startLwsScenario({ aad: { session: null } });
      const container = document.createElement('div');
      document.body.appendChild(container);
      const signInPage = await serveSignInPage(scenarioSignInSettings(s, ['api://orders/Orders.Read']));
      const tabs: Promise<SignInTabReport>[] = [];
      const flow = await runInSandbox(sandboxedSignIn, {
        clientId: s.clientId,
        redirectUri: new URL(redirectPath, location.href).href,
        signInPage,
        msalAuth: s.msalAuth,
        container,
        // The user's click on the link: a new top-level tab, outside LWS and unframed.
        openSignInPage: (href) => {
          tabs.push(openSignInTab({ href, ...scenarioHosts(s) }));
        },
      } satisfies SignInContext);
      container.remove();
      const [tab] = await Promise.all(tabs);
      const authorize = await s.authorizeCounters();
      expect(flow.error).to.equal(undefined);
      expect(tabs).to.have.length(1);
      expect(tab?.state, tab?.text).to.equal('signed-in');
      expect(flow.firstError).to.equal('login_required');
      // The link names the page, the namespace and the user; no identity-provider setting.
      const link = new URL(flow.linkHref);
      expect(`${link.origin}${link.pathname}`).to.equal(signInPage);
      expect([...link.searchParams]).to.deep.equal([
        ['ns', 'c'],
        ['login_hint', 'jane@contoso.com'],
      ]);
      expect(flow.account).to.equal('jane@contoso.com');
      expect(flow.body).to.deep.include({ user: 'jane@contoso.com', path: 'orders/7' });
      // One interactive sign-in on the page; silent SSO before (failed) and after the hand-back.
      expect(authorize.signInPage).to.equal(1);
      expect(authorize.silentAuthorize).to.equal(2);
      expect(authorize.codesRedeemed).to.equal(2);
      expect(authorize.session).to.equal('jane@contoso.com');
      expect(s.api.counters.authorized).to.equal(1);
    });

    it('fails to sign in with the adaptations turned off, so the sandbox really breaks stock MSAL', async () => {
      const s = await startLwsScenario();
      const flow = await runInSandbox(sandboxedFlow, {
        clientId: s.clientId,
        redirectUri: new URL(redirectPath, location.href).href,
        msalAuth: s.msalAuth,
        lws: false,
        iframeTimeoutMs: 1_000,
        expireToken: () => s.api.revokeAll(),
      } satisfies FlowContext);
      expect(flow.error).to.match(/^CalloutError: /);
      expect(flow.bodies).to.deep.equal([]);
      expect(s.api.counters.authorized).to.equal(0);
      // Gated: setting allow-same-origin throws before any request. Ungated: the answer never
      // reaches MSAL's BroadcastChannel, or its account broadcast cannot be cloned.
      if (options.gated) expect(flow.error).to.contain('allow-same-origin');
      expect(s.api.counters.requests).to.equal(0);
    });
  });
}
