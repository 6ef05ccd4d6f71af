/**
 * The code the elements suite (lws-elements-suite.ts) runs inside the LWS sandbox. Each
 * `sandboxed…` function is evaluated there as text: it must stay self-contained (no closures, no
 * imports but the sandbox kit's helpers), so it lives apart from the host-side test code.
 */
import {
  errorText,
  msalElement,
  ordersCredentialElement,
  type SandboxedApp,
  type SignInContext,
  sandboxLib,
  tokenSources,
} from './lws-sandbox-kit.js';

/** Context handed into the sandbox to mount the elements. */
export interface ElementsContext extends SandboxedApp {
  /** The host-provided container the sandboxed code mounts into (LWS blocks body.append). */
  container: HTMLElement;
  /** Called from inside the sandbox between the two callouts: the API starts rejecting the token. */
  expireToken: () => void;
}

/** What the sandboxed elements report back (read by the sandboxed code through Lit's `renderRoot`). */
export interface ElementsReport {
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
export async function sandboxedElements(context: ElementsContext): Promise<ElementsReport> {
  const lib = sandboxLib();
  const callout = lib.createCallout({ providers: {}, crossTab: false });
  const sources = tokenSources(callout);
  const msal = msalElement(context, { interaction: 'none' }, { iframeBridgeTimeout: 10_000 });
  const credential = ordersCredentialElement();
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
      error: errorText(error),
    };
  } finally {
    for (const element of elements) element.remove();
    callout.dispose();
  }
}

/** One sign-in link as the sandboxed code found it in an element's closed shadow root. */
export interface FoundLink {
  href: string;
  target: string;
  rel: string;
  text: string;
}

/** What the sandboxed sign-in through the elements reports back. */
export interface SignInReport {
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
export async function sandboxedElementSignIn(context: SignInContext): Promise<SignInReport> {
  const callout = sandboxLib().createCallout({ providers: {}, crossTab: false });
  const sources = tokenSources(callout);
  const msal = msalElement(context, { 'sign-in-page': context.signInPage });
  const credential = ordersCredentialElement();
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
      error: errorText(error),
    };
  } finally {
    for (const element of elements) element.remove();
    callout.dispose();
  }
}
