import ky, { type Options, type ResponsePromise, type RetryOptions } from 'ky';
import type { CredentialRegistry } from '../credentials/credential-registry.js';
import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { CalloutEvents } from '../events.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { TokenStore } from '../tokens/token-store.js';
import { CalloutCall, type CallTarget } from './call.js';
import type { ChallengeBudget } from './challenge-budget.js';
import { mapResponsePromise, rejectedResponsePromise } from './response-promise.js';
import { emitError } from './send-events.js';
import { toCalloutError } from './to-callout-error.js';

/** Per-call options: ky's options. The client owns `Authorization` for credential URLs. */
export type CalloutRequestOptions = Omit<Options, 'prefix' | 'baseUrl'>;

/** What `send` needs from its client. */
export interface SendDependencies {
  credentials: CredentialRegistry;
  providers: ProviderRegistry;
  store: TokenStore;
  events: CalloutEvents;
  nextId: () => number;
  /** The budget of claims challenges per credential; one per client. */
  challenges: ChallengeBudget;
  /** Throws `client_disposed` once the client is disposed: such a call fails like any misuse. */
  assertLive(): void;
}

/** ky options that would resolve the URL a second time, behind the credential's back. */
const refusedOptions = ['prefixUrl', 'prefix', 'baseUrl'] as const;

/**
 * Sends one callout through ky with the auth hooks:
 * - `beforeRequest` attaches `Authorization: Bearer …` from the token store — only when the URL
 *   lies inside the credential's base URL and is not one of the provider's token endpoints;
 * - such a call does not follow redirects (`redirect: 'manual'` unless the caller passes
 *   `redirect`): a redirect ends in `redirect_not_followed`, and an answer whose final URL lies
 *   outside the base (when the caller allowed redirects) in `redirect_outside_base` — neither is
 *   parsed, refreshed or retried;
 * - the fetch wrapper spots a rejected token (a status in `refreshOn`, branching on the
 *   `WWW-Authenticate` challenge) or a claims challenge as soon as the response headers arrive,
 *   and asks ky for **one** immediate retry by throwing ky's `ForceRetryError` (what `ky.retry()`
 *   does from a hook) — deciding there rather than in an `afterResponse` hook spares every
 *   response the body clone ky makes for such hooks. Claims challenges with new claims are
 *   budgeted per credential (see {@link ChallengeBudget}); over budget the call fails with
 *   `renewal_throttled` instead of acquiring;
 * - `beforeRetry` then gets another token (a refresh, or one with the challenge's claims) and puts
 *   it on ky's retry copy of the request, the same body re-sent byte for byte; on ky's own
 *   transient retries (408/429/5xx on idempotent methods, honouring Retry-After) it re-attaches
 *   the current token, so they never go out with an expired one. Token waits run outside the
 *   per-attempt `timeout`, as ky's hooks do.
 * The auth retry is one extra ky retry on top of the caller's `retry.limit`, so it works even with
 * `retry: 0`. Every failure — misuse included (`prefixUrl`, a body on GET …) — becomes a
 * `CalloutError`, fires the `error` event and rejects the returned promise; `send` never throws.
 */
export function send(
  deps: SendDependencies,
  input: string | URL,
  options: CalloutRequestOptions = {},
): ResponsePromise {
  const method = String(options.method ?? 'GET').toUpperCase();
  try {
    deps.assertLive();
    const target = resolveTarget(deps, input, method, options);
    const call = new CalloutCall(deps, target, options);
    const headers = mergeHeaders(target, options.headers as HeadersInit | undefined);
    const retry = normalizeRetry(options.retry ?? target.credential?.retry);
    return mapResponsePromise(ky(target.url, call.kyOptions(headers, retry)), call.fail);
  } catch (error) {
    const typed = toCalloutError(error, {
      method,
      url: String(input),
      authorized: false,
    });
    emitError(deps.events, typed);
    return rejectedResponsePromise(typed);
  }
}

/** Where the call goes, and with which credential; throws `CalloutError`s for misuse. */
function resolveTarget(
  deps: SendDependencies,
  input: string | URL,
  method: string,
  options: CalloutRequestOptions,
): CallTarget {
  const refused = refusedOptions.find((name) => (options as Record<string, unknown>)[name] !== undefined);
  if (refused) {
    throw new CalloutError({
      code: CalloutErrorCode.configurationError,
      method,
      url: String(input),
      option: refused,
      hint: 'The client resolves URLs itself: call callout:Name/path or an absolute URL instead.',
      message: `Callout option "${refused}" is not supported: ${method} ${String(input)}`,
    });
  }
  const { url, credential } = deps.credentials.resolve(input);
  if (!credential) return { url, method };
  const provider = deps.providers.require(credential);
  // Never send tokens to, or retry through, a token endpoint.
  if (isTokenEndpoint(url, provider.tokenEndpoints)) return { url, method };
  return {
    url,
    method,
    credential,
    context: { providerName: credential.provider, provider, credential: credential.name },
  };
}

/** Copies headers only when there is something to merge or an Authorization header to drop. */
function mergeHeaders(target: CallTarget, headers: HeadersInit | undefined): HeadersInit | undefined {
  const { credential, context } = target;
  if (!credential?.headers && !(context && headers)) return headers;
  const merged = new Headers(credential?.headers);
  new Headers(headers).forEach((value, key) => {
    merged.set(key, value);
  });
  if (context) merged.delete('authorization');
  return merged;
}

function normalizeRetry(retry: number | RetryOptions | undefined): RetryOptions {
  if (retry === undefined) return {};
  if (typeof retry === 'number') return { limit: retry };
  return { ...retry };
}

/** Parsed token endpoints per provider list, so a request does not parse them again. */
const parsedEndpoints = new WeakMap<readonly string[], URL[]>();

function isTokenEndpoint(url: URL, endpoints: readonly string[] | undefined): boolean {
  if (!endpoints) return false;
  let parsed = parsedEndpoints.get(endpoints);
  if (!parsed) {
    // A path (`/api/token`, as the backend-minted recipe writes it) is on the page's origin.
    parsed = endpoints.flatMap((endpoint) => URL.parse(endpoint, globalThis.location?.href) ?? []);
    parsedEndpoints.set(endpoints, parsed);
  }
  return parsed.some(
    (endpoint) => url.origin === endpoint.origin && url.pathname.startsWith(endpoint.pathname),
  );
}
