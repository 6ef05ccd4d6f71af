import { createLocalJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { base64url } from './aad-tokens.js';

/** What the API emulator needs from the token issuer (an `AadEmulator` fits). */
export interface TokenIssuer {
  issuer: string;
  jwks(): Promise<import('jose').JSONWebKeySet>;
}

/** Options of {@link createApiEmulator}. */
export interface ApiEmulatorOptions {
  /** Who signs the tokens the API accepts. */
  issuer: TokenIssuer;
  /** Base URL of the API; every method and path below it is answered. Default `https://api.contoso.test/v1/`. */
  baseUrl?: string;
  /** Expected `aud`. Default `api://orders`. */
  audience?: string;
  /** Scopes (`scp` entries) of which the token must carry at least one. Default `['Orders.Read']`. */
  scopes?: string[];
  /** The body of a successful answer. Default `{ path, method, user, scopes }`. */
  respond?: (call: ApiCall) => unknown;
}

/** One authorized call, as `respond` sees it. */
export interface ApiCall {
  method: string;
  path: string;
  claims: JWTPayload;
  body: string;
}

/** Requests the API answered, by outcome. */
export interface ApiEmulatorCounters {
  /** Every request. */
  requests: number;
  /** Requests that carried a valid token. */
  authorized: number;
  /** Requests refused with 401 for a missing, invalid, expired or revoked token. */
  rejected: number;
  /** Requests answered with an injected fault. */
  faulted: number;
}

/** Faults to inject; each applies to the next `times` requests (default: until reset). */
export interface ApiEmulatorFaults {
  /** Answer with this status: 401 (`invalid_token`), 403 (`insufficient_scope`), 429 (Retry-After: 0) or 500. */
  status: 401 | 403 | 429 | 500 | undefined;
  /** How many requests get `status`; `undefined` means every request. */
  times: number | undefined;
  /**
   * Continuous Access Evaluation: answer 401 with an `insufficient_claims` challenge unless the
   * token's `acrs` claim contains this value.
   */
  requireAuthContext: string | undefined;
  /**
   * The answers carry no `WWW-Authenticate` header, as the page sees an API whose CORS answer does
   * not expose it (MSW's answers skip CORS, so the header is left out instead of hidden).
   */
  hideWwwAuthenticate: boolean;
  /** Seconds the API's clock (its `Date` header) is ahead of the page's; `undefined`: no `Date` header. */
  clockSkewSeconds: number | undefined;
}

/** The API emulator. */
export interface ApiEmulator {
  handlers: RequestHandler[];
  counters: ApiEmulatorCounters;
  faults: ApiEmulatorFaults;
  /** Tokens (by `jti`) the API treats as revoked. */
  revoked: Set<string>;
  /** The `preferred_username` of every request that carried a valid token, in order. */
  subjects: string[];
  /** The method of every request (preflights excluded), in order; emptied by `resetCounters`. */
  methods: string[];
  /** Revokes every token the API has accepted so far (a password change, a disabled session). */
  revokeAll(): void;
  /** The claims challenge (decoded JSON) that `requireAuthContext` makes the API send. */
  claimsChallenge(value: string): string;
  /** Sets every counter back to zero. */
  resetCounters(): void;
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'WWW-Authenticate, x-ms-request-id',
};

/**
 * Creates MSW handlers for an external API that validates bearer tokens like a real Azure AD
 * protected API: RS256 signature against the issuer's JWKS, `iss`, `aud`, `exp`/`nbf`, and at
 * least one of the expected scopes. Refusals carry a `WWW-Authenticate: Bearer` challenge
 * (`invalid_token`, `insufficient_scope`, or `insufficient_claims` with a `claims` value for CAE).
 * Faults (401/403/429/500) can be injected for a number of requests.
 *
 * @example
 * ```ts
 * const api = createApiEmulator({ issuer: aad, baseUrl: 'https://api.contoso.test/v1/' });
 * worker.use(...api.handlers);
 * api.faults.status = 401; api.faults.times = 1;   // the next call is refused once
 * ```
 */
export function createApiEmulator(options: ApiEmulatorOptions): ApiEmulator {
  const baseUrl = new URL(options.baseUrl ?? 'https://api.contoso.test/v1/');
  const audience = options.audience ?? 'api://orders';
  const scopes = options.scopes ?? ['Orders.Read'];
  const zero = (): ApiEmulatorCounters => ({ requests: 0, authorized: 0, rejected: 0, faulted: 0 });
  const counters = zero();
  const faults: ApiEmulatorFaults = {
    status: undefined,
    times: undefined,
    requireAuthContext: undefined,
    hideWwwAuthenticate: false,
    clockSkewSeconds: undefined,
  };
  /** The headers every answer gets: CORS, and `Date` when the clock is emulated. */
  const common = (): Record<string, string> => {
    const skew = faults.clockSkewSeconds;
    return skew === undefined ? cors : { ...cors, date: new Date(Date.now() + skew * 1000).toUTCString() };
  };
  const revoked = new Set<string>();
  const accepted = new Set<string>();
  const subjects: string[] = [];
  const methods: string[] = [];
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;

  const claimsChallenge = (value: string): string =>
    JSON.stringify({ access_token: { acrs: { essential: true, value } } });

  const refuse = (error: string, description: string, status = 401, extra = ''): Response => {
    counters.rejected++;
    return HttpResponse.json(
      { error, error_description: description },
      {
        status,
        headers: {
          ...common(),
          ...(faults.hideWwwAuthenticate
            ? {}
            : {
                'www-authenticate': `Bearer realm="", error="${error}", error_description="${description}"${extra}`,
              }),
          'x-ms-request-id': crypto.randomUUID(),
        },
      },
    );
  };

  const takeFault = (): ApiEmulatorFaults['status'] => {
    if (faults.status === undefined) return undefined;
    if (faults.times !== undefined) {
      if (faults.times <= 0) return undefined;
      faults.times--;
    }
    return faults.status;
  };

  const handle = async ({ request }: { request: Request }): Promise<Response> => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: common() });
    counters.requests++;
    methods.push(request.method);
    const fault = takeFault();
    if (fault === 401) {
      counters.faulted++;
      return refuse('invalid_token', 'The token was revoked');
    }
    const match = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '');
    if (!match?.[1]) return refuse('invalid_request', 'No bearer token');
    let claims: JWTPayload;
    try {
      keySet ??= createLocalJWKSet(await options.issuer.jwks());
      ({ payload: claims } = await jwtVerify(match[1], keySet, {
        issuer: options.issuer.issuer,
        audience,
        algorithms: ['RS256'],
      }));
    } catch (error) {
      return refuse('invalid_token', error instanceof Error ? error.name : 'invalid token');
    }
    if (claims.jti && revoked.has(claims.jti)) return refuse('invalid_token', 'The token was revoked');
    const granted = String(claims.scp ?? '').split(' ');
    if (!scopes.some((s) => granted.includes(s))) {
      return refuse(
        'insufficient_scope',
        `Needs one of ${scopes.join(' ')}`,
        403,
        `, scope="${scopes.join(' ')}"`,
      );
    }
    const context = faults.requireAuthContext;
    if (context && !(Array.isArray(claims.acrs) && claims.acrs.includes(context))) {
      return refuse(
        'insufficient_claims',
        'Continuous access evaluation resulted in challenge',
        401,
        `, claims="${base64url(claimsChallenge(context))}"`,
      );
    }
    if (fault === 403) {
      counters.faulted++;
      return refuse('insufficient_scope', 'Injected 403', 403);
    }
    if (fault === 429 || fault === 500) {
      counters.faulted++;
      return HttpResponse.json(
        { error: fault === 429 ? 'throttled' : 'server_error' },
        { status: fault, headers: { ...common(), ...(fault === 429 ? { 'retry-after': '0' } : {}) } },
      );
    }
    counters.authorized++;
    subjects.push(String(claims.preferred_username));
    if (claims.jti) accepted.add(claims.jti);
    const url = new URL(request.url);
    const call: ApiCall = {
      method: request.method,
      path: url.pathname.slice(baseUrl.pathname.length) + url.search,
      claims,
      body: await request.text(),
    };
    const body = options.respond?.(call) ?? {
      path: call.path,
      method: call.method,
      user: claims.preferred_username,
      scopes: granted,
    };
    return HttpResponse.json(body as Record<string, unknown>, {
      headers: { ...common(), 'x-ms-request-id': crypto.randomUUID() },
    });
  };

  return {
    handlers: [http.all(`${baseUrl.href}*`, handle)],
    counters,
    faults,
    revoked,
    subjects,
    methods,
    revokeAll: () => {
      for (const jti of accepted) revoked.add(jti);
    },
    claimsChallenge,
    resetCounters: () => {
      Object.assign(counters, zero());
      methods.length = 0;
    },
  };
}
