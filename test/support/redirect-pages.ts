import { HttpResponse, http, type RequestHandler } from 'msw';

/**
 * Redirect pages set up wrong, on the page's own origin (MSW answers same-origin fetches and frame
 * navigations), for the `redirect-page` check of `diagnose()` and the demo. The right one is the
 * test server's `/redirect.html` (sso-callout's redirect bridge, no COOP, `no-store`).
 */
export const redirectPages = {
  /** The redirect bridge, sent with `Cross-Origin-Opener-Policy: same-origin`. */
  coop: `${location.origin}/__pages/redirect-coop.html`,
  /** The redirect bridge, sent with `X-Frame-Options: DENY`. */
  unframeable: `${location.origin}/__pages/redirect-deny.html`,
  /** Nothing there: 404. */
  missing: `${location.origin}/__pages/redirect-missing.html`,
  /** The app's own page, which never relays an answer. */
  appPage: `${location.origin}/__pages/app.html`,
  /** The redirect bridge without `Cache-Control: no-store`. */
  cached: `${location.origin}/__pages/redirect-cached.html`,
} as const;

/** The HTML of sso-callout's redirect page, as an app serves it. */
const bridge =
  '<!doctype html><meta charset="utf-8"><title>Signing in…</title><script type="module">import "/src/redirect.ts";</script>';
const appPage = '<!doctype html><meta charset="utf-8"><title>Orders</title><h1>Orders</h1>';

const html = (body: string, headers: Record<string, string> = {}, status = 200) =>
  new HttpResponse(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

/** The MSW handlers serving {@link redirectPages}. */
export const redirectPageHandlers: RequestHandler[] = [
  http.get(redirectPages.coop, () =>
    html(bridge, { 'cross-origin-opener-policy': 'same-origin', 'cache-control': 'no-store' }),
  ),
  http.get(redirectPages.unframeable, () =>
    html(bridge, { 'x-frame-options': 'DENY', 'cache-control': 'no-store' }),
  ),
  http.get(redirectPages.missing, () => html('<!doctype html><title>Not found</title>', {}, 404)),
  http.get(redirectPages.appPage, () => html(appPage, { 'cache-control': 'no-store' })),
  http.get(redirectPages.cached, () => html(bridge, { 'cache-control': 'max-age=3600' })),
];
