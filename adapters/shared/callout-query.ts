export { parseResponse } from '../../components/controllers/parse-response.js';

import { parseResponse } from '../../components/controllers/parse-response.js';
import {
  type Callout,
  CalloutError,
  CalloutErrorCode,
  type CalloutEventMap,
  getDefaultCallout,
  isCalloutError,
  needsSignIn,
  type ResolvedCredential,
  subscribeDefaultCallout,
} from '../../src/index.js';

/** The credential a URL goes through and that credential's provider (empty: none resolves). */
type Target = readonly [] | readonly [ResolvedCredential, unknown];

/** What one query calls: the inputs a framework adapter hands to {@link CalloutQuery.start}. */
export interface CalloutQueryInput<T> {
  /** `callout:Name/path` or an absolute URL; empty, `null` or `undefined`: nothing to call (idle). */
  url: string | null | undefined;
  /** The client; default: the page's default client, followed when it is replaced. */
  callout?: Callout | undefined;
  /** HTTP method. Default `GET`. Only GET and HEAD run by themselves; others run on `refresh()`. */
  method?: string | undefined;
  /** A JSON body (sent as `application/json`). */
  json?: unknown;
  /** Extra request headers (never `Authorization` for a credential: the client owns it). */
  headers?: Record<string, string> | undefined;
  /** Whether the query runs by itself (on start, input changes, registrations, sign-ins). Default true. */
  auto?: boolean | undefined;
  /** Turns the response into `data`. Default: JSON, text, or `null` for an empty body. */
  parse?: ((response: Response) => Promise<T>) | undefined;
}

/** A query's state: a new frozen object after every change, so frameworks can compare by identity. */
export interface CalloutQueryState<T> {
  /** The last result's data; kept while a new run is in flight, `undefined` after an error. */
  readonly data: T | undefined;
  /** The last run's error (a `CalloutError`), or `undefined`. */
  readonly error: CalloutError | undefined;
  /** Whether a run is in flight (or about to start). */
  readonly loading: boolean;
  /** The last result's HTTP status. */
  readonly status: number | undefined;
}

/** The inputs that decide whether a query must run again, as one comparable string. */
export function requestKey(input: CalloutQueryInput<unknown>): string {
  const method = (input.method || 'GET').toUpperCase();
  return JSON.stringify([input.url ?? '', method, input.json ?? null, input.headers ?? null]);
}

/** Whether `input` may run by itself: `auto` is on, there is a URL, and the method only reads. */
function runsByItself(input: CalloutQueryInput<unknown>): boolean {
  const method = (input.method || 'GET').toUpperCase();
  return (input.auto ?? true) && !!input.url && (method === 'GET' || method === 'HEAD');
}

/** The state before anything ran; `loading` when the input will run as soon as it starts. */
export function initialQueryState<T>(input: CalloutQueryInput<T>): CalloutQueryState<T> {
  return Object.freeze({
    data: undefined,
    error: undefined,
    loading: runsByItself(input),
    status: undefined,
  });
}

/** Any failure as a `CalloutError`: a custom `parse` may throw something else. */
function toError(error: unknown): CalloutError {
  if (isCalloutError(error)) return error;
  return new CalloutError({
    code: CalloutErrorCode.parseError,
    message: `The response could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'Check the parse option: it threw.',
    cause: error,
  });
}

/**
 * One reactive callout for framework adapters (React's `useCallout`, Vue's composable): the
 * framework-free part of what `CalloutController` is to Lit. It holds `{ data, error, loading }`,
 * tells its subscribers after every change, and runs the callout while it is started.
 *
 * Timing and behaviour:
 * - `start(input)` follows the client (credentials, providers, sign-ins, and the page's default
 *   client when no client is given) and, if the input runs by itself (GET/HEAD, `auto`), runs in
 *   a microtask; the function it returns stops: it aborts the run in flight and unsubscribes. A
 *   start that is stopped in the same task (React StrictMode's double effect) sends nothing.
 * - Each run has its own `AbortController`; a run that is not the latest is aborted and its
 *   result or error dropped, never shown. Aborting is not an error (the client fires `abort`).
 * - While started, the callout runs again when the credential it names is (re)defined, its
 *   provider is (re)registered, the default client is replaced, or — after an error a sign-in
 *   fixes — anyone on the page signs in with the credential's provider.
 * - `refresh()` runs now with the last input, writes included; it never rejects.
 */
export class CalloutQuery<T> {
  #input: CalloutQueryInput<T> = { url: undefined };
  #state: CalloutQueryState<T>;
  readonly #listeners = new Set<() => void>();
  #run: AbortController | undefined;
  #unfollow: (() => void) | undefined;
  /** The credential definition and provider the last run went through, to spot a re-definition. */
  #target: Target = [];

  constructor(input?: CalloutQueryInput<T>) {
    this.#state = initialQueryState(input ?? this.#input);
  }

  /** The current state (a new frozen object after each change). */
  get state(): CalloutQueryState<T> {
    return this.#state;
  }

  /** Calls `listener` after every change of {@link state}; returns the function that stops. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Starts following `input` (see the class); returns the function that stops. */
  start(input: CalloutQueryInput<T>): () => void {
    this.#stop();
    this.#input = input;
    const unfollow = this.#follow();
    this.#unfollow = unfollow;
    if (runsByItself(input)) this.#schedule();
    else if (!input.url) this.#set({ data: undefined, error: undefined, loading: false, status: undefined });
    return () => {
      if (this.#unfollow === unfollow) this.#stop();
    };
  }

  /** Runs the callout now with the last input (aborting a run in flight); resolves when it settled. */
  readonly refresh = (): Promise<void> => this.#execute(this.#begin());

  #stop(): void {
    this.#unfollow?.();
    this.#unfollow = undefined;
    this.#run?.abort();
    this.#run = undefined;
    if (this.#state.loading) this.#set({ ...this.#state, loading: false });
  }

  #client(): Callout {
    return this.#input.callout ?? getDefaultCallout();
  }

  /** Starts a run: the previous one is aborted, and from now on only this one may set the state. */
  #begin(): AbortController {
    this.#run?.abort();
    const run = new AbortController();
    this.#run = run;
    if (!this.#state.loading) this.#set({ ...this.#state, loading: true });
    return run;
  }

  /** A run in a microtask, so a start stopped in the same task sends nothing. */
  #schedule(): void {
    const run = this.#begin();
    queueMicrotask(() => {
      if (!run.signal.aborted) void this.#execute(run);
    });
  }

  async #execute(run: AbortController): Promise<void> {
    const { url, method, json, headers, parse } = this.#input;
    if (!url) {
      this.#run = undefined;
      this.#set({ data: undefined, error: undefined, loading: false, status: undefined });
      return;
    }
    const client = this.#client();
    this.#target = this.#targetOf(client);
    try {
      const response = await client(url, {
        method: (method || 'GET').toUpperCase(),
        signal: run.signal,
        ...(headers ? { headers } : {}),
        ...(json === undefined ? {} : { json }),
      });
      const data = (await (parse ?? parseResponse)(response)) as T;
      if (this.#run === run) this.#set({ data, error: undefined, loading: false, status: response.status });
    } catch (error) {
      if (this.#run === run && !run.signal.aborted) {
        this.#set({ data: undefined, error: toError(error), loading: false, status: undefined });
      }
    } finally {
      if (this.#run === run) this.#run = undefined;
    }
  }

  /** Subscribes to the client (and to the default client's replacement); returns the function that stops. */
  #follow(): () => void {
    let stopClient = this.#followClient(this.#client());
    const stopDefault = this.#input.callout
      ? () => {}
      : subscribeDefaultCallout(() => {
          stopClient();
          stopClient = this.#followClient(this.#client());
          if (runsByItself(this.#input)) this.#schedule();
        });
    return () => {
      stopDefault();
      stopClient();
    };
  }

  #followClient(client: Callout): () => void {
    const onChange = () => {
      const target = this.#targetOf(client);
      const changed =
        target.length !== this.#target.length || target.some((part, i) => part !== this.#target[i]);
      if (changed && runsByItself(this.#input)) this.#schedule();
    };
    const onAccount = (event: CalloutEventMap['account']) => {
      const { account, provider } = event.detail;
      const error = this.#state.error;
      if (!account || !error || !needsSignIn(error) || !runsByItself(this.#input) || this.#run) return;
      const [definition] = this.#targetOf(client);
      if (!definition || definition.provider === provider) this.#schedule();
    };
    const stopCredentials = client.credentials.subscribe(onChange);
    const stopProviders = client.providers.subscribe(onChange);
    client.events.addEventListener('account', onAccount);
    return () => {
      stopCredentials();
      stopProviders();
      client.events.removeEventListener('account', onAccount);
    };
  }

  /** The credential the URL goes through and its provider, or nothing while it does not resolve. */
  #targetOf(client: Callout): Target {
    const url = this.#input.url;
    if (!url) return [];
    try {
      const { credential } = client.credentials.resolve(url);
      return credential ? [credential, client.providers.get(credential.provider)] : [];
    } catch {
      return [];
    }
  }

  #set(state: CalloutQueryState<T>): void {
    this.#state = Object.freeze(state);
    for (const listener of [...this.#listeners]) listener();
  }
}
