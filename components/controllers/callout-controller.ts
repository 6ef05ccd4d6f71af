import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Callout, CalloutEventMap, ResolvedCredential } from '../../src/index.js';
import { calloutScheme, isCalloutError, needsSignIn } from '../../src/index.js';
import { ClientLookup } from '../shared/client-lookup.js';
import { identityOf } from './identity.js';
import { parseResponse } from './parse-response.js';
import { isSafeMethod } from './safe-method.js';

/** A value, or a function read before every host update (so it can follow the host's properties). */
export type ValueOrGetter<V> = V | (() => V);

/** What a finished callout produced. */
export interface CalloutResult<T> {
  data: T;
  status: number;
  headers: Headers;
}

/** Options of {@link CalloutController}. Every input may be a value or a getter. */
export interface CalloutControllerOptions<T = unknown> {
  /** Name of the named credential; with it, `path` is relative to the credential's URL. */
  credential?: ValueOrGetter<string | undefined>;
  /** Path below the credential's URL, or an absolute URL when there is no credential. */
  path?: ValueOrGetter<string | undefined>;
  /** HTTP method. Default `GET`. Only GET and HEAD run by themselves; others run on `refresh()`. */
  method?: ValueOrGetter<string | undefined>;
  /** A JSON body (sent as `application/json`). Compared by value, so a new but equal object does not re-run. */
  body?: ValueOrGetter<unknown>;
  /**
   * A client to use instead of the context's or the page's default one. Ignored when `lookup` is
   * given: that lookup's explicit client plays this part.
   */
  callout?: ValueOrGetter<Callout | undefined>;
  /**
   * The host's {@link ClientLookup}, when it has one already (`lookupOf(this)` in a
   * `CalloutElement`): the controller then finds and follows the client through it instead of
   * making its own, so the host runs one context consumer.
   */
  lookup?: ClientLookup;
  /**
   * Whether changes of the inputs run the callout by themselves. Default true, and only ever for
   * GET and HEAD; `refresh()` always runs it.
   */
  auto?: ValueOrGetter<boolean>;
  /** Turns the response into `data`. Default: JSON, text, or `null` for an empty body. */
  parse?: (response: Response) => Promise<T>;
  /** Called with each result that is not stale. */
  onResponse?: (result: CalloutResult<T>) => void;
  /** Called with each error that is not stale (aborts caused by this controller are not errors). */
  onError?: (error: unknown) => void;
}

/**
 * A run's inputs, compared by `@lit/task` to decide whether to run again. The client and the
 * provider appear as numbers (see {@link identityOf}): the task keeps its last arguments where
 * code that reaches the host element can read them, and those objects are the keys to tokens.
 */
type Args = readonly [
  number,
  ResolvedCredential | undefined,
  number,
  string | undefined,
  string,
  string,
  string,
];

const disconnected = Symbol('disconnected');

/** An option's current value: a getter is called, a value (or an absent option) is returned as is. */
function read<V>(value: ValueOrGetter<V> | undefined): V | undefined {
  return typeof value === 'function' ? (value as () => V)() : value;
}

/**
 * The `@wire` of sso-callout: a Lit reactive controller (built on `@lit/task`) that calls an API
 * through a named credential and exposes `{ data, error, loading }` to its host.
 *
 * Timing and behaviour:
 * - Only GET and HEAD run by themselves. Any other method (a write) runs only when `refresh()` is
 *   called — from script or a click handler — never on connect, on input changes, on reconnect
 *   or after a sign-in, so markup that sets `method` cannot make the user's token write.
 * - The inputs are read before each host update; when any of them (or the credential's
 *   definition in the client, or the client itself) changed, the callout runs during that update.
 *   The first run happens on the host's first update.
 * - A new run aborts the one in flight; a stale run's result and error are dropped, never shown.
 * - Disconnecting the host aborts the run in flight; reconnecting runs it again.
 * - While a run is in flight, `data` keeps the previous result (so a refresh does not blank the
 *   view) and `loading` is true. After an error, `data` is `undefined`.
 * - If the credential is not registered yet, `error` is an `unknown_credential` error, and the
 *   callout runs again as soon as it is registered. Likewise, when the credential's provider is
 *   not registered yet (`invalid_credential`), the callout runs as soon as it is; it also runs
 *   again when that provider is replaced.
 * - After a run failed because the user must sign in (`needsSignIn(error)`: `interaction_required`,
 *   `login_required`, `consent_required`, `invalid_grant`), the callout runs again by itself as soon as the client fires an
 *   `account` event with an account for the credential's provider — a sign-in made anywhere on
 *   the page (a `<callout-login>`, another element's "Sign in to continue" button, code).
 *
 * The client is the `callout` option, else the nearest `calloutContext` provider, else the page's
 * default client (found by the `lookup` option, or by a {@link ClientLookup} of the controller's
 * own). When it changes — a new default client set after the first render, say — the callout runs
 * again with the new one. The host holds only closures of the controller, never the controller or
 * the client, so code that reaches the host element cannot reach the client through it; keep the
 * controller itself in a private (`#`) field, since its `callout` getter returns the client.
 *
 * @example
 * ```ts
 * class OrderCard extends LitElement {
 *   @property() orderId = '';
 *   #order = new CalloutController<Order>(this, { credential: 'Orders', path: () => `orders/${this.orderId}` });
 *   render() {
 *     const { data, error, loading } = this.#order;
 *     if (loading && !data) return html`Loading…`;
 *     if (error) return html`${describeError(error).message}`;
 *     return html`${data?.sku}`;
 *   }
 * }
 * ```
 */
export class CalloutController<T = unknown> implements ReactiveController {
  readonly #options: CalloutControllerOptions<T>;
  readonly #lookup: ClientLookup;
  readonly #task: Task<Args, CalloutResult<T>>;
  readonly #host: ReactiveControllerHost & HTMLElement;
  #needsRun = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: CalloutControllerOptions<T>) {
    this.#options = options;
    this.#host = host;
    this.#lookup = options.lookup ?? new ClientLookup(host, { explicit: () => read(options.callout) });
    this.#lookup.follow((callout) => this.#subscribe(callout, () => host.requestUpdate()));
    // The host holds closures, not this controller: its `callout` getter must not be reachable.
    host.addController({
      hostConnected: () => this.hostConnected(),
      hostUpdate: () => this.hostUpdate(),
      hostDisconnected: () => this.hostDisconnected(),
    });
    this.#task = new Task<Args, CalloutResult<T>>(host, {
      task: (args, { signal }) => this.#run(args, signal),
      args: () => this.#args(),
      autoRun: this.#auto(),
      onComplete: (result) => options.onResponse?.(result),
      onError: (error) => options.onError?.(error),
    });
  }

  /** The last result's data; kept while a new run is in flight, `undefined` after an error. */
  get data(): T | undefined {
    return this.#task.value?.data;
  }

  /** The last result (data, status and headers). */
  get result(): CalloutResult<T> | undefined {
    return this.#task.value;
  }

  /** The last run's error (usually a `CalloutError`), or `undefined`. */
  get error(): unknown {
    return this.#task.status === TaskStatus.ERROR ? this.#task.error : undefined;
  }

  /** Whether a run is in flight. */
  get loading(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** The client the controller calls through now. */
  get callout(): Callout {
    return this.#lookup.callout;
  }

  /** Resolves when the current run (if any) has settled; never rejects. */
  get settled(): Promise<void> {
    return this.#task.taskComplete.then(
      () => {},
      () => {},
    );
  }

  /**
   * Runs the callout again now with the current inputs (aborting a run in flight), for example
   * from a Retry button or a poll. Resolves when that run has settled; never rejects.
   */
  async refresh(): Promise<void> {
    await this.#task.run(this.#args());
  }

  hostConnected(): void {
    if (this.#needsRun) {
      this.#needsRun = false;
      if (this.#auto()) void this.#task.run(this.#args());
    }
  }

  hostUpdate(): void {
    // A host updated while detached (a page tearing down removes credentials before the
    // elements that use them) must not run: it runs when it is connected again instead.
    const connected = this.#host.isConnected;
    this.#task.autoRun = this.#auto() && connected;
    if (!connected && this.#auto()) this.#needsRun = true;
  }

  hostDisconnected(): void {
    if (this.#task.status === TaskStatus.PENDING) {
      this.#needsRun = this.#auto();
      this.#task.abort(disconnected);
    }
  }

  /** Follows the client's credentials, providers and sign-ins; returns the function that stops. */
  #subscribe(callout: Callout, update: () => void): () => void {
    const stopCredentials = callout.credentials.subscribe(update);
    const stopProviders = callout.providers.subscribe(update);
    const onAccount = (event: CalloutEventMap['account']) => {
      if (event.detail.account && this.#auto() && this.#awaitsSignIn(callout, event.detail.provider)) {
        void this.#task.run(this.#args());
      }
    };
    callout.events.addEventListener('account', onAccount);
    return () => {
      stopCredentials();
      stopProviders();
      callout.events.removeEventListener('account', onAccount);
    };
  }

  /**
   * Whether the last run failed for want of a sign-in with `provider` (the credential's provider,
   * or the one the error names in `signInProvider`), and nothing runs now.
   */
  #awaitsSignIn(callout: Callout, provider: string): boolean {
    if (this.#task.status !== TaskStatus.ERROR || callout !== this.#lookup.callout) return false;
    const error = this.#task.error;
    if (!needsSignIn(error)) return false;
    const credential = read(this.#options.credential);
    const definition = credential ? callout.credentials.get(credential) : undefined;
    const signInWith = isCalloutError(error) ? error.signInProvider : undefined;
    return definition === undefined || (signInWith ?? definition.provider) === provider;
  }

  /** Whether the callout may run without being asked: `auto` is on and the method only reads. */
  #auto(): boolean {
    return (read(this.#options.auto) ?? true) && isSafeMethod(read(this.#options.method));
  }

  #args(): Args {
    const callout = this.#lookup.callout;
    const options = this.#options;
    const credential = read(options.credential);
    const path = read(options.path) ?? '';
    const method = (read(options.method) || 'GET').toUpperCase();
    const body = read(options.body);
    const definition = credential ? callout.credentials.get(credential) : undefined;
    // The provider is an input too, so a callout waiting for it runs once it is registered.
    const provider = definition ? callout.providers.get(definition.provider) : undefined;
    const bodyKey = body === undefined ? '' : JSON.stringify(body);
    return [
      identityOf(callout),
      definition,
      identityOf(provider),
      credential || undefined,
      path,
      method,
      bodyKey,
    ];
  }

  /** Runs with the current client: `args` were read from it just now (the task runs at once). */
  async #run(args: Args, signal: AbortSignal): Promise<CalloutResult<T>> {
    const [, , , credential, path, method, bodyKey] = args;
    const callout = this.#lookup.callout;
    const input = credential ? `${calloutScheme}${credential}/${path}` : path;
    if (!credential && !path) return initialState as never;
    try {
      const response = await callout(input, {
        method,
        signal,
        ...(bodyKey === '' ? {} : { json: JSON.parse(bodyKey) as unknown }),
      });
      const data = (await (this.#options.parse ?? parseResponse)(response)) as T;
      return { data, status: response.status, headers: response.headers };
    } catch (error) {
      if (signal.aborted && signal.reason === disconnected) return initialState as never;
      throw error;
    }
  }
}
