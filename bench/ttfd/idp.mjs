/**
 * The identity provider of the time-to-first-data bench: the part of Microsoft Entra ID's v2
 * endpoints a page signing in silently uses, served on loopback under the real host name
 * (Chromium maps `login.microsoftonline.com` to this server), so MSAL runs exactly as it does
 * against Entra, hard-coded metadata and all:
 *
 * - `GET /{tenant}/v2.0/.well-known/openid-configuration` and `GET /common/discovery/instance`
 *   (authority discovery, for libraries that ask), CORS `*` like Entra;
 * - `GET /{tenant}/oauth2/v2.0/authorize`: `prompt=none` answers from the session cookie
 *   (`bench_sso`, the user signed in to the host app) by a 302 to the redirect URI with a code, or
 *   `login_required` / `interaction_required` (hint of another user); PKCE S256 required;
 * - `POST /{tenant}/oauth2/v2.0/token`: authorization code (PKCE checked) and refresh token
 *   grants, RS256 access and ID tokens, `client_info`, CORS for the page's origin;
 * - `GET /{tenant}/discovery/v2.0/keys`: the JWKS.
 */
import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const tenantId = '72f988bf-0000-4000-8000-2d7cd011db47';
export const clientId = '9f1c2d3e-4b5a-4c6d-8e7f-000000000001';
export const idpHost = 'login.microsoftonline.com';
export const authority = `https://${idpHost}/${tenantId}`;
export const sessionCookie = 'bench_sso';

const users = [
  { oid: '6f0b7c4a-0d6e-4f6e-9a55-3f1f2b0c1a01', username: 'jane@contoso.com', name: 'Jane Doe' },
];
const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);

/** @typedef {import('./servers.mjs').Handler} Handler */
/** @typedef {{ user: typeof users[number], scopes: string[], challenge: string, redirectUri: string, nonce: string | null }} Grant */

const b64url = (/** @type {string | Buffer} */ value) => Buffer.from(value).toString('base64url');
const issuer = `${authority}/v2.0`;
const anyOrigin = { 'access-control-allow-origin': '*' };
const cors = (/** @type {string | undefined} */ origin) =>
  origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
const clientInfo = (/** @type {Grant['user']} */ user) =>
  b64url(JSON.stringify({ uid: user.oid, utid: tenantId }));
const splitScopes = (/** @type {string | null} */ value) => (value ?? '').split(' ').filter(Boolean);

/** The openid-configuration (the part MSAL reads). */
const metadata = {
  token_endpoint: `${authority}/oauth2/v2.0/token`,
  jwks_uri: `${authority}/discovery/v2.0/keys`,
  issuer,
  authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
  end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
  response_modes_supported: ['query', 'fragment', 'form_post'],
  response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
  scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
  subject_types_supported: ['pairwise'],
  id_token_signing_alg_values_supported: ['RS256'],
  tenant_region_scope: 'EU',
  cloud_instance_name: 'microsoftonline.com',
};

/** The instance discovery answer for the public cloud. */
const instanceDiscovery = {
  tenant_discovery_endpoint: `${issuer}/.well-known/openid-configuration`,
  'api-version': '1.1',
  metadata: [
    {
      preferred_network: idpHost,
      preferred_cache: 'login.windows.net',
      aliases: [idpHost, 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
    },
  ],
};

/** A 302 to the redirect URI with `values` in the fragment (or the query, per response_mode). */
function redirect(/** @type {URLSearchParams} */ params, /** @type {Record<string, string>} */ values) {
  const answer = new URLSearchParams(values);
  const state = params.get('state');
  if (state) answer.set('state', state);
  const target = new URL(params.get('redirect_uri') ?? '');
  if (params.get('response_mode') === 'query') target.search = answer.toString();
  else target.hash = answer.toString();
  return { status: 302, headers: { location: target.href, 'cache-control': 'no-store' }, body: '' };
}
const json = (/** @type {unknown} */ body, status = 200, headers = {}) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

/**
 * Creates the IdP: its request handler, its public keys (for the API) and what it counted.
 * @param {{ appOrigin: string }} options the page's origin (redirect URIs and CORS)
 */
export async function createIdp({ appOrigin }) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  const idp = new Idp({ appOrigin, privateKey, kid });
  return {
    handler: /** @type {Handler} */ ((request) => idp.handle(request, jwks)),
    jwks,
    counters: idp.counters,
  };
}

class Idp {
  /** @type {Map<string, Grant>} */
  #codes = new Map();
  /** @type {Map<string, Omit<Grant, 'challenge' | 'redirectUri' | 'nonce'>>} */
  #refreshTokens = new Map();
  #appOrigin;
  #privateKey;
  #kid;
  counters = { discovery: 0, authorize: 0, token: 0 };

  /** @param {{ appOrigin: string, privateKey: import('jose').CryptoKey, kid: string }} options */
  constructor({ appOrigin, privateKey, kid }) {
    this.#appOrigin = appOrigin;
    this.#privateKey = privateKey;
    this.#kid = kid;
  }

  /**
   * @param {import('./servers.mjs').BenchRequest} request
   * @param {{ keys: object[] }} jwks
   * @returns {Promise<import('./servers.mjs').BenchResponse> | import('./servers.mjs').BenchResponse}
   */
  handle({ method, url, headers, body }, jwks) {
    const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
    const path = url.pathname;
    if (method === 'OPTIONS') {
      const allow = String(headers['access-control-request-headers'] ?? '');
      return {
        status: 204,
        headers: {
          ...cors(origin),
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': allow,
          'access-control-max-age': '600',
        },
        body: '',
      };
    }
    if (path.endsWith('/.well-known/openid-configuration') || path === '/common/discovery/instance') {
      this.counters.discovery++;
      return json(path.startsWith('/common/') ? instanceDiscovery : metadata, 200, anyOrigin);
    }
    if (path === `/${tenantId}/discovery/v2.0/keys`) return json(jwks, 200, anyOrigin);
    if (path === `/${tenantId}/oauth2/v2.0/authorize` && method === 'GET') {
      return this.#authorize(url.searchParams, String(headers.cookie ?? ''));
    }
    if (path === `/${tenantId}/oauth2/v2.0/token` && method === 'POST') {
      return this.#token(new URLSearchParams(body), origin);
    }
    return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
  }

  /** `prompt=none` from the session cookie, as Entra answers a hidden iframe. */
  #authorize(/** @type {URLSearchParams} */ params, /** @type {string} */ cookie) {
    this.counters.authorize++;
    const redirectUri = params.get('redirect_uri') ?? '';
    if (params.get('client_id') !== clientId || !redirectUri.startsWith(`${this.#appOrigin}/`)) {
      return {
        status: 400,
        headers: { 'content-type': 'text/plain' },
        body: 'AADSTS50011: bad redirect URI',
      };
    }
    if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256') {
      return redirect(params, { error: 'invalid_request', error_description: 'AADSTS900144: PKCE S256' });
    }
    const user = users.find((u) => cookie.split(/;\s*/).includes(`${sessionCookie}=${u.username}`));
    if (!user) return redirect(params, { error: 'login_required', error_description: 'AADSTS50058' });
    const hint = params.get('login_hint');
    const hinted = hint?.startsWith('O.') ? Buffer.from(hint.slice(2), 'base64url').toString() : hint;
    if (hinted && hinted.toLowerCase() !== user.username) {
      return redirect(params, { error: 'interaction_required', error_description: 'AADSTS16000' });
    }
    const code = `code.${randomUUID()}`;
    this.#codes.set(code, {
      user,
      scopes: splitScopes(params.get('scope')),
      challenge: params.get('code_challenge') ?? '',
      redirectUri,
      nonce: params.get('nonce'),
    });
    return redirect(params, { code, client_info: clientInfo(user), session_state: randomUUID() });
  }

  /** Authorization code (PKCE checked) and refresh token grants. */
  async #token(/** @type {URLSearchParams} */ form, /** @type {string | undefined} */ origin) {
    this.counters.token++;
    const fail = (/** @type {string} */ error, /** @type {string} */ description) =>
      json({ error, error_description: description }, 400, cors(origin));
    if (form.get('client_id') !== clientId) return fail('unauthorized_client', 'AADSTS700016');
    const scopes = splitScopes(form.get('scope'));
    if (form.get('grant_type') === 'authorization_code') {
      const code = form.get('code') ?? '';
      const grant = this.#codes.get(code);
      this.#codes.delete(code);
      if (grant?.redirectUri !== form.get('redirect_uri')) return fail('invalid_grant', 'AADSTS70008');
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (!grant || challenge !== grant.challenge) return fail('invalid_grant', 'AADSTS501481: PKCE');
      return this.#issue({ ...grant, scopes: scopes.length > 0 ? scopes : grant.scopes }, origin);
    }
    if (form.get('grant_type') === 'refresh_token') {
      const presented = form.get('refresh_token') ?? '';
      const grant = this.#refreshTokens.get(presented);
      this.#refreshTokens.delete(presented);
      if (!grant) return fail('invalid_grant', 'AADSTS70000');
      return this.#issue(
        { ...grant, nonce: null, scopes: scopes.length > 0 ? scopes : grant.scopes },
        origin,
      );
    }
    return fail('unsupported_grant_type', 'AADSTS70003');
  }

  /** RS256 access and ID tokens, a rotating refresh token, `client_info`. */
  async #issue(
    /** @type {Omit<Grant, 'challenge' | 'redirectUri'>} */ grant,
    /** @type {string | undefined} */ origin,
  ) {
    const lifetime = 3600;
    const resourceScopes = grant.scopes.filter((s) => !oidcScopes.has(s));
    const first = resourceScopes[0];
    const resource = first ? first.slice(0, first.lastIndexOf('/')) : 'https://graph.microsoft.com';
    const common = {
      iss: issuer,
      tid: tenantId,
      oid: grant.user.oid,
      sub: grant.user.oid,
      ver: '2.0',
      preferred_username: grant.user.username,
      name: grant.user.name,
    };
    const scp = resourceScopes.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(' ');
    const accessToken = await this.#sign({ ...common, aud: resource, azp: clientId, scp }, lifetime);
    const nonce = grant.nonce ? { nonce: grant.nonce } : {};
    const loginHint = `O.${b64url(grant.user.username)}`;
    const idToken = await this.#sign({ ...common, aud: clientId, login_hint: loginHint, ...nonce }, lifetime);
    const refreshToken = `rt.${randomUUID()}`;
    this.#refreshTokens.set(refreshToken, { user: grant.user, scopes: grant.scopes });
    const answer = {
      token_type: 'Bearer',
      scope: resourceScopes.join(' ') || 'https://graph.microsoft.com/User.Read',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
      refresh_token: refreshToken,
      refresh_token_expires_in: 86_400,
      id_token: idToken,
      client_info: clientInfo(grant.user),
    };
    return json(answer, 200, cors(origin));
  }

  /** A JWT signed with the IdP's key, with a unique `jti` and `uti`. */
  #sign(/** @type {Record<string, unknown>} */ claims, /** @type {number} */ lifetime) {
    return new SignJWT({ ...claims, uti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.#kid })
      .setJti(randomUUID())
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${lifetime}s`)
      .sign(this.#privateKey);
  }
}
