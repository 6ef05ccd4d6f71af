import { ForceRetryError, isForceRetryError, type Options, type RetryOptions } from 'ky';
import type { ResolvedCredential } from '../credentials/define-credential.js';
import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { TokenContext } from '../tokens/token-store.js';
import type { TokenRequest } from '../types.js';
import { type AuthDecision, decideAuth } from './auth-decision.js';
import { redirectFailure } from './redirect-check.js';
import type { CalloutRequestOptions, SendDependencies } from './send.js';
import { emitError } from './send-events.js';
import { requestIdOf, toCalloutError } from './to-callout-error.js';

/** Where one call goes: its URL and, when it carries a token, its credential and token context. */
export interface CallTarget {
  url: URL;
  method: string;
  credential?: ResolvedCredential;
  context?: TokenContext;
}

type AuthRetry = {
  error: ForceRetryError;
  decision: Exclude<AuthDecision, { action: 'none' }>;
  status: number;
};

/**
 * One callout in flight: the auth hooks `send` gives ky, and the per-call state they share (the
 * auth retry is tracked here, not with ky's retryCount). See `send` for the behaviour; this class
 * only splits it into parts. Everything it hands out — event details, errors — holds plain values
 * only: the tokens it attaches stay in `#secrets`, which is used to redact them from errors.
 */
export class CalloutCall {
  readonly #deps: SendDependencies;
  readonly #target: CallTarget;
  readonly #options: CalloutRequestOptions;
  readonly #id: number;
  readonly #streamBody: boolean;
  #attempt = 0;
  #token: string | undefined;
  #tokenRequest: TokenRequest;
  #authRetried = false;
  /** The auth retry asked of ky by `fetch`, until `beforeRetry` has fetched its token. */
  #authRetry: AuthRetry | undefined;
  #transientRetries = 0;
  #authorized = false;
  #error: CalloutError | undefined;
  #lastResponse: { status: number; requestId?: string } | undefined;
  readonly #secrets: string[] = [];

  constructor(deps: SendDependencies, target: CallTarget, options: CalloutRequestOptions) {
    this.#deps = deps;
    this.#target = target;
    this.#options = options;
    this.#id = deps.nextId();
    this.#streamBody = typeof ReadableStream === 'function' && options.body instanceof ReadableStream;
    this.#tokenRequest = { scopes: target.credential ? [...target.credential.scopes] : [] };
  }

  /** ky's options for this call: the caller's, with our fetch wrapper, hooks, retry and redirect mode. */
  kyOptions(headers: HeadersInit | undefined, retry: RetryOptions): Options {
    const options = this.#options;
    const { credential, context, method } = this.#target;
    const userLimit = retry.limit ?? 2;
    return {
      ...options,
      method,
      headers,
      fetch: this.fetch,
      // A call that carries a token never follows a redirect unless its caller asks: the browser
      // would send the token to the target (same origin, any path) before it could be checked.
      ...(context && options.redirect === undefined ? { redirect: 'manual' as const } : {}),
      ...(options.timeout === undefined && credential?.timeout !== undefined
        ? { timeout: credential.timeout }
        : {}),
      retry: this.#streamBody
        ? 0
        : {
            ...retry,
            limit: userLimit + (context ? 1 : 0),
            shouldRetry: (state) => {
              if (isCalloutError(state.error) || this.#transientRetries >= userLimit) return false;
              return retry.shouldRetry?.(state);
            },
          },
      hooks: {
        beforeRequest: [({ request }) => this.#attach(request), ...(options.hooks?.beforeRequest ?? [])],
        afterResponse: options.hooks?.afterResponse ?? [],
        beforeRetry: [
          ({ request, error }) => this.#beforeRetry(request, error),
          ...(options.hooks?.beforeRetry ?? []),
        ],
        ...(options.hooks?.beforeError ? { beforeError: options.hooks.beforeError } : {}),
        ...(options.hooks?.init ? { init: options.hooks.init } : {}),
      },
    };
  }

  /** Puts the current token on `request` (when the call has a credential). */
  async #attach(request: Request): Promise<void> {
    const { context } = this.#target;
    if (!context) return;
    const token = await this.#deps.store.accessToken(context, {
      ...this.#tokenRequest,
      signal: this.#options.signal ?? undefined,
    });
    this.#use(token);
    this.#authorized = true;
    request.headers.set('authorization', `Bearer ${token}`);
  }

  #use(token: string): void {
    this.#token = token;
    if (!this.#secrets.includes(token)) this.#secrets.push(token);
  }

  /**
   * The fetch ky calls: fires `request`/`response`, refuses answers from outside the base, and
   * spots a rejected token or a claims challenge as soon as the headers arrive.
   */
  readonly fetch = async (input: Request | URL | string, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    this.#attempt++;
    const { events } = this.#deps;
    // Details are built only for events someone listens to: most pages listen to none.
    const detail =
      events.hasListeners('request') || events.hasListeners('response')
        ? {
            id: this.#id,
            attempt: this.#attempt,
            method: request.method,
            url: request.url,
            credential: this.#target.credential?.name,
            authorized: request.headers.has('authorization'),
          }
        : undefined;
    if (detail) events.emit('request', detail);
    const started = performance.now();
    const response = await (this.#options.fetch ?? globalThis.fetch)(request, init);
    const requestId = requestIdOf(response.headers);
    this.#lastResponse = { status: response.status, requestId };
    if (detail && events.hasListeners('response')) {
      events.emit('response', {
        ...detail,
        status: response.status,
        durationMs: performance.now() - started,
        requestId,
      });
    }
    return this.#screen(response);
  };

  /** Returns `response` to ky, or throws: a redirect out of the base, or the auth retry's signal. */
  #screen(response: Response): Response {
    const { credential, context, method, url } = this.#target;
    if (!credential || !context) return response;
    const refused = redirectFailure(response, { method, url: url.href, credential });
    if (refused) throw discard(response, refused);
    if (this.#authRetried || response.ok) return response;
    const decision = decideAuth(response, credential);
    if (decision.action === 'none') return response;
    if (this.#streamBody) {
      throw discard(
        response,
        new CalloutError({
          code: CalloutErrorCode.bodyNotReplayable,
          status: response.status,
          method,
          url: url.href,
          credential: credential.name,
          message: `Callout got ${response.status} and could not be retried with a fresh token because its body is a ReadableStream, which can be sent only once: ${method} ${url.href}`,
        }),
      );
    }
    if (decision.action === 'claims' && !this.#deps.challenges.allow(credential.name, decision.claims)) {
      const { limit, windowMs } = this.#deps.challenges.limits;
      throw discard(
        response,
        new CalloutError({
          code: CalloutErrorCode.renewalThrottled,
          status: response.status,
          method,
          url: url.href,
          credential: credential.name,
          hint: 'The API keeps asking for new claims: check its Continuous Access Evaluation and conditional-access policies.',
          message: `Callout got a claims challenge over its credential's budget (${limit} new claims in ${windowMs / 1000} s), so no token was acquired: ${method} ${url.href}`,
        }),
      );
    }
    this.#authRetried = true;
    const error = new ForceRetryError({ code: decision.reason, delay: 0 });
    this.#authRetry = { error, decision, status: response.status };
    // The rejected response is not handed on, so free its body now.
    throw discard(response, error);
  }

  async #beforeRetry(request: Request, error: Error): Promise<void> {
    if (this.#authRetry?.error === error) return this.#reauthorize(request, this.#authRetry);
    if (isForceRetryError(error)) return; // A caller's own ky.retry() carries its own request.
    this.#transientRetries++;
    const { method, url, credential } = this.#target;
    const status = (error as { response?: Response }).response?.status;
    this.#deps.events.emit('retry', {
      id: this.#id,
      method,
      url: url.href,
      credential: credential?.name,
      reason: 'transient',
      status,
      refreshed: false,
    });
    await this.#attach(request);
  }

  /** Puts a token for the auth retry on ky's copy of the request (see `send`). */
  async #reauthorize(request: Request, retry: AuthRetry): Promise<void> {
    this.#authRetry = undefined;
    const { context, credential, method, url } = this.#target;
    if (!context || !credential) return;
    const { decision } = retry;
    // A claims challenge moves the call to the token key with those claims; a rejected token
    // is refreshed only if it is still the cached one (another caller may have replaced it).
    const rejected = decision.action === 'claims' ? undefined : this.#token;
    if (decision.action === 'claims') this.#tokenRequest = { ...this.#tokenRequest, claims: decision.claims };
    const result = await this.#deps.store.refresh(
      context,
      { ...this.#tokenRequest, signal: this.#options.signal ?? undefined },
      rejected,
    );
    this.#use(result.token.accessToken);
    this.#deps.events.emit('retry', {
      id: this.#id,
      method,
      url: url.href,
      credential: credential.name,
      reason: decision.reason,
      status: retry.status,
      refreshed: result.refreshed,
    });
    request.headers.set('authorization', `Bearer ${this.#token}`);
  }

  /**
   * Turns what ky threw into this call's one `CalloutError` and throws it. It is fired once, as
   * `abort` when the caller's signal aborted the call, else as `error`.
   */
  readonly fail = (error: unknown): never => {
    if (!this.#error) {
      const { method, url, credential, context } = this.#target;
      const signal = this.#options.signal ?? undefined;
      this.#error = toCalloutError(error, {
        method,
        url: url.href,
        credential: credential?.name,
        authorized: this.#authorized,
        signal,
        response: this.#lastResponse,
        secrets: this.#secrets,
      });
      emitError(this.#deps.events, this.#error, context?.providerName, signal);
    }
    throw this.#error;
  };
}

/** Cancels the body of an answer that is not handed on, and returns `error` to throw. */
function discard<E>(response: Response, error: E): E {
  response.body?.cancel().catch(() => {});
  return error;
}
