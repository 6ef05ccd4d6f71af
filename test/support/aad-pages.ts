import { type AadError, describeAadError } from './aad-errors.js';

/** A user the emulated tenant knows. */
export interface AadUser {
  oid: string;
  username: string;
  name: string;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui,sans-serif;max-width:26rem;margin:3rem auto;color:#1b1b1b}
a.user{display:block;padding:.8rem 1rem;margin:.5rem 0;border:1px solid #8a8886;border-radius:4px;color:inherit;text-decoration:none}
a.user:hover{background:#f3f2f1}.error{color:#a4262c}</style></head><body>${body}</body></html>`;

/**
 * The emulator's interactive sign-in page ("Pick an account"): one link per user, each pointing
 * back at the authorize endpoint with `emulator_user` set, which signs that user in.
 */
export function signInPage(users: AadUser[], continueUrl: (user: AadUser) => string): string {
  const links = users
    .map(
      (user) =>
        `<a class="user" href="${escapeHtml(continueUrl(user))}"><strong>${escapeHtml(user.name)}</strong><br>${escapeHtml(user.username)}</a>`,
    )
    .join('');
  return page('Sign in to your account', `<h1>Pick an account</h1><p>Azure AD emulator</p>${links}`);
}

/** The error page Azure AD shows when it cannot redirect back (for example an unregistered redirect URI). */
export function errorPage(error: AadError): string {
  return page(
    'Sign in error',
    `<h1>Sorry, but we're having trouble signing you in.</h1><p class="error">${escapeHtml(describeAadError(error))}</p>`,
  );
}

/** An HTML response with `Cache-Control: no-store`. */
export function html(body: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * Redirects back to the app's `redirect_uri` with `values` (and the request's `state`) in the
 * query or the fragment: as `response_mode` asks (`query` or `fragment`), else as the identity
 * provider's default.
 */
export function redirectToApp(
  params: URLSearchParams,
  values: Record<string, string>,
  defaultMode: 'fragment' | 'query',
): Response {
  const answer = new URLSearchParams(values);
  const state = params.get('state');
  if (state) answer.set('state', state);
  const target = new URL(params.get('redirect_uri') ?? '');
  const mode = params.get('response_mode');
  const inQuery = mode === 'query' || (mode !== 'fragment' && defaultMode === 'query');
  if (inQuery) target.search = answer.toString();
  else target.hash = answer.toString();
  return new Response(null, { status: 302, headers: { location: target.href, 'cache-control': 'no-store' } });
}
