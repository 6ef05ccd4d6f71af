// @ts-check
/**
 * A real cross-origin API for the CORS checks of `diagnose()`, as @web/test-runner middleware.
 * MSW cannot stand in for it: the browser neither preflights nor filters the headers of answers a
 * service worker makes up. The test page runs on `http://localhost:<port>` and reaches this as
 * `http://127.0.0.1:<port>/__cors/<id>/<mode>/…`, another origin, so the browser applies CORS
 * for real. `<id>` keeps each test's log apart; `<mode>` is how the API is set up:
 *
 * - `ok`: allows the origin and `Authorization` (preflight), answers 401 with `WWW-Authenticate`
 *   and exposes it and `Date`;
 * - `hide`: the same without `Access-Control-Expose-Headers` (the challenge is hidden);
 * - `no-authorization`: the preflight does not allow `Authorization`; plain GETs are allowed;
 * - `no-origin`: no CORS headers at all;
 * - `skewed`: like `ok`, with a `Date` ten minutes ahead;
 * - `redirect`: like `ok`, but GET answers 302 to another path;
 * - `wrong-issuer`: like `ok`, but the discovery document names another issuer.
 *
 * As an identity provider or token endpoint, under the same modes: `GET …/.well-known/openid-configuration`
 * answers a discovery document whose issuer is `…/__cors/<id>/<mode>` (its token endpoint
 * `…/token`), and `POST …/token` answers `400 invalid_request` (it redeems nothing).
 *
 * `GET /__cors-log/<id>` returns every request of `<id>`: method, mode, `Authorization`, path and body length.
 */

/** @type {Map<string, { method: string, mode: string, authorization: string | null, path: string, bodyLength: number }[]>} */
const logs = new Map();

/** @type {import('@web/dev-server-core').Middleware} */
export async function corsServer(context, next) {
  const log = /^\/__cors-log\/([\w-]{1,64})$/.exec(context.path);
  if (log) {
    context.body = logs.get(log[1] ?? '') ?? [];
    return;
  }
  const match = /^\/__cors\/([\w-]{1,64})\/([\w-]+)\//.exec(context.path);
  if (!match) return next();
  const [, id = '', mode = ''] = match;
  const entries = logs.get(id) ?? [];
  logs.set(id, entries);
  entries.push({
    method: context.method,
    mode,
    authorization: context.get('authorization') || null,
    path: context.path,
    bodyLength: Number(context.get('content-length') || 0),
  });
  const origin = context.get('origin');
  if (mode !== 'no-origin' && origin) {
    context.set('Access-Control-Allow-Origin', origin);
    context.set('Vary', 'Origin');
  }
  if (context.method === 'OPTIONS') {
    context.status = 204;
    if (mode !== 'no-authorization' && mode !== 'no-origin') {
      context.set('Access-Control-Allow-Headers', 'Authorization, X-Api-Key, Content-Type');
      context.set('Access-Control-Allow-Methods', 'GET, HEAD, POST');
    }
    return;
  }
  if (identityProvider(context, id, mode)) return;
  if (mode === 'ok' || mode === 'skewed' || mode === 'redirect')
    context.set('Access-Control-Expose-Headers', 'WWW-Authenticate, Date');
  if (mode === 'skewed') context.set('Date', new Date(Date.now() + 600_000).toUTCString());
  if (mode === 'redirect') {
    context.status = 302;
    context.set('Location', `/__cors/${id}/ok/elsewhere`);
    return;
  }
  if (mode === 'no-authorization' && !context.get('authorization')) {
    context.body = { public: true };
    return;
  }
  context.status = 401;
  context.set('WWW-Authenticate', 'Bearer error="invalid_token", error_description="The token is not valid"');
  context.body = { error: 'invalid_token' };
}

/**
 * Answers the identity-provider paths of `/__cors/<id>/<mode>/`: the discovery document and a
 * token endpoint that redeems nothing. Returns whether it answered.
 * @param {import('koa').Context} context
 * @param {string} id
 * @param {string} mode
 */
function identityProvider(context, id, mode) {
  const base = `${context.protocol}://${context.host}/__cors/${id}/${mode}`;
  if (context.method === 'GET' && context.path === `/__cors/${id}/${mode}/.well-known/openid-configuration`) {
    context.body = {
      issuer: mode === 'wrong-issuer' ? `${base}-elsewhere` : base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/certs`,
      response_types_supported: ['code'],
    };
    return true;
  }
  if (context.method === 'POST' && context.path === `/__cors/${id}/${mode}/token`) {
    context.status = 400;
    context.body = { error: 'invalid_request', error_description: 'No grant_type' };
    return true;
  }
  return false;
}
