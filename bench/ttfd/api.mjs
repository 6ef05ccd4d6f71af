/**
 * The API of the time-to-first-data bench, on its own origin (`https://api.contoso.com`, mapped to
 * loopback): `GET /<any prefix>/orders/<i>` answers one order when the bearer token is a valid
 * RS256 token of the bench IdP for `api://orders` with `Orders.Read`, else 401 with
 * `WWW-Authenticate`. CORS as a production API sets it: the page's origin, the requested headers,
 * `WWW-Authenticate` exposed, preflights cached for 10 minutes (`Access-Control-Max-Age: 600`).
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import { authority } from './idp.mjs';

/** @typedef {import('./servers.mjs').Handler} Handler */

/** @typedef {Record<string, string>} Headers */

/**
 * The answer to a CORS preflight: the methods and headers asked for, cached for 10 minutes.
 * @param {Headers} cors
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function preflight(cors, headers) {
  return {
    status: 204,
    headers: {
      ...cors,
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': String(headers['access-control-request-headers'] ?? ''),
      'access-control-max-age': '600',
    },
    body: '',
  };
}

/**
 * The user a bearer token was issued to, when it is a valid token of the bench IdP for
 * `api://orders` with `Orders.Read`; else `undefined`.
 * @param {ReturnType<typeof createLocalJWKSet>} keys
 * @param {string | undefined} bearer
 */
async function userOf(keys, bearer) {
  try {
    if (!bearer) return undefined;
    const { payload } = await jwtVerify(bearer, keys, {
      issuer: `${authority}/v2.0`,
      audience: 'api://orders',
    });
    const scopes = String(payload.scp ?? '').split(' ');
    return scopes.includes('Orders.Read') ? String(payload.preferred_username ?? '') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * 401 with `WWW-Authenticate: Bearer error="invalid_token"`, exposed to the page.
 * @param {Headers} cors
 */
function invalidToken(cors) {
  return {
    status: 401,
    headers: {
      ...cors,
      'content-type': 'application/json',
      'access-control-expose-headers': 'WWW-Authenticate',
      'www-authenticate': 'Bearer error="invalid_token"',
    },
    body: '{"error":"invalid_token"}',
  };
}

/**
 * Order `order`, created by `user`, never cached.
 * @param {Headers} cors
 * @param {string} order
 * @param {string} user
 */
function orderOf(cors, order, user) {
  return {
    status: 200,
    headers: {
      ...cors,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'access-control-expose-headers': 'WWW-Authenticate',
    },
    body: JSON.stringify({
      id: `order-${order}`,
      sku: `SKU-${order}`,
      quantity: Number(order) + 1,
      createdBy: user,
    }),
  };
}

/**
 * @param {{ jwks: { keys: object[] }, appOrigin: string }} options
 * @returns {Handler}
 */
export function createApi({ jwks, appOrigin }) {
  const keys = createLocalJWKSet(/** @type {import('jose').JSONWebKeySet} */ (jwks));
  return async ({ method, url, headers }) => {
    const origin = headers.origin === appOrigin ? appOrigin : undefined;
    /** @type {Headers} */
    const cors = origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    if (method === 'OPTIONS') return preflight(cors, headers);
    const order = /\/orders\/(\d+)$/.exec(url.pathname)?.[1];
    if (method !== 'GET' || order === undefined) {
      return { status: 404, headers: { ...cors, 'content-type': 'text/plain' }, body: 'not found' };
    }
    const user = await userOf(keys, /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1]);
    return user === undefined ? invalidToken(cors) : orderOf(cors, order, user);
  };
}
