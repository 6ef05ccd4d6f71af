import { HttpResponse, http, type RequestHandler } from 'msw';
import { createSigningKey, type SigningKey, signToken } from './aad-tokens.js';
import type { TokenIssuer } from './api-emulator.js';

/** Options of {@link createBackendTokenEmulator}. Every field has a working default. */
export interface BackendTokenEmulatorOptions {
  /** The host backend's endpoint, on the page's own origin. Default `<origin>/api/callout-token`. */
  url?: string;
  /** The `iss` of its tokens (the authorization server the backend gets them from). Default `https://auth.billing.contoso.test`. */
  issuer?: string;
  /** The `aud` of its tokens. Default `api://billing`. */
  audience?: string;
  /** The `scp` of its tokens. Default `Invoices.Read`. */
  scope?: string;
  /** Who the tokens identify: the integration, not the user. Default `svc-contoso-sales`. */
  subject?: string;
  /** Lifetime of the tokens, in seconds. Default 3600. */
  lifetime?: number;
}

/** Requests the backend answered. */
export interface BackendTokenEmulatorCounters {
  /** Every request to the endpoint. */
  requests: number;
  /** Requests with `forceRefresh: true` (the page's token was rejected): each mints a new token. */
  forced: number;
  /** Tokens minted (the backend's client-credentials grants); the others came from its cache. */
  minted: number;
}

/** The emulator of a host backend that hands the page a token it obtained server-side. */
export interface BackendTokenEmulator {
  handlers: RequestHandler[];
  counters: BackendTokenEmulatorCounters;
  /** The endpoint's URL. */
  url: string;
  /** The issuer of its tokens, for the API emulator. */
  issuer: TokenIssuer;
  /** Every token handed out, in order, for tests that look for leaks. */
  issued: string[];
  resetCounters(): void;
}

/**
 * Creates the host backend of docs/providers.md's backend-minted recipe as an MSW handler:
 * `POST <origin>/api/callout-token` with `{ scopes, forceRefresh }` answers
 * `{ access_token, expires_in }`. Like a backend in front of a client-credentials grant (an Apex
 * class behind a Named Credential), it keeps the token it obtained and hands the same one to
 * every request until it is half spent, and obtains a new one when the page says the API
 * rejected it (`forceRefresh: true`). The tokens are RS256 JWTs its own key signs; pass
 * `issuer` to an API emulator so the API accepts them.
 *
 * @example
 * ```ts
 * const backend = createBackendTokenEmulator();
 * const api = createApiEmulator({ issuer: backend.issuer, audience: 'api://billing', scopes: ['Invoices.Read'] });
 * worker.use(...backend.handlers, ...api.handlers);
 * ```
 */
export function createBackendTokenEmulator(options: BackendTokenEmulatorOptions = {}): BackendTokenEmulator {
  const url = options.url ?? `${globalThis.location.origin}/api/callout-token`;
  const iss = options.issuer ?? 'https://auth.billing.contoso.test';
  const lifetime = options.lifetime ?? 3600;
  const zero = (): BackendTokenEmulatorCounters => ({ requests: 0, forced: 0, minted: 0 });
  const counters = zero();
  const issued: string[] = [];
  let signingKey: Promise<SigningKey> | undefined;
  const key = () => {
    signingKey ??= createSigningKey();
    return signingKey;
  };
  let cached: { token: string; expires: number } | undefined;

  const mint = async () => {
    counters.minted++;
    const claims = {
      iss,
      aud: options.audience ?? 'api://billing',
      scp: options.scope ?? 'Invoices.Read',
      sub: options.subject ?? 'svc-contoso-sales',
      preferred_username: options.subject ?? 'svc-contoso-sales',
    };
    const token = await signToken(await key(), claims, lifetime);
    issued.push(token);
    cached = { token, expires: Date.now() + lifetime * 1000 };
    return cached;
  };

  const handler = http.post(url, async ({ request }) => {
    counters.requests++;
    const body = (await request.json().catch(() => ({}))) as { forceRefresh?: unknown };
    const forced = body.forceRefresh === true;
    if (forced) counters.forced++;
    const fresh = cached && cached.expires - Date.now() >= (lifetime * 1000) / 2;
    const current = cached && fresh && !forced ? cached : await mint();
    return HttpResponse.json(
      { access_token: current.token, expires_in: Math.floor((current.expires - Date.now()) / 1000) },
      { headers: { 'cache-control': 'no-store' } },
    );
  });

  return {
    handlers: [handler],
    counters,
    url,
    issuer: { issuer: iss, jwks: async () => (await key()).jwks },
    issued,
    resetCounters: () => Object.assign(counters, zero()),
  };
}
