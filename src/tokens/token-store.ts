import type { CalloutEvents } from '../events.js';
import type { AccessToken, TokenRequest } from '../types.js';
import { abortable } from './abortable.js';
import { CrossTab, type SharedToken } from './cross-tab.js';
import { ProviderChain } from './provider-chain.js';
import { askProvider, publicToken, type TokenContext, throttledError } from './token-checks.js';
import {
  defaultMaxEntries,
  type Entry,
  mayRenew,
  renewedLately,
  type StoredToken,
  TokenEntries,
} from './token-entries.js';
import { emitToken } from './token-events.js';
import { keyParts, type TokenKeyParts, tokenKey } from './token-key.js';
import { adoptable } from './token-lifetime.js';
import type { TokenStoreOptions } from './token-store-options.js';

export type { TokenContext } from './token-checks.js';
export type { TokenStoreOptions } from './token-store-options.js';

/**
 * The token store shared by every request of a client: an in-memory cache keyed by provider,
 * account, scopes and claims.
 *
 * - **Freshness is checked when a token is read** (local receipt time + lifetime), never on a
 *   timer, so a laptop that slept does not send an expired token. A token is renewed
 *   `leewaySeconds` before it expires, or at half its lifetime when that is shorter.
 * - **Single flight**: concurrent demands for one key share one acquisition; a caller's `signal`
 *   stops only its own wait.
 * - **Refresh only what was rejected**: `refresh()` acquires anew only if the rejected token is
 *   still the cached one; otherwise the newer token is returned, so a rotating refresh token is
 *   never burnt by parallel refreshes.
 * - **Throttled**: more than 10 acquisitions for one key within 30 s are refused (or served the
 *   cached, still-valid token), so a skewed clock or a broken API cannot loop.
 * - **Bounded**: at most `maxEntries` keys (least recently used dropped first); idle entries are
 *   swept whenever a key is added.
 * - **Chains** (see `ProviderChain`): a provider may take another provider's token through its
 *   `ProviderContext`; each link keeps its own key; forgetting one forgets those built on it.
 * - **Across tabs** (when `crossTabName` is set, see {@link CrossTab}): one tab acquires at a
 *   time; by default only signals cross, and a forced refresh after another tab's acquisition
 *   first asks the provider without forcing (a cache shared by tabs then has the new token).
 *   With `share-tokens`, validated tokens are taken only under this store's own keys, capped to
 *   their JWT `exp` and a day, never over a token this tab acquired itself, and — after a local
 *   sign-out — not at all until this tab acquires again. Sign-out clears every tab.
 *
 * Tokens are kept in memory only. Events carry the source and expiry, never the token.
 */
export class TokenStore {
  readonly #entries: TokenEntries;
  readonly #events: CalloutEvents;
  readonly #leewayMs: number;
  readonly #now: () => number;
  readonly #crossTab: CrossTab | undefined;
  readonly #expectedKeys: () => Iterable<TokenKeyParts>;
  readonly #chain: ProviderChain;
  /** Providers signed out in this tab: nothing from other tabs until this tab acquires again. */
  readonly #signedOut = new Set<string>();
  /** Orders token arrivals and other tabs' acquisitions (see `Entry.tokenSeq`). */
  #seq = 0;

  constructor(options: TokenStoreOptions) {
    this.#events = options.events;
    this.#leewayMs = Math.max(0, options.leewaySeconds ?? 300) * 1000;
    this.#now = options.now ?? Date.now;
    this.#expectedKeys = options.expectedKeys ?? (() => []);
    this.#chain = new ProviderChain(options.resolveProvider ?? (() => undefined));
    this.#entries = new TokenEntries(options.maxEntries ?? defaultMaxEntries, (entry) => this.#isIdle(entry));
    this.#crossTab =
      options.crossTabName === undefined
        ? undefined
        : new CrossTab(options.crossTabName, options.crossTabMode ?? 'signals', {
            onAcquired: (key, token) => this.#acquiredElsewhere(key, token),
            onSignOut: (provider, accountId) => {
              this.#chain.forget(() => this.#entries.values(), provider, accountId);
              options.onRemoteSignOut?.(provider, accountId);
            },
          });
  }

  /** How many keys the store holds (at most `maxEntries`). For diagnostics and tests. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * A valid token for `request`: from memory when fresh, otherwise from the provider (one
   * acquisition however many callers ask at once). `forceRefresh` skips the memory cache.
   */
  async get(context: TokenContext, request: TokenRequest): Promise<AccessToken> {
    const token = this.#get(context, request);
    // Not `instanceof Promise`: under Lightning Web Security the sandbox's Promise is another one.
    if ('then' in token) return publicToken(await token);
    return publicToken(token, 'store');
  }

  /**
   * The access token string of {@link get}, without copying the token object: what a request
   * attaches. Same freshness, single flight and events as `get`.
   */
  async accessToken(context: TokenContext, request: TokenRequest): Promise<string> {
    return (await this.#get(context, request)).accessToken;
  }

  /** The fresh stored token (not copied: callers copy what they hand out, see `publicToken`), or its acquisition. */
  #get(context: TokenContext, request: TokenRequest): StoredToken | Promise<StoredToken> {
    const [key, entry] = this.#use(context, request);
    if (!request.forceRefresh && entry.token && this.#isFresh(entry.token)) {
      this.#emit(context, request, entry.token, false, 'store');
      return entry.token;
    }
    return abortable(this.#acquire(key, entry, context, request), request.signal);
  }

  /**
   * A token to retry with after the API rejected `rejected`. If the cached token is still the
   * rejected one, a fresh token is acquired (`refreshed: true`); if another caller already replaced
   * it, the newer token is returned without acquiring (`refreshed: false`).
   */
  async refresh(
    context: TokenContext,
    request: TokenRequest,
    rejected: string | undefined,
  ): Promise<{ token: AccessToken; refreshed: boolean }> {
    const [key, entry] = this.#use(context, request);
    if (entry.pending) {
      return { token: publicToken(await abortable(entry.pending, request.signal)), refreshed: true };
    }
    const cached = entry.token;
    if (cached && cached.accessToken !== rejected && this.#isFresh(cached)) {
      return { token: this.#serve(context, request, cached), refreshed: false };
    }
    if (cached?.accessToken === rejected) delete entry.token;
    const token = await abortable(
      this.#acquire(key, entry, context, { ...request, forceRefresh: true }, rejected),
      request.signal,
    );
    return { token: publicToken(token), refreshed: true };
  }

  /** The cached token for `request` if one is fresh, without acquiring. For diagnostics. */
  peek(context: TokenContext, request: TokenRequest): AccessToken | undefined {
    const token = this.#entries.peek(tokenKey(this.#parts(context, request)))?.token;
    return token && this.#isFresh(token) ? publicToken(token) : undefined;
  }

  /**
   * Forgets every token of `provider` (all providers when omitted), optionally only those of
   * `accountId`. With `signedOut` (a sign-out in this tab) every other tab forgets them too, and
   * this store takes no token from other tabs for `provider` until it acquires one itself again.
   */
  clear(provider?: string, accountId?: string, signedOut = false): void {
    this.#chain.forget(() => this.#entries.values(), provider, accountId);
    if (!signedOut || provider === undefined) return;
    this.#signedOut.add(provider);
    this.#crossTab?.signOut(provider, accountId);
  }

  /** Stops cross-tab coordination (closes the channel). Idempotent. */
  close(): void {
    this.#crossTab?.close();
  }

  #parts(context: TokenContext, request: TokenRequest): TokenKeyParts {
    return keyParts(context.providerName, context.provider.account?.id, request);
  }

  #use(context: TokenContext, request: TokenRequest): [string, Entry] {
    const parts = this.#parts(context, request);
    const key = tokenKey(parts);
    return [key, this.#entries.use(key, parts)];
  }

  #isFresh(token: StoredToken): boolean {
    const lifetime = token.expiresOn.getTime() - token.receivedAt;
    const leeway = Math.min(this.#leewayMs, Math.max(0, lifetime) / 2);
    return this.#now() < token.expiresOn.getTime() - leeway;
  }

  #isUnexpired(token: StoredToken): boolean {
    return this.#now() < token.expiresOn.getTime();
  }

  #isIdle(entry: Entry): boolean {
    return (
      !entry.pending && !(entry.token && this.#isUnexpired(entry.token)) && !renewedLately(entry, this.#now())
    );
  }

  #set(entry: Entry, token: StoredToken): void {
    entry.token = token;
    entry.tokenSeq = ++this.#seq;
  }

  #emit(
    context: TokenContext,
    request: TokenRequest,
    token: AccessToken,
    forced: boolean,
    source?: 'store',
  ): void {
    const { providerName: provider, credential } = context;
    emitToken(this.#events, {
      provider,
      credential,
      token,
      forced,
      claims: request.claims !== undefined,
      source,
    });
  }

  #serve(context: TokenContext, request: TokenRequest, token: StoredToken): AccessToken {
    this.#emit(context, request, token, false, 'store');
    return publicToken(token, 'store');
  }

  #acquire(
    key: string,
    entry: Entry,
    context: TokenContext,
    request: TokenRequest,
    rejected?: string,
  ): Promise<StoredToken> {
    if (entry.pending) return entry.pending;
    const pending = this.#acquireOnce(key, entry, context, request, rejected).finally(() => {
      if (entry.pending === pending) delete entry.pending;
    });
    entry.pending = pending;
    // Waiters may all abort; the acquisition still settles, so never leave it unhandled.
    pending.catch(() => {});
    return pending;
  }

  async #acquireOnce(
    key: string,
    entry: Entry,
    context: TokenContext,
    request: TokenRequest,
    rejected: string | undefined,
  ): Promise<StoredToken> {
    if (!mayRenew(entry, this.#now())) {
      if (entry.token && this.#isUnexpired(entry.token)) return entry.token;
      throw throttledError(context);
    }
    const previous = rejected ?? entry.token?.accessToken;
    const acquire = async (): Promise<StoredToken> => {
      entry.renewals.push(this.#now());
      const forgets = this.#chain.forgets;
      const stored = await askProvider(context, request, {
        cacheFirst: entry.elsewhere > entry.tokenSeq,
        previous,
        now: this.#now,
        providerContext: this.#chain.contextFor(context, (chained, asked) => this.get(chained, asked)),
      });
      // Forgotten (signed out) while on its way: its callers asked before, the store keeps none.
      if (this.#chain.forgets !== forgets) return stored;
      this.#set(entry, stored);
      this.#signedOut.delete(context.providerName);
      // A provider may learn its account during this acquisition (MSAL's ssoSilent): file the token
      // under the account's key too, so the next read — keyed by that account — finds it.
      const [accountKey, accountEntry] = this.#use(context, request);
      if (accountKey !== key && (!accountEntry.token || accountEntry.token.expiresOn <= stored.expiresOn))
        this.#set(accountEntry, stored);
      this.#emit(context, request, stored, request.forceRefresh === true);
      this.#crossTab?.acquired(entry.parts, stored);
      return stored;
    };
    if (!this.#crossTab) return acquire();
    const started = this.#seq;
    return this.#crossTab.run(key, acquire, () => {
      const current = entry.token;
      if (!current || !this.#isFresh(current)) return undefined;
      // A forced request takes only a token that arrived while it waited, and not the old one.
      if (request.forceRefresh && (entry.tokenSeq <= started || current.accessToken === previous))
        return undefined;
      return current;
    });
  }

  /** Another tab acquired for `parts`; with `share-tokens`, `shared` is its token. */
  #acquiredElsewhere(parts: TokenKeyParts, shared: SharedToken | undefined): void {
    if (this.#signedOut.has(parts.provider)) return;
    const key = tokenKey(parts);
    let entry = this.#entries.peek(key);
    if (entry) entry.elsewhere = ++this.#seq;
    if (!shared) return;
    const token = adoptable(parts, shared, this.#now());
    if (!token || (entry?.token && !entry.token.fromOtherTab && this.#isFresh(entry.token))) return;
    if (!entry) {
      if (![...this.#expectedKeys()].some((expected) => tokenKey(expected) === key)) return;
      entry = this.#entries.use(key, parts);
    }
    this.#set(entry, token);
    const { provider, claims } = entry.parts;
    emitToken(this.#events, { provider, claims, token, forced: false, source: 'store', fromOtherTab: true });
  }
}
