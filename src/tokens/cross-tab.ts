import { defined } from '../defined.js';
import type { Account } from '../types.js';

/** A token as it crosses tabs: plain values only (structured-clone safe, also under LWS). */
export interface SharedToken {
  accessToken: string;
  expiresOn: number;
  scopes: string[];
  account?: Account;
}

type Message =
  | { type: 'token'; key: string; token: SharedToken }
  | { type: 'sign-out'; provider: string; accountId?: string };

/** What the coordinator tells its store about other tabs. */
export interface CrossTabHandlers {
  onToken(key: string, token: SharedToken): void;
  onSignOut(provider: string, accountId: string | undefined): void;
}

/** How long a tab that waited for another tab's acquisition waits for its broadcast token. */
const broadcastGraceMs = 250;

/**
 * How long a tab keeps the lock after it acquired, so a tab that asks right then — before the
 * broadcast has reached it — queues for the lock and reuses the token instead of acquiring again.
 */
const holdMs = 100;

/** What ran under a lock: its value, and whether this tab acquired (so holds the lock on). */
interface Locked<T> {
  value: T;
  acquired: boolean;
}

/** What a lock request answers when `ifAvailable` found the lock taken. */
const notAvailable = Symbol('not-available');

/**
 * Coordinates token acquisition between tabs of one origin. `run(key, fn)` holds a Web Lock named
 * after the key while `fn` acquires, so two tabs never acquire the same token at once; the tab that
 * acquires shares the token over a `BroadcastChannel`, and a tab that had to wait for the lock first
 * gives that broadcast a moment to arrive before it acquires itself. The acquiring tab gets its
 * token at once but keeps the lock {@link holdMs} longer (its own next request takes it back at
 * once), which closes the gap between releasing the lock and the broadcast's arrival. Tokens
 * cross tabs in memory only — never through storage. Where the browser lacks Web Locks or
 * BroadcastChannel, `run` just calls `fn` and nothing is shared.
 */
export class CrossTab {
  readonly #name: string;
  readonly #channel: BroadcastChannel | undefined;
  readonly #handlers: CrossTabHandlers;
  readonly #waiters = new Map<string, Set<() => void>>();
  /** Ends this tab's hold on a lock early, by lock name. */
  readonly #holds = new Map<string, () => void>();

  constructor(name: string, handlers: CrossTabHandlers) {
    this.#name = name;
    this.#handlers = handlers;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    this.#channel?.addEventListener('message', this.#onMessage);
  }

  /**
   * Runs `fn` while holding the lock for `key`. `fn(waited)` learns whether another tab held the
   * lock first; `fresh()` is asked after the grace period so a broadcast token can be reused.
   */
  async run<T>(key: string, fn: () => Promise<T>, fresh: () => T | undefined): Promise<T> {
    const locks = globalThis.navigator?.locks;
    if (!locks || !this.#channel) return fn();
    const lockName = `${this.#name}:${key}`;
    this.#holds.get(lockName)?.(); // This tab's own hold must never delay it.
    const first = await this.#locked(locks, lockName, true, async () => ({
      value: await fn(),
      acquired: true,
    }));
    if (first !== notAvailable) return first;
    const queued = await this.#locked(locks, lockName, false, async (): Promise<Locked<T>> => {
      const reused: T | undefined = fresh() ?? (await this.#waitForToken(key, fresh));
      return reused === undefined
        ? { value: await fn(), acquired: true }
        : { value: reused, acquired: false };
    });
    // Without ifAvailable the lock is always granted.
    if (queued === notAvailable) return fn();
    return queued;
  }

  /**
   * Runs `work` under the lock `name` and settles with its value as soon as it has one; when
   * `work` acquired, the lock is kept {@link holdMs} longer (see the class comment).
   */
  #locked<T>(
    locks: LockManager,
    name: string,
    ifAvailable: boolean,
    work: () => Promise<Locked<T>>,
  ): Promise<T | typeof notAvailable> {
    return new Promise((resolve, reject) => {
      locks
        .request(name, { ifAvailable }, async (lock) => {
          if (!lock) return resolve(notAvailable);
          const { value, acquired } = await work();
          resolve(value);
          if (!acquired) return;
          await new Promise<void>((release) => {
            const timer = setTimeout(release, holdMs);
            this.#holds.set(name, () => {
              clearTimeout(timer);
              release();
            });
          });
          this.#holds.delete(name);
        })
        .catch(reject);
    });
  }

  /** Tells other tabs about a newly acquired token. */
  shareToken(key: string, token: SharedToken): void {
    this.#post({ type: 'token', key, token });
  }

  /** Tells other tabs that `provider` (and `accountId`, if given) signed out. */
  signOut(provider: string, accountId: string | undefined): void {
    this.#post({ type: 'sign-out', provider, ...defined('accountId', accountId) });
  }

  /** Stops listening; the coordinator cannot be used afterwards. */
  close(): void {
    for (const release of this.#holds.values()) release();
    this.#channel?.removeEventListener('message', this.#onMessage);
    this.#channel?.close();
  }

  #post(message: Message): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel or an uncloneable value must never break the caller's request.
    }
  }

  async #waitForToken<T>(key: string, fresh: () => T | undefined): Promise<T | undefined> {
    let wake: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const waiters = this.#waiters.get(key) ?? new Set();
    waiters.add(wake);
    this.#waiters.set(key, waiters);
    const timer = setTimeout(wake, broadcastGraceMs);
    await arrived;
    clearTimeout(timer);
    waiters.delete(wake);
    if (waiters.size === 0) this.#waiters.delete(key);
    return fresh();
  }

  readonly #onMessage = (event: MessageEvent<unknown>): void => {
    const message = event.data as Partial<Message> | null;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'token' && typeof message.key === 'string' && isSharedToken(message.token)) {
      this.#handlers.onToken(message.key, message.token);
      for (const wake of this.#waiters.get(message.key) ?? []) wake();
    } else if (message.type === 'sign-out' && typeof message.provider === 'string') {
      this.#handlers.onSignOut(
        message.provider,
        typeof message.accountId === 'string' ? message.accountId : undefined,
      );
    }
  };
}

function isSharedToken(value: unknown): value is SharedToken {
  const token = value as Partial<SharedToken> | null;
  return (
    !!token &&
    typeof token.accessToken === 'string' &&
    typeof token.expiresOn === 'number' &&
    Array.isArray(token.scopes)
  );
}
