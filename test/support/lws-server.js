// @ts-check
/**
 * Server side of the LWS harness, as @web/test-runner middleware (runs in Node):
 *
 * - `/__lws/<file>`: the Salesforce static resource (`salesforce/bundle.mjs`), built on the fly
 *   with esbuild on first request and cached in memory, so `npm test` works on a clean checkout
 *   (without its sign-in page, which is built per settings: see below).
 * - A **cross-origin** Azure AD authorize endpoint. Entra ID is another origin than the Lightning
 *   page, and under LWS MSAL's hidden iframe has an opaque origin that no service worker controls,
 *   so MSW cannot answer it: the test page reaches this server as `http://127.0.0.1:<port>` while
 *   it runs on `http://localhost:<port>`. The browser-side emulator (token endpoint, JWKS, API)
 *   stays in MSW; codes issued here are handed to it through `/__lws-aad/<tenant>/code`.
 *
 * Per tenant (each scenario uses a fresh tenant id) the test sets the SSO session, users, the
 * authorize endpoint's answer delay and whether the browser blocks third-party cookies (then
 * `prompt=none` finds no session) with `POST /__lws-aad/<tenant>/state`, reads counters with
 * `GET /__lws-aad/<tenant>/counters`.
 *
 * - `/__lws-sign-in/<id>/sign-in.html` (and `sign-in.js`): the static resource's sign-in page as
 *   built for the settings a test registered with `POST /__lws-sign-in/<id>/config` (each scenario
 *   has its own tenant and client id, and the page takes them only from its build).
 * - `/__lws-test/blank.html`: an empty page on the test origin (a tab's first stop, to plant storage).
 */
import { randomUUID } from 'node:crypto';
import { bundleSalesforce, signInPageFiles } from '../../salesforce/bundle.mjs';

/** @typedef {{ oid: string, username: string, name: string }} User */
/** @typedef {{ authorize: number, silentAuthorize: number, signInPage: number, codesRedeemed: number }} Counters */
/**
 * @typedef {{ users: User[], session: string | null, redirectOrigin: string, counters: Counters,
 *   authorizeDelayMs: number, thirdPartyCookiesBlocked: boolean,
 *   codes: Map<string, { clientId: string, username: string, scopes: string[], challenge: string,
 *   redirectUri: string, nonce: string | null }> }} Tenant
 */

/** @type {Map<string, Tenant>} */
const tenants = new Map();
/** Sign-in pages built for the settings tests registered: id → its files. */
/** @type {Map<string, Promise<Map<string, string>>>} */
const signInPages = new Map();
/** @type {Promise<Map<string, string>> | undefined} */
let bundle;

const types = { js: 'application/javascript; charset=utf-8', html: 'text/html; charset=utf-8' };

/** @param {string} text */
const b64url = (text) => Buffer.from(text).toString('base64url');

/** @type {import('@web/dev-server-core').Middleware} */
export async function lwsServer(context, next) {
  const path = context.path;
  if (path.startsWith('/__lws/')) {
    bundle ??= bundleSalesforce();
    const files = await bundle.catch((error) => {
      bundle = undefined;
      throw error;
    });
    const name = path.slice('/__lws/'.length);
    const body = files.get(name);
    if (body === undefined) return next();
    context.type = types[/** @type {'js' | 'html'} */ (name.slice(name.lastIndexOf('.') + 1))];
    context.set('Cache-Control', 'no-store');
    context.body = body;
    return;
  }
  const signIn = /^\/__lws-sign-in\/([\w-]{1,64})\/(config|sign-in\.html|sign-in\.js)$/.exec(path);
  if (signIn) {
    await serveSignInPage(context, signIn[1] ?? '', signIn[2] ?? '');
    return;
  }
  if (path === '/__lws-test/blank.html') {
    context.type = types.html;
    context.body = '<!doctype html><meta charset="utf-8"><title>blank</title>';
    return;
  }
  const forging = /^\/__lws-test\/redirect-(forge-first|forge-only)\.html$/.exec(path);
  if (forging) {
    context.type = types.html;
    context.set('Cache-Control', 'no-store');
    context.body = forgingRedirectPage(forging[1] === 'forge-only');
    return;
  }
  const control = /^\/__lws-aad\/([^/]+)\/(state|counters|code)$/.exec(path);
  if (control) {
    const [, tenantId = '', action] = control;
    if (action === 'state' && context.method === 'POST') {
      const body = JSON.parse(await readBody(context.req));
      const existing = tenants.get(tenantId);
      tenants.set(tenantId, {
        users: body.users,
        session: body.session,
        redirectOrigin: body.redirectOrigin,
        authorizeDelayMs: Number(body.authorizeDelayMs) || 0,
        thirdPartyCookiesBlocked: body.thirdPartyCookiesBlocked === true,
        counters: existing?.counters ?? { authorize: 0, silentAuthorize: 0, signInPage: 0, codesRedeemed: 0 },
        codes: existing?.codes ?? new Map(),
      });
      context.body = { ok: true };
      return;
    }
    const tenant = tenants.get(tenantId);
    if (!tenant) {
      context.status = 404;
      return;
    }
    if (action === 'counters') {
      context.body = { ...tenant.counters, session: tenant.session };
      return;
    }
    if (action === 'code') {
      const code = context.query.code;
      const grant = typeof code === 'string' ? tenant.codes.get(code) : undefined;
      if (!grant || typeof code !== 'string') {
        context.status = 404;
        return;
      }
      tenant.codes.delete(code);
      tenant.counters.codesRedeemed++;
      context.body = grant;
      return;
    }
  }
  const authorize = /^\/([^/]+)\/oauth2\/v2\.0\/authorize$/.exec(path);
  const tenant = authorize ? tenants.get(authorize[1] ?? '') : undefined;
  if (authorize && tenant) {
    // Entra ID takes a while to answer; a test can make this endpoint take as long.
    if (tenant.authorizeDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, tenant.authorizeDelayMs));
    answerAuthorize(context, authorize[1] ?? '', tenant);
    return;
  }
  return next();
}

/**
 * The sign-in page built for the settings registered under `id` (`POST …/config` registers them).
 * @param {import('koa').Context} context
 * @param {string} id
 * @param {string} name `config`, `sign-in.html` or `sign-in.js`
 */
async function serveSignInPage(context, id, name) {
  if (name === 'config') {
    if (context.method !== 'POST') {
      context.status = 405;
      return;
    }
    const files = signInPageFiles(JSON.parse(await readBody(context.req)));
    files.catch(() => {});
    signInPages.set(id, files);
    try {
      await files;
      context.body = { ok: true };
    } catch (error) {
      context.status = 400;
      context.body = { error: /** @type {Error} */ (error).message };
    }
    return;
  }
  const files = await signInPages.get(id)?.catch(() => undefined);
  const body = files?.get(name);
  if (body === undefined) {
    context.status = 404;
    return;
  }
  context.type = types[name.endsWith('.js') ? 'js' : 'html'];
  context.set('Cache-Control', 'no-store');
  context.body = body;
}

/**
 * Azure AD's authorize endpoint, reduced to what silent SSO and the sign-in page need:
 * `prompt=none` answers from the session cookie equivalent (`tenant.session`) honouring
 * `login_hint`; any other prompt signs the hinted user in (starting a session) at once.
 * @param {import('koa').Context} context
 * @param {string} tenantId
 * @param {Tenant} tenant
 */
function answerAuthorize(context, tenantId, tenant) {
  tenant.counters.authorize++;
  const params = new URLSearchParams(context.querystring);
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectUri.startsWith(`${tenant.redirectOrigin}/`)) {
    context.status = 400;
    context.type = types.html;
    context.body = '<!doctype html><title>Sign in error</title><p>AADSTS50011: redirect URI mismatch.</p>';
    return;
  }
  /** @param {Record<string, string>} values */
  const redirect = (values) => {
    const answer = new URLSearchParams(values);
    const state = params.get('state');
    if (state) answer.set('state', state);
    const target = new URL(redirectUri);
    target.hash = answer.toString();
    context.set('Cache-Control', 'no-store');
    context.redirect(target.href);
  };
  /** @param {string} error @param {number} code @param {string} description */
  const fail = (error, code, description) =>
    redirect({ error, error_description: `AADSTS${code}: ${description}`, error_codes: String(code) });
  if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256') {
    fail('invalid_request', 900144, 'The request must use response_type=code with PKCE S256.');
    return;
  }
  const hint = params.get('login_hint')?.toLowerCase();
  let user;
  if (params.get('prompt') === 'none') {
    tenant.counters.silentAuthorize++;
    // A browser that blocks third-party cookies sends the hidden frame's request without the session cookie.
    const session = tenant.thirdPartyCookiesBlocked ? null : tenant.session;
    user = tenant.users.find((u) => u.username === session);
    if (!user) {
      fail('login_required', 50058, 'A silent sign-in request was sent but no user is signed in.');
      return;
    }
    if (hint && hint !== user.username.toLowerCase()) {
      fail('interaction_required', 16000, 'Multiple user identities are available for the current request.');
      return;
    }
  } else {
    tenant.counters.signInPage++;
    user = tenant.users.find((u) => u.username.toLowerCase() === hint) ?? tenant.users[0];
    if (!user) {
      fail('access_denied', 50020, 'No such user.');
      return;
    }
    tenant.session = user.username;
  }
  const code = `xo.${randomUUID()}`;
  tenant.codes.set(code, {
    clientId: params.get('client_id') ?? '',
    username: user.username,
    scopes: (params.get('scope') ?? '').split(' ').filter(Boolean),
    challenge: params.get('code_challenge') ?? '',
    redirectUri,
    nonce: params.get('nonce'),
  });
  redirect({
    code,
    client_info: b64url(JSON.stringify({ uid: user.oid, utid: tenantId })),
    session_state: randomUUID(),
  });
}

/**
 * A hostile redirect page for the forged-message tests: in MSAL's own hidden iframe, it first
 * posts answers that must be ignored — a wrong state, an oversized payload, a malformed message,
 * a message of another type — and then (unless `forgeOnly`) the genuine answer.
 * @param {boolean} forgeOnly
 */
function forgingRedirectPage(forgeOnly) {
  return `<!doctype html><meta charset="utf-8"><title>forging</title><script>
const type = 'sso-callout.msal-response';
const genuine = location.hash;
const params = new URLSearchParams(genuine.slice(1));
const wrong = new URLSearchParams(params); wrong.set('state', params.get('state') + 'x');
const big = new URLSearchParams(params); big.set('padding', 'a'.repeat(20000));
const post = (m) => parent.postMessage(m, location.origin);
post({ type, response: '#' + wrong });
post({ type, response: '#' + big });
post({ type, response: genuine.slice(1) });
post({ type: 'other', response: genuine });
post(genuine);
${forgeOnly ? '' : 'post({ type, response: genuine });'}
</script>`;
}

/** @param {import('node:http').IncomingMessage} request @returns {Promise<string>} */
async function readBody(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text;
}
