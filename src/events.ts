import type { CalloutError } from './diagnostics/callout-error.js';
import type { Account, TokenSource } from './types.js';

/** A token was served or acquired. Carries what is known about it — never the token itself. */
export interface TokenEventDetail {
  provider: string;
  credential?: string;
  scopes: string[];
  source: TokenSource;
  expiresOn: Date;
  account?: Account;
  /** Whether the caller forced a fresh token (after a 401, a claims challenge …). */
  forced: boolean;
  /** Whether a claims challenge was part of the request. */
  claims: boolean;
  /** Set when the token was acquired by another tab and shared with this one. */
  fromOtherTab?: boolean;
}

/** One HTTP attempt is about to be sent (retries are separate attempts). */
export interface RequestEventDetail {
  id: number;
  attempt: number;
  method: string;
  url: string;
  credential?: string;
  /** Whether an `Authorization` header was attached. */
  authorized: boolean;
}

/** One HTTP attempt got an answer. */
export interface ResponseEventDetail extends RequestEventDetail {
  status: number;
  durationMs: number;
  requestId?: string;
}

/** Why a request is sent again. */
export type RetryReason = 'token-rejected' | 'claims-challenge' | 'transient';

/** A request is retried. `token-rejected` and `claims-challenge` are the (single) auth retry. */
export interface RetryEventDetail {
  id: number;
  method: string;
  url: string;
  credential?: string;
  reason: RetryReason;
  status?: number;
  /** Whether the retry used a newly acquired token or one another caller had already refreshed. */
  refreshed: boolean;
}

/** A callout failed. */
export interface ErrorEventDetail {
  error: CalloutError;
  credential?: string;
}

/**
 * A callout ended because its caller aborted it (its `signal`): a component unmounted, a newer
 * request replaced it. Not an error: no `error` event is fired for it. `error` is what the call
 * rejected with (code `aborted`; its message names the method and URL).
 */
export interface AbortEventDetail {
  error: CalloutError;
  credential?: string;
}

/** A provider needs the user to interact; show a sign-in button and call `signIn()` from its click. */
export interface InteractionRequiredEventDetail {
  provider: string;
  credential?: string;
  error: CalloutError;
}

/** The signed-in account of a provider changed (`undefined`: signed out). */
export interface AccountEventDetail {
  provider: string;
  account?: Account;
}

/** Event names and their detail types, for typed listeners. */
export interface CalloutEventMap {
  token: CustomEvent<TokenEventDetail>;
  request: CustomEvent<RequestEventDetail>;
  response: CustomEvent<ResponseEventDetail>;
  retry: CustomEvent<RetryEventDetail>;
  error: CustomEvent<ErrorEventDetail>;
  abort: CustomEvent<AbortEventDetail>;
  'interaction-required': CustomEvent<InteractionRequiredEventDetail>;
  account: CustomEvent<AccountEventDetail>;
}

/** Names of the events a client fires. */
export type CalloutEventName = keyof CalloutEventMap;

type Listener<K extends CalloutEventName> = (event: CalloutEventMap[K]) => void;

/**
 * The client's event bus: a plain `EventTarget` whose events are `CustomEvent`s with typed
 * `detail`. Events are dispatched synchronously, at the moment the thing happens.
 *
 * @example
 * ```ts
 * callout.events.addEventListener('retry', (e) => console.info('retry', e.detail.reason));
 * ```
 */
export class CalloutEvents extends EventTarget {
  /** Plain listeners by type (`capture:` prefixed for capture ones), de-duplicated as `EventTarget` does. */
  readonly #plain = new Map<string, Set<unknown>>();
  /** Types that ever had a `once` or `signal` listener: those remove themselves, so never skipped. */
  readonly #sticky = new Set<string>();

  /**
   * Whether `name` may have a listener. Never `false` while one is registered, so the client may
   * skip building an event's detail when it is.
   */
  hasListeners(name: CalloutEventName): boolean {
    return (
      this.#sticky.has(name) || !!this.#plain.get(name)?.size || !!this.#plain.get(`capture:${name}`)?.size
    );
  }

  /**
   * Dispatch `name` with `detail` to every listener (nothing is built when there is none). The
   * detail is copied without its `undefined` fields (an optional field is absent, never present
   * and `undefined`) and frozen, so one listener cannot change what the next one sees. Details
   * hold plain values and token-free errors only: never a token, a `Request`, `Headers` or ky's
   * error.
   */
  emit<K extends CalloutEventName>(name: K, detail: CalloutEventMap[K]['detail']): void {
    if (!this.hasListeners(name)) return;
    const present = Object.entries(detail).filter(([, value]) => value !== undefined);
    this.dispatchEvent(new CustomEvent(name, { detail: Object.freeze(Object.fromEntries(present)) }));
  }

  override addEventListener<K extends CalloutEventName>(
    type: K,
    listener: Listener<K> | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
    if (!listener) return;
    if (typeof options === 'object' && (options.once || options.signal)) this.#sticky.add(type);
    else {
      const key = plainKey(type, options);
      const set = this.#plain.get(key) ?? new Set();
      this.#plain.set(key, set.add(listener));
    }
  }

  override removeEventListener<K extends CalloutEventName>(
    type: K,
    listener: Listener<K> | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
    this.#plain.get(plainKey(type, options))?.delete(listener);
  }
}

function plainKey(type: string, options: boolean | EventListenerOptions | undefined): string {
  return (typeof options === 'object' ? options.capture : options) ? `capture:${type}` : type;
}
