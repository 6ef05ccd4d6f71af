import ky, { isForceRetryError, type Options, type ResponsePromise, type RetryOptions } from 'ky';
import type { CredentialRegistry } from '../credentials/credential-registry.js';
import type { ResolvedCredential } from '../credentials/define-credential.js';
import { defined } from '../defined.js';
import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode, interactionErrorCodes } from '../diagnostics/error-codes.js';
import type { CalloutEvents } from '../events.js';
import type { ProviderRegistry } from '../providers/provider-registry.js';
import type { TokenContext, TokenStore } from '../tokens/token-store.js';
import type { TokenRequest } from '../types.js';
import { decideAuth } from './auth-decision.js';
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
  transientRetries: number;
  authorized: boolean;
  error?: CalloutError;
}

/**
 * Sends one callout through ky with the auth hooks:
 * - `beforeRequest` attaches `Authorization: Bearer …` from the token store — only when the URL
 *   lies inside the credential's base URL and is not one of the provider's token endpoints;
 * - `afterResponse` answers a rejected token (a status in `refreshOn`, branching on the
 *   `WWW-Authenticate` challenge) or a claims challenge by getting another token and retrying
 *   **once** with `ky.retry({ request, delay: 0 })`, the same body re-sent byte for byte;
 * - `beforeRetry` re-attaches the current token on ky's own transient retries (408/429/5xx on
 *   idempotent methods, honouring Retry-After), so they never go out with an expired token.
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
    return response;
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
      afterResponse: [
        async ({ request, response }) => {
          if (!context || !credential || state.authRetried) return;
          const decision = decideAuth(response, credential);
          if (decision.action === 'none') return;
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
          // A claims challenge moves the call to the token key with those claims; a rejected token
          // is refreshed only if it is still the cached one (another caller may have replaced it).
          const rejected = decision.action === 'claims' ? undefined : state.token;
          if (decision.action === 'claims')
            state.tokenRequest = { ...state.tokenRequest, claims: decision.claims };
          const result = await deps.store.refresh(
            context,
            { ...state.tokenRequest, ...defined('signal', signal) },
            rejected,
          );
          state.token = result.token.accessToken;
          const { refreshed } = result;
          deps.events.emit('retry', {
            id,
            method,
            url: url.href,
            credential: credential.name,
            reason: decision.reason,
            status: response.status,
            refreshed,
          });
          const retryHeaders = new Headers(request.headers);
          retryHeaders.set('authorization', `Bearer ${state.token}`);
          return ky.retry({
            request: new Request(request, { headers: retryHeaders }),
            code: decision.reason,
            delay: 0,
          });
        },
        ...(options.hooks?.afterResponse ?? []),
      ],
      beforeRetry: [
        async ({ request, error }) => {
          if (isForceRetryError(error)) return; // The auth retry already carries its new token.
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

function isTokenEndpoint(url: URL, endpoints: readonly string[] | undefined): boolean {
  if (!endpoints) return false;
  return endpoints.some((endpoint) => {
    try {
      const parsed = new URL(endpoint);
      return url.origin === parsed.origin && url.pathname.startsWith(parsed.pathname);
    } catch {
      return false;
    }
  });
}
