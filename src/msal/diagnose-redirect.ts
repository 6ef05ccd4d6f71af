import { check } from '../diagnostics/diagnose/catalog.js';
import { isFailure, probe } from '../diagnostics/diagnose/probe.js';
import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnostics/diagnosis.js';
import { redirectHelloType } from './redirect-hello.js';

/** What in the redirect page's headers stops MSAL's answer from coming back. */
function headerProblems(headers: Headers): string[] {
  const problems: string[] = [];
  const coop = headers.get('cross-origin-opener-policy');
  if (coop && coop.trim() !== 'unsafe-none') problems.push(`it sends Cross-Origin-Opener-Policy: ${coop}`);
  if (/deny/i.test(headers.get('x-frame-options') ?? '')) problems.push('it sends X-Frame-Options: DENY');
  if (/frame-ancestors\s+'none'/i.test(headers.get('content-security-policy') ?? ''))
    problems.push("its Content-Security-Policy says frame-ancestors 'none'");
  const type = headers.get('content-type') ?? '';
  if (!/text\/html/i.test(type)) problems.push(`it is not an HTML page (Content-Type: ${type || 'none'})`);
  return problems;
}

/**
 * Loads `url` in a hidden frame and waits for sso-callout's redirect page to say it runs there
 * (redirect-hello.ts): resolves with the version it names, or `undefined` after `timeout`.
 */
function frameHello(url: string, context: ProviderDiagnosisContext): Promise<string | undefined> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    const finish = (version: string | undefined): void => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      context.signal.removeEventListener('abort', onAbort);
      frame.remove();
      resolve(version);
    };
    const onMessage = (event: MessageEvent<unknown>): void => {
      const data = event.data as { type?: unknown; version?: unknown } | null;
      if (event.source !== frame.contentWindow || data?.type !== redirectHelloType) return;
      finish(String(data.version).slice(0, 40));
    };
    const onAbort = () => finish(undefined);
    const timer = setTimeout(() => finish(undefined), context.timeout);
    window.addEventListener('message', onMessage);
    context.signal.addEventListener('abort', onAbort);
    frame.src = url;
    try {
      document.body.appendChild(frame);
    } catch {
      finish(undefined); // A sandbox that refuses the frame: the page cannot be confirmed.
    }
  });
}

/**
 * The `redirect-page` check: the redirect URI is on this origin, answers 200 with an HTML page
 * that may be framed and sends no Cross-Origin-Opener-Policy (read from a GET of the page), and
 * is the redirect bridge: loaded in a hidden frame, sso-callout's redirect page says so. A page
 * that loads but does not say so may be MSAL's own bridge (a warning) or the app's own page.
 * A page that may be cached is a warning too, except for a `staticResource` (under LWS).
 */
export async function redirectPageCheck(
  redirectUri: string,
  context: ProviderDiagnosisContext,
  staticResource: boolean,
): Promise<DiagnosisCheck> {
  const extra = { provider: context.name };
  const url = new URL(redirectUri, globalThis.location.href);
  const fix = `Serve the redirect page (the sso-callout/redirect module) at ${url.href}: without Cross-Origin-Opener-Policy, frameable by this origin, with Cache-Control: no-store, registered as a "Single-page application" redirect URI.`;
  const fail = (seen: string, hint = fix) => check('redirect-page', 'fail', seen, { ...extra, hint });
  if (url.origin !== globalThis.location.origin) {
    return fail(
      `${url.href} is on ${url.origin}, not on this page's origin ${globalThis.location.origin}`,
      `MSAL takes the answer only on the page's own origin: serve the redirect page on ${globalThis.location.origin} and register that URL.`,
    );
  }
  const answer = await probe(url.href, { credentials: 'same-origin' }, context);
  if (isFailure(answer)) return fail(`GET ${url.href}: ${answer.message}`);
  if (answer.type === 'opaqueredirect')
    return fail(`${url.href} redirects elsewhere (a sign-in page? a missing file?)`);
  if (!answer.ok) return fail(`${url.href} answered ${answer.status}`);
  const problems = headerProblems(answer.headers);
  const hello = await frameHello(url.href, context);
  if (problems.length > 0) return fail(`${url.href}: ${problems.join('; ')}`);
  if (hello === undefined) {
    const seen = `${url.href} loads, but did not say it is sso-callout's redirect page within ${context.timeout} ms`;
    const hint = `If it runs MSAL's own bridge (broadcastResponseToMainFrame), all is well; if it is the app's page, point redirectUri at a page that only runs the bridge. ${fix}`;
    return check('redirect-page', 'warn', seen, { ...extra, hint });
  }
  // A Salesforce static resource's caching is Salesforce's to set (Public or Private): not a finding.
  if (!staticResource && !/no-store/i.test(answer.headers.get('cache-control') ?? '')) {
    const seen = `${url.href} is the redirect page (sso-callout ${hello}), but may be cached (no Cache-Control: no-store)`;
    return check('redirect-page', 'warn', seen, { ...extra, hint: fix });
  }
  return check(
    'redirect-page',
    'ok',
    `${url.href} is the redirect page (sso-callout ${hello}), frameable, no COOP, not cached`,
    extra,
  );
}
