import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { html } from './aad-pages.js';
import { createSigningKey, type SigningKey, signToken } from './aad-tokens.js';
import type { TokenIssuer } from './api-emulator.js';

/** Options of {@link createExchangeEmulator}. */
export interface ExchangeEmulatorOptions {
  /** Who issues the subject tokens it accepts (the Azure AD emulator). */
  subjectIssuer: TokenIssuer;
  /** The `aud` a subject token must have. Default `api://orders-auth`. */
  subjectAudience?: string;
  /** Fake https host of the token endpoints. Default `auth.orders.test`. */
  host?: string;
  /** Lifetime of the tokens it issues, in seconds. Default 43 200 (12 hours). */
  lifetime?: number;
  /** How the custom answer states it: `validitySeconds` (default) or `validUntil` (ISO 8601). */
  expiry?: 'seconds' | 'absolute';
  /** Client ids the standard endpoint knows; others get `invalid_client`. Default: any. */
  clientIds?: string[];
}

/** Requests answered, by kind. */
export interface ExchangeEmulatorCounters {
  /** Every request to any of its endpoints. */
  requests: number;
  /** Exchanges of a subject token (custom or standard), accepted or not. */
  exchanges: number;
  /** Refresh requests, accepted or not. */
  refreshes: number;
  revocations: number;
}

/** Faults to inject; set a field to make the next requests fail that way. */
export interface ExchangeEmulatorFaults {
  /** Refreshes answer 401 (custom) or 400 invalid_grant (standard). */
  refreshRefused: boolean;
  /** Every request fails: a 500, an HTML page, no readable answer (CORS), or an answer without the token field. */
  endpoint: 'server-error' | 'garbage' | 'cors' | 'no-token' | undefined;
}

/** The emulator of an API's own token endpoint. */
export interface ExchangeEmulator {
  handlers: RequestHandler[];
  counters: ExchangeEmulatorCounters;
  faults: ExchangeEmulatorFaults;
  /** `https://<host>`: the issuer of its tokens, for the API emulator. */
  issuer: string;
  host: string;
  /** Custom endpoints (JSON): exchange `{ entraToken }`, renew `{ renewal }`, revoke `{ renewal }`. */
  sessionEndpoint: string;
  renewEndpoint: string;
  revokeEndpoint: string;
  /** Standard endpoint (form): RFC 8693 token exchange, RFC 7523 JWT bearer, refresh_token. */
  tokenEndpoint: string;
  /** Every subject token presented, in order. */
  subjectTokens: string[];
  /** The form of every request to the standard endpoint, in order. */
  received: URLSearchParams[];
  /** Every access and refresh token issued, for tests that look for leaks. */
  issued: string[];
  /** Live refresh tokens (each is spent when used). */
  refreshTokens: Map<string, { user: string }>;
  jwks(): Promise<JSONWebKeySet>;
  /** Revokes every live refresh token (an administrator, a password change). */
  revokeAll(): void;
  resetCounters(): void;
}

interface Context {
  options: ExchangeEmulatorOptions;
  issuer: string;
  counters: ExchangeEmulatorCounters;
  faults: ExchangeEmulatorFaults;
  subjectTokens: string[];
  received: URLSearchParams[];
  issued: string[];
  refreshTokens: Map<string, { user: string }>;
  key(): Promise<SigningKey>;
  subjectKeys(): Promise<ReturnType<typeof createLocalJWKSet>>;
}

const noStore = { 'cache-control': 'no-store' };

/** The subject's `preferred_username` when `token` is a valid subject token, else `undefined`. */
async function subjectOf(ctx: Context, token: string): Promise<string | undefined> {
  ctx.subjectTokens.push(token);
  try {
    const { payload } = await jwtVerify(token, await ctx.subjectKeys(), {
      issuer: ctx.options.subjectIssuer.issuer,
      audience: ctx.options.subjectAudience ?? 'api://orders-auth',
    });
    return String(payload.preferred_username);
  } catch {
    return undefined;
  }
}

/** A 12-hour (by default) access token for `user` and a new refresh token. */
async function issue(
  ctx: Context,
  user: string,
): Promise<{ token: string; refresh: string; lifetime: number }> {
  const lifetime = ctx.options.lifetime ?? 43_200;
  const claims = { iss: ctx.issuer, aud: 'orders-api', sub: user, preferred_username: user, scp: 'orders' };
  const token = await signToken(await ctx.key(), claims, lifetime);
  const refresh = `renewal.${crypto.randomUUID()}`;
  ctx.refreshTokens.set(refresh, { user });
  ctx.issued.push(token, refresh);
  return { token, refresh, lifetime };
}

/** The injected endpoint fault's answer, if one is set. */
function faulted(ctx: Context): Response | undefined {
  const fault = ctx.faults.endpoint;
  if (fault === 'cors') return Response.error();
  if (fault === 'server-error') return HttpResponse.json({ message: 'Internal error' }, { status: 500 });
  if (fault === 'garbage') return html('<html><body>Bad gateway</body></html>', 502);
  return undefined;
}

/** The custom answer: `jwt`, `validitySeconds` or `validUntil`, `renewal`. */
async function customAnswer(ctx: Context, user: string): Promise<Response> {
  const { token, refresh, lifetime } = await issue(ctx, user);
  const expiry =
    ctx.options.expiry === 'absolute'
      ? { validUntil: new Date(Date.now() + lifetime * 1000).toISOString() }
      : { validitySeconds: lifetime };
  const jwt = ctx.faults.endpoint === 'no-token' ? {} : { jwt: token };
  return HttpResponse.json({ ...jwt, ...expiry, renewal: refresh }, { headers: noStore });
}

/** Spends `presented`: its user when it was live, else `undefined`. */
function spend(ctx: Context, presented: string): string | undefined {
  const held = ctx.refreshTokens.get(presented);
  ctx.refreshTokens.delete(presented);
  return ctx.faults.refreshRefused ? undefined : held?.user;
}

function customHandlers(ctx: Context, base: string): RequestHandler[] {
  const body = async (request: Request) =>
    (await request.json().catch(() => ({}))) as Record<string, unknown>;
  return [
    http.post(`${base}/session`, async ({ request }) => {
      ctx.counters.requests++;
      ctx.counters.exchanges++;
      const fault = faulted(ctx);
      if (fault) return fault;
      const user = await subjectOf(ctx, String((await body(request)).entraToken ?? ''));
      if (!user) return HttpResponse.json({ message: 'The Entra token is not valid here' }, { status: 401 });
      return customAnswer(ctx, user);
    }),
    http.post(`${base}/session/renew`, async ({ request }) => {
      ctx.counters.requests++;
      ctx.counters.refreshes++;
      const fault = faulted(ctx);
      if (fault) return fault;
      const user = spend(ctx, String((await body(request)).renewal ?? ''));
      if (!user) return HttpResponse.json({ message: 'Renewal token revoked or spent' }, { status: 401 });
      return customAnswer(ctx, user);
    }),
    http.post(`${base}/session/revoke`, async ({ request }) => {
      ctx.counters.requests++;
      ctx.counters.revocations++;
      ctx.refreshTokens.delete(String((await body(request)).renewal ?? ''));
      return new Response(null, { status: 204 });
    }),
  ];
}

const oauthError = (error: string, description: string, status = 400) =>
  HttpResponse.json({ error, error_description: description }, { status, headers: noStore });

/** The standard endpoint: RFC 8693 token exchange, RFC 7523 JWT bearer and refresh_token grants. */
function standardHandler(ctx: Context, url: string): RequestHandler {
  return http.post(url, async ({ request }) => {
    ctx.counters.requests++;
    const form = new URLSearchParams(await request.text());
    ctx.received.push(form);
    const grant = form.get('grant_type') ?? '';
    const exchange = /token-exchange|jwt-bearer$/.test(grant);
    if (exchange) ctx.counters.exchanges++;
    if (grant === 'refresh_token') ctx.counters.refreshes++;
    const fault = faulted(ctx);
    if (fault) return fault;
    const clientIds = ctx.options.clientIds;
    if (clientIds && !clientIds.includes(form.get('client_id') ?? ''))
      return oauthError('invalid_client', 'Unknown client', 401);
    let user: string | undefined;
    if (exchange) {
      user = await subjectOf(ctx, form.get('subject_token') ?? form.get('assertion') ?? '');
      if (!user) return oauthError('invalid_grant', 'The subject token is not valid');
    } else if (grant === 'refresh_token') {
      user = spend(ctx, form.get('refresh_token') ?? '');
      if (!user) return oauthError('invalid_grant', 'The refresh token is not active');
    } else {
      return oauthError('unsupported_grant_type', `Unsupported grant_type ${grant}`);
    }
    const { token, refresh, lifetime } = await issue(ctx, user);
    return HttpResponse.json(
      {
        access_token: token,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        token_type: 'Bearer',
        expires_in: lifetime,
        refresh_token: refresh,
        scope: form.get('scope') ?? 'orders',
      },
      { headers: noStore },
    );
  });
}

/**
 * Creates the token endpoint of an API that issues its own tokens after checking the user's
 * Entra token, as MSW handlers: a custom JSON endpoint with non-standard field names
 * (`POST /session { entraToken }` → `{ jwt, validitySeconds | validUntil, renewal }`,
 * `POST /session/renew { renewal }` rotating the renewal token, `POST /session/revoke`), and a
 * standard form endpoint (`POST /oauth2/token`: RFC 8693 token exchange, RFC 7523 JWT bearer,
 * refresh_token; `invalid_client`, `unsupported_grant_type`). Subject tokens are verified
 * (signature, issuer, audience); issued tokens last 12 hours by default, are RS256 JWTs with
 * `aud: orders-api`, `scp: orders`, and a unique `jti`.
 */
export function createExchangeEmulator(options: ExchangeEmulatorOptions): ExchangeEmulator {
  const host = options.host ?? 'auth.orders.test';
  const issuer = `https://${host}`;
  const zero = (): ExchangeEmulatorCounters => ({ requests: 0, exchanges: 0, refreshes: 0, revocations: 0 });
  let signingKey: Promise<SigningKey> | undefined;
  let subjectKeys: Promise<ReturnType<typeof createLocalJWKSet>> | undefined;
  const ctx: Context = {
    options,
    issuer,
    counters: zero(),
    faults: { refreshRefused: false, endpoint: undefined },
    subjectTokens: [],
    received: [],
    issued: [],
    refreshTokens: new Map(),
    key: () => {
      signingKey ??= createSigningKey();
      return signingKey;
    },
    subjectKeys: () => {
      subjectKeys ??= options.subjectIssuer.jwks().then((jwks) => createLocalJWKSet(jwks));
      return subjectKeys;
    },
  };
  const tokenEndpoint = `${issuer}/oauth2/token`;
  return {
    handlers: [...customHandlers(ctx, issuer), standardHandler(ctx, tokenEndpoint)],
    counters: ctx.counters,
    faults: ctx.faults,
    issuer,
    host,
    sessionEndpoint: `${issuer}/session`,
    renewEndpoint: `${issuer}/session/renew`,
    revokeEndpoint: `${issuer}/session/revoke`,
    tokenEndpoint,
    subjectTokens: ctx.subjectTokens,
    received: ctx.received,
    issued: ctx.issued,
    refreshTokens: ctx.refreshTokens,
    jwks: async () => (await ctx.key()).jwks,
    revokeAll: () => ctx.refreshTokens.clear(),
    resetCounters: () => Object.assign(ctx.counters, zero()),
  };
}
