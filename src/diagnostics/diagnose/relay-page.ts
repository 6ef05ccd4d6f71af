/**
 * The check of a relay page — the page on the app's origin where the identity provider's answer
 * lands in a hidden frame or popup and is handed back (MSAL's redirect page, the OpenID Connect
 * callback page): on this origin, answering 200 with HTML that may be framed and sends no COOP,
 * and the right page, which says so when framed (providers/page-hello.ts).
 */
import type { DiagnosisCheck, DiagnosisCheckId, ProviderDiagnosisContext } from '../diagnosis.js';
import { check } from './catalog.js';
import { isFailure, probe } from './probe.js';

/** What in a relay page's headers stops the answer from coming back. */
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
 * Loads `url` in a hidden frame and waits for one of sso-callout's relay pages to say it runs
 * there: resolves with the hello's `type` and version, or `undefined` after `timeout`.
 */
function frameHello(
  url: string,
  context: ProviderDiagnosisContext,
): Promise<{ type: string; version: string } | undefined> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    const finish = (hello: { type: string; version: string } | undefined): void => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      context.signal.removeEventListener('abort', onAbort);
      frame.remove();
      resolve(hello);
    };
    const onMessage = (event: MessageEvent<unknown>): void => {
      const data = event.data as { type?: unknown; version?: unknown } | null;
      if (event.source !== frame.contentWindow || typeof data?.type !== 'string') return;
      if (!data.type.startsWith('sso-callout:')) return;
      finish({ type: data.type.slice(0, 60), version: String(data.version).slice(0, 40) });
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

/** What {@link relayPageCheck} checks, and how it words it. */
export interface RelayPage {
  /** The check's id: `redirect-page`, `oidc-callback-page`. */
  id: DiagnosisCheckId;
  /** The page's URL (relative to this page). */
  url: string;
  /** The hello `type` the right page posts. */
  helloType: string;
  /** What the page is called in the report: `redirect page`, `callback page`. */
  label: string;
  /** The hint of a failure: how to serve the page. */
  fix: string;
  /** The hint when the page is on another origin. */
  originHint: string;
  /** The hint when the page loads but does not say it is the right page. */
  unknownHint: string;
  /** A Salesforce static resource, whose caching is Salesforce's to set: no cache finding. */
  staticResource?: boolean;
}

/**
 * The check of `page`: fails a page on another origin, one that does not answer 200, redirects,
 * sends COOP, cannot be framed or is not HTML, and another of sso-callout's relay pages than the
 * right one; warns about a page that does not say which it is within the timeout (the app's own
 * page, or a third-party bridge) and about a page that may be cached.
 */
export async function relayPageCheck(
  page: RelayPage,
  context: ProviderDiagnosisContext,
): Promise<DiagnosisCheck> {
  const { id, label, fix } = page;
  const extra = { provider: context.name };
  const url = new URL(page.url, globalThis.location.href);
  const fail = (seen: string, hint = fix) => check(id, 'fail', seen, { ...extra, hint });
  if (url.origin !== globalThis.location.origin) {
    return fail(
      `${url.href} is on ${url.origin}, not on this page's origin ${globalThis.location.origin}`,
      page.originHint,
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
    const seen = `${url.href} loads, but did not say it is sso-callout's ${label} within ${context.timeout} ms`;
    return check(id, 'warn', seen, { ...extra, hint: `${page.unknownHint} ${fix}` });
  }
  if (hello.type !== page.helloType) {
    return fail(`${url.href} is another of sso-callout's pages (${hello.type}), not the ${label}`);
  }
  if (!page.staticResource && !/no-store/i.test(answer.headers.get('cache-control') ?? '')) {
    const seen = `${url.href} is the ${label} (sso-callout ${hello.version}), but may be cached (no Cache-Control: no-store)`;
    return check(id, 'warn', seen, { ...extra, hint: fix });
  }
  const seen = `${url.href} is the ${label} (sso-callout ${hello.version}), frameable, no COOP, not cached`;
  return check(id, 'ok', seen, extra);
}
