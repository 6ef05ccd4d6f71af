import ky, {
  ForceRetryError,
  isForceRetryError,
  type Options,
  type ResponsePromise,
  type RetryOptions,
} from 'ky';
import type { CredentialRegistry } from '../credentials/credential-registry.js';
import type { ResolvedCredential } from '../credentials/define-credential.js';
import { defined } from '../defined.js';
import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode, interactionErrorCodes } from '../diagnostics/error-codes.js';
import type { CalloutEvents } from '../events.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { TokenContext, TokenStore } from '../tokens/token-store.js';
import type { TokenRequest } from '../types.js';
import { type AuthDecision, decideAuth } from './auth-decision.js';
import { mapResponsePromise, rejectedResponsePromise } from './response-promise.js';
import { requestIdOf, toCalloutError } from './to-callout-error.js';

/** Per-call options: ky's options. The client owns `Authorization` for credential URLs. */
export type CalloutRequestOptions = Omit<Options, 'prefix' | 'baseUrl'>;

/** What `send` needs from its client. */
export interface SendDependencies {
  credentials: CredentialRegistry;
  providers: ProviderRegistry;
  store: TokenStore;
  events: CalloutEvents;
  nextId: () => number;
}

/** Per-call state: the auth retry is tracked here, not with ky's retryCount. */
interface CallState {
  id: number;
  attempt: number;
  token?: string;
  tokenRequest: TokenRequest;
  authRetried: boolean;
  /** The auth retry asked of ky by the fetch wrapper, until `beforeRetry` has fetched its token. */
  authRetry?: { error: ForceRetryError; decision: Exclude<AuthDecision, { action: 'none' }>; status: number };
  transientRetries: number;
  authorized: boolean;
  error?: CalloutError;
}

/**
 * Sends one callout through ky with the auth hooks:
 * - `beforeRequest` attaches `Authorization: Bearer …` from the token store — only when the URL
 *   lies inside the credential's base URL and is not one of the provider's token endpoints;
 * - the fetch wrapper spots a rejected token (a status in `refreshOn`, branching on the
 *   `WWW-Authenticate` challenge) or a claims challenge as soon as the response headers arrive,
 *   and asks ky for **one** immediate retry by throwing ky's `ForceRetryError` (what `ky.retry()`
 *   does from a hook) — deciding there rather than in an `afterResponse` hook spares every
 *   response the body clone ky makes for such hooks;
 * - `beforeRetry` then gets another token (a refresh, or one with the challenge's claims) and puts
 *   it on ky's retry copy of the request, the same body re-sent byte for byte; on ky's own
 *   transient retries (408/429/5xx on idempotent methods, honouring Retry-After) it re-attaches
 *   the current token, so they never go out with an expired one. Token waits run outside the
 *   per-attempt `timeout`, as ky's hooks do.
 * The auth retry is one extra ky retry on top of the caller's `retry.limit`, so it works even with
 * `retry: 0`. Every failure becomes a `CalloutError` and fires the `error` event.
 */
export function send(
  deps: SendDependencies,
  input: string | URL,
  options: CalloutRequestOptions = {},
): ResponsePromise {
  const id = deps.nextId();
  const method = (options.method ?? 'GET').toUpperCase();
  let credential: ResolvedCredential | undefined;
  let url: URL;
  let context: TokenContext | undefined;
  try {
    const target = deps.credentials.resolve(input);
    url = target.url;
    credential = target.credential;
    if (credential) {
      const provider = deps.providers.require(credential);
      if (isTokenEndpoint(url, provider.tokenEndpoints)) {
        credential = undefined; // Never send tokens to, or retry through, a token endpoint.
      } else {
        context = { providerName: credential.provider, provider, credential: credential.name };
      }
    }
  } catch (error) {
    const typed = toCalloutError(error, {
      method,
      url: String(input),
      authorized: false,
      authRetried: false,
    });
    emitError(deps.events, typed);
    return rejectedResponsePromise(typed);
  }

  const state: CallState = {
    id,
    attempt: 0,
    tokenRequest: { scopes: credential ? [...credential.scopes] : [] },
    authRetried: false,
    transientRetries: 0,
    authorized: false,
  };
  const signal = options.signal ?? undefined;
  const streamBody = typeof ReadableStream === 'function' && options.body instanceof ReadableStream;
  const userRetry = normalizeRetry(options.retry ?? credential?.retry);
  const userLimit = userRetry.limit ?? 2;
  const credentialName = credential?.name;

  const attach = async (request: Request) => {
    if (!context) return;
    const token = await deps.store.accessToken(context, {
      ...state.tokenRequest,
      ...defined('signal', signal),
    });
    state.token = token;
    state.authorized = true;
    request.headers.set('authorization', `Bearer ${token}`);
  };

  const instrumentedFetch = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    state.attempt++;
    const { events } = deps;
    // Details are built only for events someone listens to: most pages listen to none.
    const detail =
      events.hasListeners('request') || events.hasListeners('response')
        ? {
            id,
            attempt: state.attempt,
            method: request.method,
            url: request.url,
            ...defined('credential', credentialName),
            authorized: request.headers.has('authorization'),
          }
        : undefined;
    if (detail) events.emit('request', detail);
    const started = performance.now();
    const response = await (options.fetch ?? globalThis.fetch)(request, init);
    if (detail && events.hasListeners('response')) {
      events.emit('response', {
        ...detail,
        status: response.status,
        durationMs: performance.now() - started,
        ...defined('requestId', requestIdOf(response.headers)),
      });
    }
    if (!credential || !context || state.authRetried || response.ok) return response;
    const decision = decideAuth(response, credential);
    if (decision.action === 'none') return response;
    // The rejected response is not handed on, so free its body now.
    response.body?.cancel().catch(() => {});
    if (streamBody) {
      throw new CalloutError({
        code: CalloutErrorCode.bodyNotReplayable,
        status: response.status,
        method,
        url: url.href,
        credential: credential.name,
        message: `Callout got ${response.status} and could not be retried with a fresh token because its body is a ReadableStream, which can be sent only once: ${method} ${url.href}`,
      });
    }
    state.authRetried = true;
    const error = new ForceRetryError({ code: decision.reason, delay: 0 });
    state.authRetry = { error, decision, status: response.status };
    throw error;
  };

  /** Puts a token for the auth retry on ky's copy of the request (see `send`). */
  const reauthorize = async (request: Request, retry: NonNullable<CallState['authRetry']>) => {
    state.authRetry = undefined;
    if (!context || !credential) return;
    const { decision } = retry;
    // A claims challenge moves the call to the token key with those claims; a rejected token
    // is refreshed only if it is still the cached one (another caller may have replaced it).
    const rejected = decision.action === 'claims' ? undefined : state.token;
    if (decision.action === 'claims') state.tokenRequest = { ...state.tokenRequest, claims: decision.claims };
    const result = await deps.store.refresh(
      context,
      { ...state.tokenRequest, ...defined('signal', signal) },
      rejected,
    );
    state.token = result.token.accessToken;
    deps.events.emit('retry', {
      id,
      method,
      url: url.href,
      credential: credential.name,
      reason: decision.reason,
      status: retry.status,
      refreshed: result.refreshed,
    });
    request.headers.set('authorization', `Bearer ${state.token}`);
  };

  // Copy headers only when there is something to merge or an Authorization header to drop.
  let headers = options.headers as HeadersInit | undefined;
  if (credential?.headers || (context && headers)) {
    const merged = new Headers(credential?.headers);
    new Headers(headers).forEach((value, key) => {
      merged.set(key, value);
    });
    if (context) merged.delete('authorization');
    headers = merged;
  }

  const kyOptions: Options = {
    ...options,
    method,
    headers,
    fetch: instrumentedFetch,
    ...(options.timeout === undefined && credential?.timeout !== undefined
      ? { timeout: credential.timeout }
      : {}),
    retry: streamBody
      ? 0
      : {
          ...userRetry,
          limit: userLimit + (context ? 1 : 0),
          shouldRetry: (retryState) => {
            if (state.transientRetries >= userLimit) return false;
            return userRetry.shouldRetry?.(retryState);
          },
        },
    hooks: {
      beforeRequest: [({ request }) => attach(request), ...(options.hooks?.beforeRequest ?? [])],
      afterResponse: options.hooks?.afterResponse ?? [],
      beforeRetry: [
        async ({ request, error }) => {
          if (state.authRetry?.error === error) return reauthorize(request, state.authRetry);
          if (isForceRetryError(error)) return; // A caller's own ky.retry() carries its own request.
          state.transientRetries++;
          const status = (error as { response?: Response }).response?.status;
          deps.events.emit('retry', {
            id,
            method,
            url: url.href,
            ...defined('credential', credentialName),
            reason: 'transient',
            ...defined('status', status),
            refreshed: false,
          });
          await attach(request);
        },
        ...(options.hooks?.beforeRetry ?? []),
      ],
      ...(options.hooks?.beforeError ? { beforeError: options.hooks.beforeError } : {}),
      ...(options.hooks?.init ? { init: options.hooks.init } : {}),
    },
  };

  const fail = (error: unknown): never => {
    if (!state.error) {
      state.error = toCalloutError(error, {
        method,
        url: url.href,
        ...defined('credential', credentialName),
        authorized: state.authorized,
        authRetried: state.authRetried,
        ...defined('signal', signal),
      });
      emitError(deps.events, state.error, context?.providerName);
    }
    throw state.error;
  };
  return mapResponsePromise(ky(url, kyOptions), fail);
}

function emitError(events: CalloutEvents, error: CalloutError, provider?: string): void {
  const credential = error.credential === undefined ? {} : { credential: error.credential };
  events.emit('error', { error, ...credential });
  if (provider !== undefined && interactionErrorCodes.has(error.code)) {
    events.emit('interaction-required', { provider, error, ...credential });
  }
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
    parsed = endpoints.flatMap((endpoint) => (URL.canParse(endpoint) ? [new URL(endpoint)] : []));
    parsedEndpoints.set(endpoints, parsed);
  }
  return parsed.some(
    (endpoint) => url.origin === endpoint.origin && url.pathname.startsWith(endpoint.pathname),
  );
}
