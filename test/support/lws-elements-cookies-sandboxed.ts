/**
 * The code the elements suite (lws-elements-suite.ts) runs inside the LWS sandbox for a browser
 * that blocks third-party cookies. Evaluated there as text: self-contained (no closures, no
 * imports but the sandbox kit's helpers).
 */
import {
  errorText,
  msalElement,
  ordersCredentialElement,
  type SignInContext,
  sandboxLib,
} from './lws-sandbox-kit.js';

/** What `<callout-get>`'s error panel offered, as the sandboxed code found it in its closed root. */
export interface PanelReport {
  code: string | undefined;
  /** The end user's sentence. */
  message: string;
  signInLinks: number;
  signInButtons: number;
  retryButtons: number;
}

/** What the sandboxed sign-in in a browser that blocks third-party cookies reports back. */
export interface CookiesRequiredReport {
  /** `<callout-get>`'s panel before the sign-in page was opened, and after the retry. */
  before?: PanelReport;
  after?: PanelReport;
  /** The code the waiting `signIn()` ended with. */
  signInError: string | undefined;
  /** Whether the library says a sign-in fixes the error `<callout-get>` shows after the retry. */
  needsSignIn: boolean | undefined;
  error?: string;
}

/**
 * Inside the sandbox, with no Azure AD session the hidden frame can see: `<callout-get>` fails
 * and offers the sign-in link; the user follows it (the page signs in, first-party) while
 * `signIn()` waits; the hand-back's frame still finds no session, so `signIn()` ends, and the
 * user's "Retry" meets the same wall. Reports the panel before and after. Only this function's
 * text enters the sandbox.
 */
export async function sandboxedCookiesRequired(context: SignInContext): Promise<CookiesRequiredReport> {
  const lib = sandboxLib();
  const callout = lib.createCallout({ providers: {}, crossTab: false });
  const msal = msalElement(context, { 'sign-in-page': context.signInPage });
  const credential = ordersCredentialElement();
  const get = document.createElement('callout-get');
  get.setAttribute('credential', 'Orders');
  get.setAttribute('path', 'orders/7');
  const elements = [msal, credential, get];
  for (const element of elements) element.callout = callout;
  const panel = async (): Promise<PanelReport> => {
    await get.updateComplete;
    const root = get.renderRoot;
    return {
      code: (get.error as { code?: string } | undefined)?.code,
      message: (root.querySelector('[part~="error-message"]')?.textContent ?? '').trim(),
      signInLinks: root.querySelectorAll('a[part~="sign-in-link"]').length,
      signInButtons: root.querySelectorAll('button[part~="sign-in-button"]').length,
      retryButtons: root.querySelectorAll('button[part~="retry-button"]').length,
    };
  };
  const report: CookiesRequiredReport = { signInError: undefined, needsSignIn: undefined };
  try {
    const failed = new Promise<void>((resolve) => {
      get.addEventListener('callout-error', () => resolve(), { once: true });
    });
    for (const element of elements) context.container.appendChild(element);
    await failed;
    report.before = await panel();
    const link = get.renderRoot.querySelector<HTMLAnchorElement>('a[part~="sign-in-link"]');
    if (!link) throw new Error('<callout-get> rendered no sign-in link');
    const waiting = callout.signIn('aad').then(
      () => undefined,
      (error: unknown) => (error as { code?: string }).code,
    );
    context.openSignInPage(link.href);
    report.signInError = await waiting;
    await get.refresh();
    report.after = await panel();
    report.needsSignIn = lib.needsSignIn(get.error);
    return report;
  } catch (error) {
    return { ...report, error: errorText(error) };
  } finally {
    for (const element of elements) element.remove();
    callout.dispose();
  }
}
