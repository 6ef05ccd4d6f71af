import type { AccessToken } from '../types.js';
import type { TokenKeyParts } from './token-key.js';

/** A token in the store. */
export interface StoredToken extends AccessToken {
  /** Local time the token was received; lifetime = expiresOn - receivedAt. */
  receivedAt: number;
  /** Set when the token came from another tab (`crossTab: 'share-tokens'`). */
  fromOtherTab?: boolean;
}

/** Everything the store keeps for one key. */
export interface Entry {
  /** What the key is made of: read instead of parsing the key. */
  readonly parts: TokenKeyParts;
  token?: StoredToken;
  pending?: Promise<StoredToken>;
  /** When this tab acquired for the key (for the renewal throttle). */
  renewals: number[];
  /** Order in which `token` was set, compared with {@link elsewhere}. */
  tokenSeq: number;
  /** Order in which another tab last said it acquired for this key (0: never). */
  elsewhere: number;
}

/** The renewal throttle: at most {@link throttleLimit} acquisitions per key in this window. */
export const throttleWindowMs = 30_000;
/** How many acquisitions per key the renewal throttle allows within {@link throttleWindowMs}. */
export const throttleLimit = 10;

/** Whether this tab acquired for `entry` within the throttle window. */
export function renewedLately(entry: Entry, now: number): boolean {
  return entry.renewals.some((t) => now - t < throttleWindowMs);
}

/** Forgets renewals older than the throttle window; whether `entry` may be renewed once more now. */
export function mayRenew(entry: Entry, now: number): boolean {
  entry.renewals = entry.renewals.filter((t) => now - t < throttleWindowMs);
  return entry.renewals.length < throttleLimit;
}

/**
 * Drops the tokens of `provider` (every provider when `undefined`) from `entries`, only those of
 * `accountId` when given — plus those acquired before the provider knew its account (keyed `''`),
 * which belong to whoever signs out. Reads each entry's key parts; never parses a key.
 */
export function forget(
  entries: Iterable<Entry>,
  provider: string | undefined,
  accountId: string | undefined,
): void {
  for (const entry of entries) {
    const { provider: keyProvider, account: keyAccount } = entry.parts;
    if (provider !== undefined && keyProvider !== provider) continue;
    if (accountId !== undefined && keyAccount !== accountId && keyAccount !== '') continue;
    delete entry.token;
  }
}

/** Default of `TokenStoreOptions.maxEntries`. */
export const defaultMaxEntries = 100;

/**
 * The store's entries, bounded: at most `max` keys, least recently used dropped first (an entry
 * whose acquisition is running is never dropped), and idle entries — no acquisition running, no
 * unexpired token, no recent renewal — swept whenever a new key is added. No timer: an idle page
 * does no work.
 */
export class TokenEntries {
  readonly #map = new Map<string, Entry>();
  readonly #max: number;
  readonly #idle: (entry: Entry) => boolean;

  /** `idle(entry)` says whether an entry can be swept. */
  constructor(max: number, idle: (entry: Entry) => boolean) {
    this.#max = Math.max(1, Math.floor(Number.isFinite(max) ? max : defaultMaxEntries));
    this.#idle = idle;
  }

  /** How many keys are held. */
  get size(): number {
    return this.#map.size;
  }

  /** The entry of `key`, if there is one; does not count as a use. */
  peek(key: string): Entry | undefined {
    return this.#map.get(key);
  }

  /** The entry of `key`, created (from `parts`) when missing, and marked most recently used. */
  use(key: string, parts: TokenKeyParts): Entry {
    const existing = this.#map.get(key);
    if (existing) {
      this.#map.delete(key);
      this.#map.set(key, existing);
      return existing;
    }
    this.#sweep();
    const entry: Entry = { parts, renewals: [], tokenSeq: 0, elsewhere: 0 };
    this.#map.set(key, entry);
    return entry;
  }

  /** Every entry, least recently used first. */
  values(): IterableIterator<Entry> {
    return this.#map.values();
  }

  #sweep(): void {
    for (const [key, entry] of this.#map) if (this.#idle(entry)) this.#map.delete(key);
    for (const [key, entry] of this.#map) {
      if (this.#map.size < this.#max) break;
      if (!entry.pending) this.#map.delete(key);
    }
  }
}
