import { expect } from '@open-wc/testing';
import type { CalloutResponseDetail } from '../../components/callout-get/callout-get.js';
import { expectSilentSsoThenOneRefresh, startLwsScenario } from './lws-aad.js';
import { sandboxedCookiesRequired } from './lws-elements-cookies-sandboxed.js';
import { type ElementsContext, sandboxedElementSignIn, sandboxedElements } from './lws-elements-sandboxed.js';
import { type LwsLoadMode, loadStaticResource, redirectPath, runInSandbox } from './lws-sandbox.js';
import { signInThroughPage } from './lws-sign-in-page.js';

/** The `callout-*` elements inside the real LWS sandbox, for one gate mode and one way of loading. */
export function describeLwsElements(options: { gated: boolean; load: LwsLoadMode }): void {
  const mode = `${options.gated ? 'gated' : 'ungated'} LWS, loaded by ${options.load === 'script' ? '<script src>' : '$lockerEvalContext$ evaluation'}`;

  describe(`callout-* elements inside the real LWS sandbox (${mode})`, () => {
    before(async () => {
      await loadStaticResource(options.load);
    });

    it('renders the API data in <callout-get> after silent SSO, and after a 401 one refresh and one retry that <callout-log> records', async () => {
      const s = await startLwsScenario();
      const container = document.createElement('div');
      document.body.appendChild(container);
      const responses: CalloutResponseDetail[] = [];
      const hostRoots: (ShadowRoot | null)[] = [];
      container.addEventListener('callout-response', (event) => {
        responses.push(event.detail);
        hostRoots.push((event.target as HTMLElement).shadowRoot);
      });
      const report = await runInSandbox(sandboxedElements, {
        clientId: s.clientId,
        redirectUri: new URL(redirectPath, location.href).href,
        msalAuth: s.msalAuth,
        container,
        expireToken: () => s.api.revokeAll(),
      } satisfies ElementsContext);
      container.remove();
      const authorize = await s.authorizeCounters();
      expect(report.error).to.equal(undefined);
      // Closed shadow roots, by the static resource's default.
      expect(report.shadowMode).to.equal('closed');
      expect(report.closedRoots).to.deep.equal([true, true, true, true]);
      expect(hostRoots).to.deep.equal([null, null]);
      // The data, rendered inside <callout-get>'s closed root, both times.
      expect(report.states).to.deep.equal(['data', 'data']);
      expect(report.busy).to.deep.equal(['false', 'false']);
      for (const text of report.texts) {
        expect(text).to.contain('jane@contoso.com');
        expect(text).to.contain('orders/42');
      }
      // What the element fired, as the host page outside the sandbox receives it.
      expect(responses).to.have.length(2);
      for (const detail of responses) {
        expect(detail).to.deep.include({
          status: 200,
          credential: 'Orders',
          path: 'orders/42',
          method: 'GET',
        });
        expect(detail.data).to.deep.include({ user: 'jane@contoso.com', path: 'orders/42' });
      }
      // Silent SSO, the stored token for the second call, then the one refresh after its 401.
      expect(report.sources).to.deep.equal(['sso-silent', 'store', 'refresh']);
      const retries = report.log.filter((entry) => entry.kind === 'retry');
      expect(retries).to.have.length(1);
      expect(retries[0]?.summary).to.match(
        /^Retry GET https:\/\/api\.contoso\.test\/v1\/orders\/42 after 401/,
      );
      expect(report.logText).to.contain('token rejected, refreshed and retried');
      // Requests, counted at the identity provider and the API.
      expectSilentSsoThenOneRefresh(s, authorize);
    });
    it('offers the sign-in page as a real link in <callout-login> and <callout-get>, and resumes the callout after the hand-back', async () => {
      const s = await startLwsScenario({ aad: { session: null } });
      // The browser following the link: a new top-level tab, outside LWS and unframed.
      const { report, signInPage, container, tabs, authorize } = await signInThroughPage(
        s,
        sandboxedElementSignIn,
      );
      const [tab] = tabs;
      // The host page sees neither link: both live in closed shadow roots.
      expect(container.querySelector('a')).to.equal(null);
      expect(report.error).to.equal(undefined);
      expect(tab?.state, tab?.text).to.equal('signed-in');
      expect(report.firstError).to.equal('login_required');
      // A link, not a button that would call signIn() and meet window.open's null.
      expect(report.buttons).to.equal(0);
      expect(report.links).to.have.length(2);
      for (const link of report.links) {
        expect(link).to.not.equal(undefined);
        expect(link?.target).to.equal('_blank');
        expect(link?.rel).to.equal('noopener');
        expect(link?.text).to.equal('Sign in to continue');
        const href = new URL(link?.href ?? '');
        expect(`${href.origin}${href.pathname}`).to.equal(signInPage);
        // The namespace and the user only: the page's identity-provider settings are its build's.
        expect([...href.searchParams]).to.deep.equal([
          ['ns', 'c'],
          ['login_hint', 'jane@contoso.com'],
        ]);
      }
      expect(report.loginStates).to.deep.equal(['interaction-required', 'interaction-required', 'signed-in']);
      expect(report.loginMessages[1]).to.equal(
        'Finish signing in in the new tab; this page continues by itself.',
      );
      expect(tabs).to.have.length(1);
      // After the hand-back, <callout-get> ran again by itself and rendered the data.
      expect(report.state).to.equal('data');
      expect(report.text).to.contain('jane@contoso.com');
      expect(report.text).to.contain('orders/7');
      // The hand-back's silent sign-in filled MSAL's cache; the resumed callout's token came from it.
      expect(report.sources).to.deep.equal(['cache']);
      // One interactive sign-in on the page; silent SSO before (failed) and after the hand-back.
      expect(authorize.signInPage).to.equal(1);
      expect(authorize.silentAuthorize).to.equal(2);
      expect(authorize.codesRedeemed).to.equal(2);
      expect(s.api.counters.requests).to.equal(1);
      expect(s.api.counters.authorized).to.equal(1);
    });

    it('tells the user to allow third-party cookies, offering no sign-in, when the browser keeps the session the sign-in page made from the hidden frame', async () => {
      const s = await startLwsScenario({ aad: { session: null }, thirdPartyCookiesBlocked: true });
      const { report, tabs, authorize } = await signInThroughPage(s, sandboxedCookiesRequired, {
        signInTimeout: 3_600_000,
      });
      expect(report.error).to.equal(undefined);
      expect(tabs.map((tab) => tab.state)).to.deep.equal(['signed-in']);
      // Before: no session yet, so the sign-in link is the way on.
      expect(report.before).to.deep.include({ code: 'login_required', signInLinks: 1, signInButtons: 0 });
      // The waiting signIn() ended at once (an hour-long signInTimeout), and Retry met the same wall.
      expect(report.signInError).to.equal('third_party_cookies_required');
      expect(report.after).to.deep.equal({
        code: 'third_party_cookies_required',
        message:
          'Your browser blocks the cookies this sign-in needs. Allow third-party cookies for this site, or contact your administrator.',
        signInLinks: 0,
        signInButtons: 0,
        retryButtons: 1,
      });
      expect(report.needsSignIn).to.equal(false);
      // One interactive sign-in (the page's); three hidden frames (first run, hand-back, retry) found no session.
      expect(authorize.signInPage).to.equal(1);
      expect(authorize.silentAuthorize).to.equal(3);
      expect(authorize.codesRedeemed).to.equal(1);
      expect(s.api.counters.requests).to.equal(0);
    });
  });
}
