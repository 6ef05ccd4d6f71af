import { expect } from '@open-wc/testing';
import type { CalloutResponseDetail } from '../../components/callout-get/callout-get.js';
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

/** Where the harness serves the static resource's redirect page. */
const redirectPath = '/__lws/redirect.html';

/** Context handed into the sandbox to mount the elements. */
interface ElementsContext {
  clientId: string;
  redirectUri: string;
  msalAuth: LwsScenario['msalAuth'];
  /** The host-provided container the sandboxed code mounts into (LWS blocks body.append). */
  container: HTMLElement;
  /** Called from inside the sandbox between the two callouts: the API starts rejecting the token. */
  expireToken: () => void;
}

/** What the sandboxed elements report back (read by the sandboxed code through Lit's `renderRoot`). */
interface ElementsReport {
  /** The static resource's default shadow root mode. */
  shadowMode: string;
  /** `element.shadowRoot === null` for each element, as the sandbox sees it. */
  closedRoots: boolean[];
  /** `<callout-get>`'s `state` after each callout. */
  states: string[];
  /** `<callout-get>`'s rendered text (its closed shadow root) after each callout. */
  texts: string[];
  /** `aria-busy` of `<callout-get>`'s base after each callout: its bindings survived LWS's sanitizer. */
  busy: (string | null)[];
  /** Token sources, in order, from the client's `token` events. */
  sources: string[];
  /** `<callout-log>`'s timeline: kind and summary of each entry. */
  log: { kind: string; summary: string }[];
  /** `<callout-log>`'s rendered text (its closed shadow root). */
  logText: string;
  error?: string;
}

/**
 * Inside the sandbox: mounts `<callout-msal>`, `<callout-credential>`, `<callout-get>` and
 * `<callout-log>` (from the static resource, closed shadow roots) into the host's container, all
 * on one fresh client. `<callout-get>` runs by itself once its provider and credential are
 * registered (silent SSO); after the API revoked the token, `refresh()` runs it again (401 → one
 * refresh → retry). Only this function's text enters the sandbox.
 */
async function sandboxedElements(context: ElementsContext): Promise<ElementsReport> {
  const lib = (globalThis as unknown as { ssoCallout: SsoCalloutGlobal }).ssoCallout;
  const callout = lib.createCallout({ providers: {}, crossTab: false });
  const sources: string[] = [];
  callout.events.addEventListener('token', (event) => sources.push(event.detail.source));
  const msal = document.createElement('callout-msal');
  msal.id = 'aad';
  msal.setAttribute('client-id', context.clientId);
  msal.setAttribute('login-hint', 'jane@contoso.com');
  msal.setAttribute('redirect-uri', context.redirectUri);
  msal.setAttribute('interaction', 'none');
  msal.setAttribute('cache', 'memory');
  msal.msal = {
    auth: { clientId: context.clientId, ...context.msalAuth },
    system: { iframeBridgeTimeout: 10_000 },
  };
  const credential = document.createElement('callout-credential');
  credential.setAttribute('name', 'Orders');
  credential.setAttribute('provider', 'aad');
  credential.setAttribute('url', 'https://api.contoso.test/v1/');
  credential.setAttribute('scopes', 'api://orders/Orders.Read');
  const get = document.createElement('callout-get');
  get.setAttribute('credential', 'Orders');
  get.setAttribute('path', 'orders/42');
  const log = document.createElement('callout-log');
  const elements = [msal, credential, get, log];
  for (const element of elements) element.callout = callout;
  const states: string[] = [];
  const texts: string[] = [];
  const busy: (string | null)[] = [];
  const snapshot = async () => {
    await get.updateComplete;
    states.push(get.state);
    texts.push(get.renderRoot.textContent ?? '');
    busy.push(get.renderRoot.querySelector('[part~="base"]')?.getAttribute('aria-busy') ?? null);
  };
  try {
    const first = new Promise<void>((resolve, reject) => {
      get.addEventListener('callout-response', () => resolve(), { once: true });
      get.addEventListener('callout-error', (event) => reject(event.detail.error), { once: true });
    });
    for (const element of elements) context.container.appendChild(element);
    await first;
    await snapshot();
    context.expireToken();
    await get.refresh();
    await snapshot();
    await log.updateComplete;
    return {
      shadowMode: lib.shadowMode,
      closedRoots: elements.map((element) => element.shadowRoot === null),
      states,
      texts,
      busy,
      sources,
      log: log.log.map((entry) => ({ kind: entry.kind, summary: entry.summary })),
      logText: log.renderRoot.textContent ?? '',
    };
  } catch (error) {
    return {
      shadowMode: lib.shadowMode,
      closedRoots: [],
      states,
      texts,
      busy,
      sources,
      log: [],
      logText: '',
      error: `${(error as Error).name}: ${(error as Error).message}`,
    };
  } finally {
    for (const element of elements) element.remove();
    callout.dispose();
  }
}

/** Context handed into the sandbox for the sign-in through the sign-in page. */
interface SignInContext {
  clientId: string;
  redirectUri: string;
  signInPage: string;
  msalAuth: LwsScenario['msalAuth'];
  container: HTMLElement;
  /** Stands in for the browser following the link: opens the sign-in page (outside LWS). */
  openSignInPage: (href: string) => void;
}

/** One sign-in link as the sandboxed code found it in an element's closed shadow root. */
interface FoundLink {
  href: string;
  target: string;
  rel: string;
  text: string;
}

/** What the sandboxed sign-in through the elements reports back. */
interface SignInReport {
  /** `<callout-get>`'s first error code. */
  firstError: string | undefined;
  /** The sign-in links of `<callout-get>` and `<callout-login>`. */
  links: (FoundLink | undefined)[];
  /** Sign-in `<button>`s rendered by the two elements (there must be none under LWS). */
  buttons: number;
  /** `<callout-login>`'s state and message: before, right after the click, after the hand-back. */
  loginStates: string[];
  loginMessages: string[];
  /** `<callout-get>`'s state and rendered text after the hand-back. */
  state: string;
  text: string;
  sources: string[];
  error?: string;
}

/**
 * Inside the sandbox, with no Azure AD session: `<callout-get>` fails with `login_required`, and
 * both it and `<callout-login>` render the provider's sign-in page as a link. The user's click on
 * `<callout-login>`'s link opens the page (in a new tab, through the host); the page hands
 * the sign-in back and `<callout-get>` resumes by itself. Only this function's text enters the
 * sandbox.
 */
async function sandboxedElementSignIn(context: SignInContext): Promise<SignInReport> {
  const lib = (globalThis as unknown as { ssoCallout: SsoCalloutGlobal }).ssoCallout;
  const callout = lib.createCallout({ providers: {}, crossTab: false });
  const sources: string[] = [];
  callout.events.addEventListener('token', (event) => sources.push(event.detail.source));
  const msal = document.createElement('callout-msal');
  msal.id = 'aad';
  msal.setAttribute('client-id', context.clientId);
  msal.setAttribute('login-hint', 'jane@contoso.com');
  msal.setAttribute('redirect-uri', context.redirectUri);
  msal.setAttribute('sign-in-page', context.signInPage);
  msal.setAttribute('cache', 'memory');
  msal.msal = { auth: { clientId: context.clientId, ...context.msalAuth } };
  const credential = document.createElement('callout-credential');
  credential.setAttribute('name', 'Orders');
  credential.setAttribute('provider', 'aad');
  credential.setAttribute('url', 'https://api.contoso.test/v1/');
  credential.setAttribute('scopes', 'api://orders/Orders.Read');
  const login = document.createElement('callout-login');
  const get = document.createElement('callout-get');
  get.setAttribute('credential', 'Orders');
  get.setAttribute('path', 'orders/7');
  const elements = [msal, credential, login, get];
  for (const element of elements) element.callout = callout;
  const findLink = (root: ParentNode): HTMLAnchorElement | null =>
    root.querySelector('a[part~="sign-in-link"]');
  const describe = (link: HTMLAnchorElement | null): FoundLink | undefined =>
    link
      ? { href: link.href, target: link.target, rel: link.rel, text: (link.textContent ?? '').trim() }
      : undefined;
  const loginStates: string[] = [];
  const loginMessages: string[] = [];
  const snapshotLogin = async () => {
    await login.updateComplete;
    loginStates.push(login.state);
    loginMessages.push((login.renderRoot.querySelector('[part~="message"]')?.textContent ?? '').trim());
  };
  let firstError: string | undefined;
  try {
    const failed = new Promise<void>((resolve) => {
      get.addEventListener(
        'callout-error',
        (event) => {
          firstError = (event.detail.error as { code?: string }).code;
          resolve();
        },
        { once: true },
      );
    });
    for (const element of elements) context.container.appendChild(element);
    await failed;
    await get.updateComplete;
    await snapshotLogin();
    const links = [findLink(get.renderRoot), findLink(login.renderRoot)];
    const buttons =
      get.renderRoot.querySelectorAll('button[part~="sign-in-button"]').length +
      login.renderRoot.querySelectorAll('button[part~="sign-in-button"]').length;
    const resumed = new Promise<void>((resolve) => {
      get.addEventListener('callout-response', () => resolve(), { once: true });
    });
    const loginLink = links[1];
    if (!loginLink) throw new Error('<callout-login> rendered no sign-in link');
    // The browser opens a new tab; the host opens it through the harness, which can count its requests.
    loginLink.addEventListener('click', (event) => {
      event.preventDefault();
      context.openSignInPage(loginLink.href);
    });
    loginLink.click();
    await snapshotLogin();
    await resumed;
    await get.updateComplete;
    await snapshotLogin();
    return {
      firstError,
      links: links.map(describe),
      buttons,
      loginStates,
      loginMessages,
      state: get.state,
      text: get.renderRoot.textContent ?? '',
      sources,
    };
  } catch (error) {
    return {
      firstError,
      links: [],
      buttons: 0,
      loginStates,
      loginMessages,
      state: get.state,
      text: '',
      sources,
      error: `${(error as Error).name}: ${(error as Error).message}`,
    };
  } finally {
    for (const element of elements) element.remove();
    callout.dispose();
  }
}

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
      expect(authorize.silentAuthorize).to.equal(1);
      expect(authorize.codesRedeemed).to.equal(1);
      expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
      expect(s.aad.counters.refreshTokenGrants).to.equal(1);
      expect(s.aad.counters.token).to.equal(2);
      expect(s.api.counters.requests).to.equal(3);
      expect(s.api.counters.rejected).to.equal(1);
      expect(s.api.counters.authorized).to.equal(2);
    });
    it('offers the sign-in page as a real link in <callout-login> and <callout-get>, and resumes the callout after the hand-back', async () => {
      const s = await startLwsScenario({ aad: { session: null } });
      const container = document.createElement('div');
      document.body.appendChild(container);
      const signInPage = await serveSignInPage(scenarioSignInSettings(s, ['api://orders/Orders.Read']));
      const tabs: Promise<SignInTabReport>[] = [];
      const report = await runInSandbox(sandboxedElementSignIn, {
        clientId: s.clientId,
        redirectUri: new URL(redirectPath, location.href).href,
        signInPage,
        msalAuth: s.msalAuth,
        container,
        // The browser following the link: a new top-level tab, outside LWS and unframed.
        openSignInPage: (href) => {
          tabs.push(openSignInTab({ href, ...scenarioHosts(s) }));
        },
      } satisfies SignInContext);
      // The host page sees neither link: both live in closed shadow roots.
      expect(container.querySelector('a')).to.equal(null);
      container.remove();
      const [tab] = await Promise.all(tabs);
      const authorize = await s.authorizeCounters();
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
  });
}
