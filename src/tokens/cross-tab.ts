import type { AccessToken } from '../types.js';
import { type CrossTabMessage, readMessage, type SharedToken } from './cross-tab-message.js';
import type { CrossTabMode } from './cross-tab-mode.js';
import { copyAccount } from './token-checks.js';
import { keyParts, type TokenKeyParts, tokenKey } from './token-key.js';

export type { SharedToken } from './cross-tab-message.js';

/**
 * What the coordinator tells its store about other tabs. Every call comes from a message that
 * {@link readMessage} validated; the store still decides whether the key is one of its own.
 */
export interface CrossTabHandlers {
  /** Another tab acquired a token for `key` (in `share-tokens` mode, `token` is it). */
  onAcquired(key: TokenKeyParts, token: SharedToken | undefined): void;
  onSignOut(provider: string, accountId: string | undefined): void;
}

/** How long a tab that waited for another tab's acquisition waits for its shared token (`share-tokens`). */
const broadcastGraceMs = 250;

/**
 * How long a tab keeps the lock after it acquired, so a tab that asks right then queues for the
 * lock: with a provider cache the tabs share, it then finds the new token there; with
 * `share-tokens`, the shared token has reached it.
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
 * after the key while `fn` acquires, so two tabs never acquire the same token at once; the
 * acquiring tab keeps the lock {@link holdMs} longer (its own next request takes it back at once).
 *
 * - **`signals` (default)**: no token ever crosses the channel. The acquiring tab says "acquired"
 *   (provider, account id, scopes, claims — no token); a tab that waited for the lock then asks
 *   its own provider, which answers from its cache when that cache is shared between tabs (MSAL
 *   with `cache: 'local'`, which MSAL syncs over its own channel, tokens included): one request
 *   to the identity provider for all tabs. With a per-tab cache (`memory`, `session`) each tab
 *   acquires its own token, one tab at a time.
 * - **`share-tokens`** (explicit opt-in): the acquiring tab sends the token itself, and a tab that
 *   waited gives it {@link broadcastGraceMs} to arrive before it acquires.
 *
 * Sign-out is signalled in both modes. Every incoming message is validated ({@link readMessage})
 * before any handler runs. Where the browser lacks Web Locks or BroadcastChannel, `run` just calls
 * `fn` and nothing is sent.
 */
export class CrossTab {
  readonly #name: string;
  readonly #mode: CrossTabMode;
  readonly #channel: BroadcastChannel | undefined;
  readonly #handlers: CrossTabHandlers;
  readonly #waiters = new Map<string, Set<() => void>>();
  /** Ends this tab's hold on a lock early, by lock name. */
  readonly #holds = new Map<string, () => void>();
  #closed = false;

  constructor(name: string, mode: CrossTabMode, handlers: CrossTabHandlers) {
    this.#name = name;
    this.#mode = mode;
    this.#handlers = handlers;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
    this.#channel?.addEventListener('message', this.#onMessage);
  }

  /** Whether acquired tokens are sent to other tabs (`crossTab: 'share-tokens'`). */
  get #sharesTokens(): boolean {
    return this.#mode === 'share-tokens';
  }

  /**
   * Runs `fn` while holding the lock for `key`. When another tab held it first, `reuse()` is asked
   * (in `share-tokens` mode, after up to {@link broadcastGraceMs} for the shared token) before `fn`.
   */
  async run<T>(key: string, fn: () => Promise<T>, reuse: () => T | undefined): Promise<T> {
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
      const reused = reuse() ?? (this.#sharesTokens ? await this.#waitForToken(key, reuse) : undefined);
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

  /**
   * Tells other tabs that this tab acquired `token` for `key`. Only in `share-tokens` mode does the
   * message carry the token (as plain values); otherwise it is a signal without it.
   */
  acquired(key: TokenKeyParts, token: AccessToken): void {
    const parts = {
      provider: key.provider,
      account: key.account,
      scopes: [...key.scopes],
      claims: key.claims,
    };
    if (!this.#sharesTokens) {
      this.#post({ type: 'acquired', key: parts });
      return;
    }
    const shared: SharedToken = {
      accessToken: token.accessToken,
      expiresOn: token.expiresOn.getTime(),
      scopes: [...token.scopes],
      ...(token.account ? { account: copyAccount(token.account) } : {}),
    };
    this.#post({ type: 'token', key: parts, token: shared });
  }

  /** Tells other tabs that `provider` (and `accountId`, if given) signed out. */
  signOut(provider: string, accountId: string | undefined): void {
    this.#post({ type: 'sign-out', provider, ...(accountId === undefined ? {} : { accountId }) });
  }

  /** Stops listening and closes the channel; the coordinator cannot be used afterwards. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const release of this.#holds.values()) release();
    this.#channel?.removeEventListener('message', this.#onMessage);
    this.#channel?.close();
  }

  #post(message: CrossTabMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel or an uncloneable value must never break the caller's request.
    }
  }

  async #waitForToken<T>(key: string, reuse: () => T | undefined): Promise<T | undefined> {
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
    return reuse();
  }

  readonly #onMessage = (event: MessageEvent<unknown>): void => {
    const message = readMessage(event.data);
    if (!message) return;
    if (message.type === 'sign-out') {
      this.#handlers.onSignOut(message.provider, message.accountId);
      return;
    }
    // Another tab's key parts are normalised here, once, as this tab would build them.
    const parts = keyParts(message.key.provider, message.key.account, message.key);
    // A token is taken only when this tab opted in; a tab that did not treats it as a signal.
    this.#handlers.onAcquired(
      parts,
      message.type === 'token' && this.#sharesTokens ? message.token : undefined,
    );
    for (const wake of this.#waiters.get(tokenKey(parts)) ?? []) wake();
  };
}
