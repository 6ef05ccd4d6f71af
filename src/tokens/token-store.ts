import { defined } from '../defined.js';
import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { CalloutEvents } from '../events.js';
import type { AccessToken, AuthProvider, TokenRequest } from '../types.js';
import { abortable } from './abortable.js';
import { CrossTab, type SharedToken } from './cross-tab.js';
import { tokenKey } from './token-key.js';

/** Which provider a token is for, and on whose behalf it is asked. */
export interface TokenContext {
  providerName: string;
  provider: AuthProvider;
  credential?: string;
}

/** Options of {@link TokenStore}. */
export interface TokenStoreOptions {
  events: CalloutEvents;
  /** Renew this many seconds before expiry (capped at half the token's lifetime). Default 300. */
  leewaySeconds?: number;
  /** BroadcastChannel / Web Lock name for cross-tab coordination; omit to stay within this page. */
  crossTabName?: string;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
  /** Called after another tab signed `provider` out and this store forgot its tokens. */
  onRemoteSignOut?: (provider: string, accountId: string | undefined) => void;
}

interface StoredToken extends AccessToken {
  /** Local time the token was received; lifetime = expiresOn - receivedAt. */
  receivedAt: number;
}

interface Entry {
  token?: StoredToken;
  pending?: Promise<StoredToken>;
  renewals: number[];
}

const throttleWindowMs = 30_000;
const throttleLimit = 10;

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
 * - **Across tabs** (Web Locks + BroadcastChannel, when `crossTabName` is set): one tab acquires,
 *   the others reuse its token; sign-out clears every tab.
 *
 * Tokens are kept in memory only. Events carry the source and expiry, never the token.
 */
export class TokenStore {
  readonly #entries = new Map<string, Entry>();
  readonly #events: CalloutEvents;
  readonly #leewayMs: number;
  readonly #now: () => number;
  readonly #crossTab: CrossTab | undefined;

  constructor(options: TokenStoreOptions) {
    this.#events = options.events;
    this.#leewayMs = Math.max(0, options.leewaySeconds ?? 300) * 1000;
    this.#now = options.now ?? Date.now;
    this.#crossTab =
      options.crossTabName === undefined
        ? undefined
        : new CrossTab(options.crossTabName, {
            onToken: (key, token) => this.#adopt(key, token),
            onSignOut: (provider, accountId) => {
              this.#clearLocal(provider, accountId);
              options.onRemoteSignOut?.(provider, accountId);
            },
          });
  }

  /**
   * A valid token for `request`: from memory when fresh, otherwise from the provider (one
   * acquisition however many callers ask at once). `forceRefresh` skips the memory cache.
   */
  async get(context: TokenContext, request: TokenRequest): Promise<AccessToken> {
    const token = this.#get(context, request);
    return token instanceof Promise ? token : { ...publicToken(token), source: 'store' };
  }

  /**
   * The access token string of {@link get}, without copying the token object: what a request
   * attaches. Same freshness, single flight and events as `get`.
   */
  async accessToken(context: TokenContext, request: TokenRequest): Promise<string> {
    return (await this.#get(context, request)).accessToken;
  }

  /** The fresh stored token (not copied: callers copy what they hand out), or its acquisition. */
  #get(context: TokenContext, request: TokenRequest): StoredToken | Promise<StoredToken> {
    const key = this.#key(context, request);
    const entry = this.#entry(key);
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
    const key = this.#key(context, request);
    const entry = this.#entry(key);
    if (entry.pending) {
      return { token: await abortable(entry.pending, request.signal), refreshed: true };
    }
    const cached = entry.token;
    if (cached && cached.accessToken !== rejected && this.#isFresh(cached)) {
      return { token: this.#serve(context, request, cached), refreshed: false };
    }
    if (cached?.accessToken === rejected) delete entry.token;
    const token = await abortable(
      this.#acquire(key, entry, context, { ...request, forceRefresh: true }),
      request.signal,
    );
    return { token, refreshed: true };
  }

  /** The cached token for `request` if one is fresh, without acquiring. For diagnostics. */
  peek(context: TokenContext, request: TokenRequest): AccessToken | undefined {
    const token = this.#entries.get(this.#key(context, request))?.token;
    return token && this.#isFresh(token) ? publicToken(token) : undefined;
  }

  /**
   * Forgets every token of `provider` (all providers when omitted), optionally only those of
   * `accountId`, here and — with `broadcast` — in every other tab.
   */
  clear(provider?: string, accountId?: string, broadcast = false): void {
    this.#clearLocal(provider, accountId);
    if (broadcast && provider !== undefined) this.#crossTab?.signOut(provider, accountId);
  }

  /** Stops cross-tab coordination. */
  close(): void {
    this.#crossTab?.close();
  }

  #key(context: TokenContext, request: TokenRequest): string {
    return tokenKey(context.providerName, context.provider.account?.id, request);
  }

  #entry(key: string): Entry {
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = { renewals: [] };
      this.#entries.set(key, entry);
    }
    return entry;
  }

  #isFresh(token: StoredToken): boolean {
    const lifetime = token.expiresOn.getTime() - token.receivedAt;
    const leeway = Math.min(this.#leewayMs, Math.max(0, lifetime) / 2);
    return this.#now() < token.expiresOn.getTime() - leeway;
  }

  #isUnexpired(token: StoredToken): boolean {
    return this.#now() < token.expiresOn.getTime();
  }

  #serve(context: TokenContext, request: TokenRequest, token: StoredToken): AccessToken {
    this.#emit(context, request, token, false, 'store');
    return { ...publicToken(token), source: 'store' };
  }

  #acquire(key: string, entry: Entry, context: TokenContext, request: TokenRequest): Promise<StoredToken> {
    if (entry.pending) return entry.pending;
    const pending = this.#acquireOnce(key, entry, context, request).finally(() => {
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
  ): Promise<StoredToken> {
    const now = this.#now();
    entry.renewals = entry.renewals.filter((t) => now - t < throttleWindowMs);
    if (entry.renewals.length >= throttleLimit) {
      if (entry.token && this.#isUnexpired(entry.token)) return entry.token;
      throw new CalloutError({
        code: CalloutErrorCode.renewalThrottled,
        ...defined('credential', context.credential),
        message: `Token renewal for provider "${context.providerName}" was throttled: ${throttleLimit} renewals in ${throttleWindowMs / 1000} s`,
      });
    }
    const acquire = async (): Promise<StoredToken> => {
      entry.renewals.push(this.#now());
      const { signal: _signal, ...providerRequest } = request;
      let token: AccessToken;
      try {
        token = await context.provider.getToken(providerRequest);
      } catch (error) {
        throw toTokenError(error, context);
      }
      const stored = validateToken(token, context, this.#now());
      entry.token = stored;
      // A provider may learn its account during this acquisition (MSAL's ssoSilent): file the token
      // under the account's key too, so the next read — keyed by that account — finds it.
      const accountKey = this.#key(context, request);
      if (accountKey !== key) {
        const accountEntry = this.#entry(accountKey);
        if (!accountEntry.token || accountEntry.token.expiresOn <= stored.expiresOn)
          accountEntry.token = stored;
      }
      this.#emit(context, request, stored, request.forceRefresh === true);
      this.#crossTab?.shareToken(key, {
        accessToken: stored.accessToken,
        expiresOn: stored.expiresOn.getTime(),
        scopes: [...stored.scopes],
        ...(stored.account ? { account: { ...stored.account } } : {}),
      });
      return stored;
    };
    if (!this.#crossTab) return acquire();
    return this.#crossTab.run(key, acquire, () => {
      const current = entry.token;
      return current && !request.forceRefresh && this.#isFresh(current) ? current : undefined;
    });
  }

  #adopt(key: string, shared: SharedToken): void {
    const entry = this.#entry(key);
    if (entry.token && entry.token.expiresOn.getTime() >= shared.expiresOn) return;
    entry.token = {
      accessToken: shared.accessToken,
      expiresOn: new Date(shared.expiresOn),
      scopes: [...shared.scopes],
      ...defined('account', shared.account),
      source: 'store',
      receivedAt: this.#now(),
    };
    const [provider, , , claims] = JSON.parse(key) as [string, string, string[], string];
    this.#events.emit('token', {
      provider,
      scopes: [...shared.scopes],
      source: 'store',
      expiresOn: entry.token.expiresOn,
      ...defined('account', shared.account),
      forced: false,
      claims: claims !== '',
      fromOtherTab: true,
    });
  }

  #clearLocal(provider: string | undefined, accountId: string | undefined): void {
    for (const [key, entry] of this.#entries) {
      const [keyProvider, keyAccount] = JSON.parse(key) as [string, string];
      if (provider !== undefined && keyProvider !== provider) continue;
      // Tokens acquired before the provider knew its account (keyed '') belong to whoever signs out.
      if (accountId !== undefined && keyAccount !== accountId && keyAccount !== '') continue;
      delete entry.token;
      entry.renewals = [];
    }
  }

  #emit(
    context: TokenContext,
    request: TokenRequest,
    token: AccessToken,
    forced: boolean,
    source = token.source,
  ): void {
    if (!this.#events.hasListeners('token')) return;
    this.#events.emit('token', {
      provider: context.providerName,
      ...defined('credential', context.credential),
      scopes: [...token.scopes],
      source,
      expiresOn: token.expiresOn,
      ...defined('account', token.account),
      forced,
      claims: request.claims !== undefined,
    });
  }
}

function publicToken(token: StoredToken): AccessToken {
  const { receivedAt: _receivedAt, ...rest } = token;
  return { ...rest, scopes: [...rest.scopes] };
}

function validateToken(token: AccessToken, context: TokenContext, now: number): StoredToken {
  const expiresOn = token?.expiresOn instanceof Date ? token.expiresOn : new Date(Number.NaN);
  if (
    !token ||
    typeof token.accessToken !== 'string' ||
    token.accessToken === '' ||
    Number.isNaN(expiresOn.getTime())
  ) {
    throw new CalloutError({
      code: CalloutErrorCode.tokenEndpointError,
      ...defined('credential', context.credential),
      message: `Provider "${context.providerName}" returned no usable token (it needs a non-empty accessToken and a valid expiresOn)`,
    });
  }
  return { ...token, expiresOn, scopes: [...token.scopes], receivedAt: now };
}

function toTokenError(error: unknown, context: TokenContext): CalloutError {
  if (isCalloutError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new CalloutError({
      code: CalloutErrorCode.aborted,
      cause: error,
      message: 'Token acquisition was aborted',
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new CalloutError({
    code: CalloutErrorCode.tokenEndpointError,
    cause: error,
    ...defined('credential', context.credential),
    message: `Provider "${context.providerName}" failed to obtain a token: ${reason}`,
  });
}
