import { expect } from '@open-wc/testing';
import { crossOrigin, expectSilentSsoThenOneRefresh, type LwsScenario, startLwsScenario } from './lws-aad.js';
import { type FlowContext, type FlowReport, sandboxedFlow, sandboxedSignIn } from './lws-flow-sandboxed.js';
import { type LwsLoadMode, loadStaticResource, redirectPath, runInSandbox } from './lws-sandbox.js';
import { signInThroughPage } from './lws-sign-in-page.js';
import { msalIframesIn, recordShadowRoots } from './shadow-roots.js';

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

/**
 * Runs the sandboxed flow for `s` (redirect page: the harness's, adaptations: `auto`, MSAL's
 * iframe wait: 10 s, the API revoking the token between the two callouts) with `overrides`.
 */
function runFlow(s: LwsScenario, overrides: Partial<FlowContext> = {}): Promise<FlowReport> {
  return runInSandbox(sandboxedFlow, {
    clientId: s.clientId,
    redirectUri: new URL(redirectPath, location.href).href,
    msalAuth: s.msalAuth,
    lws: 'auto',
    iframeTimeoutMs: 10_000,
    expireToken: () => s.api.revokeAll(),
    ...overrides,
  } satisfies FlowContext);
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
      const flow = await runFlow(s);
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
      expectSilentSsoThenOneRefresh(s, authorize);
      // MSAL's hidden iframe ran with an opaque origin (no allow-same-origin), in a closed shadow
      // root of the provider's: never in <body>, where other namespaces could find it.
      expect(frames.hidden).to.deep.equal(['allow-scripts allow-forms']);
      expect(frames.inBody).to.deep.equal([]);
      // The adaptations did not outlive the call.
      expect(flow.createElementPatched).to.equal(false);
      expect(flow.appendChildPatched).to.equal(false);
      expect(flow.broadcastChannelNative).to.equal(true);
    });

    it('runs the same flow with platformBroker on and no broker: MSAL looks for it without waiting, and nothing else changes', async () => {
      const s = await startLwsScenario();
      const flow = await runFlow(s, { platformBroker: true });
      const authorize = await s.authorizeCounters();
      expect(flow.error).to.equal(undefined);
      expect(flow.sources).to.deep.equal(['sso-silent', 'store', 'refresh']);
      expectSilentSsoThenOneRefresh(s, authorize);
    });

    it('checks its setup inside the sandbox: the adaptations, the redirect page, and CSP it cannot watch', async () => {
      const s = await startLwsScenario();
      const flow = await runFlow(s, { diagnose: true });
      expect(flow.error).to.equal(undefined);
      expect(flow.checks).to.include.members([
        'lws - ok',
        'lws aad warn', // Adaptations active; no sign-in page in this flow.
        'redirect-page aad ok',
        'msal-cache aad ok',
        'platform-broker aad skip', // MSAL's detection is not run inside the sandbox.
        'token-audience Orders ok',
        'cors-authorization Orders ok',
      ]);
      // LWS refuses a securitypolicyviolation listener, gated or not; the page here is top-level.
      expect(flow.checks).to.include.members(['csp - skip', 'third-party-cookies - skip']);
    });

    it('ignores forged answers posted from MSAL’s own iframe and signs in with the genuine one', async () => {
      const s = await startLwsScenario();
      const flow = await runFlow(s, {
        redirectUri: new URL('/__lws-test/redirect-forge-first.html', location.href).href,
        expireToken: () => {},
      });
      expect(flow.error).to.equal(undefined);
      expect(flow.sources).to.deep.equal(['sso-silent', 'store']);
      expect((await s.authorizeCounters()).codesRedeemed).to.equal(1);
      expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
    });

    it('never redeems a code or calls the API when only forged answers arrive', async () => {
      const s = await startLwsScenario();
      const flow = await runFlow(s, {
        redirectUri: new URL('/__lws-test/redirect-forge-only.html', location.href).href,
        iframeTimeoutMs: 1_000,
        expireToken: () => {},
      });
      expect(flow.error).to.match(/^CalloutError: .*timed_out/);
      expect(flow.sources).to.deep.equal([]);
      expect((await s.authorizeCounters()).silentAuthorize).to.equal(1);
      expect((await s.authorizeCounters()).codesRedeemed).to.equal(0);
      expect(s.aad.counters.token).to.equal(0);
      expect(s.api.counters.requests).to.equal(0);
    });

    it('signs in without popups through the sign-in page, which hands the sign-in back to the sandbox', async () => {
      const s = await startLwsScenario({ aad: { session: null } });
      // The user's click on the link: a new top-level tab, outside LWS and unframed.
      const { report: flow, signInPage, tabs, authorize } = await signInThroughPage(s, sandboxedSignIn);
      const [tab] = tabs;
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

    it('ends a waiting sign-in at once with third_party_cookies_required, which no sign-in fixes, when the browser keeps the session the sign-in page made from the hidden frame', async () => {
      const s = await startLwsScenario({ aad: { session: null }, thirdPartyCookiesBlocked: true });
      // An hour-long signInTimeout: a sign-in that settles within the test's time did not run it out.
      const {
        report: flow,
        tabs,
        authorize,
      } = await signInThroughPage(s, sandboxedSignIn, {
        signInTimeout: 3_600_000,
      });
      expect(tabs.map((tab) => tab.state)).to.deep.equal(['signed-in']);
      expect(flow.firstError).to.equal('login_required');
      expect(flow.errorCode).to.equal('third_party_cookies_required');
      expect(flow.needsSignIn).to.equal(false);
      expect(flow.error).to.contain('the sign-in page announced a sign-in');
      expect(flow.hint)
        .to.contain(`third-party cookies for ${new URL(crossOrigin()).hostname}`)
        .and.contain("org's Lightning domain")
        .and.contain('signing in again cannot help');
      // Check setup says the same: no "sign in from a click", which cannot work here.
      expect(flow.cookiesCheck).to.match(
        /^fail: Under Lightning Web Security the hidden frame is the only way/,
      );
      expect(flow.account).to.equal(undefined);
      // One interactive sign-in (the page's, whose code it redeemed), two hidden frames that found no session.
      expect(authorize.signInPage).to.equal(1);
      expect(authorize.silentAuthorize).to.equal(2);
      expect(authorize.codesRedeemed).to.equal(1);
      expect(authorize.session).to.equal('jane@contoso.com');
      // No call reached the API with a token; its one request is diagnose()'s probe.
      expect(s.api.counters.authorized).to.equal(0);
      expect(s.api.counters.requests).to.equal(1);
    });

    it('fails to sign in with the adaptations turned off, so the sandbox really breaks stock MSAL', async () => {
      const s = await startLwsScenario();
      const flow = await runFlow(s, { lws: false, iframeTimeoutMs: 1_000 });
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
