/** Options of {@link ChallengeBudget}. */
export interface ChallengeBudgetOptions {
  /** Distinct claims challenges answered per credential within `windowMs`. Default 5. */
  limit?: number;
  /** The window, in milliseconds. Default 60 000. */
  windowMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/**
 * The budget of token acquisitions that server challenges may drive, per credential. A claims
 * challenge (`WWW-Authenticate: Bearer error="insufficient_claims", claims="…"`) makes the client
 * acquire a token with the server's claims — a new token-store entry and a trip to the identity
 * provider each time the claims are new. A server that sends fresh claims on every answer would
 * otherwise drive unbounded acquisitions. So each credential may answer at most `limit` distinct
 * claims values within a sliding `windowMs`; a claims value already answered in the window costs
 * nothing (twenty requests meeting the same challenge at once share one acquisition anyway).
 * Decisions are synchronous and kept in memory, per client.
 */
export class ChallengeBudget {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  /** Claims answered per credential, with the time each was first answered in the window. */
  readonly #spent = new Map<string, Map<string, number>>();

  constructor(options: ChallengeBudgetOptions = {}) {
    this.#limit = options.limit ?? 5;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** The budget's size, for messages: `limit` distinct claims per `windowMs`. */
  get limits(): { limit: number; windowMs: number } {
    return { limit: this.#limit, windowMs: this.#windowMs };
  }

  /**
   * Whether `credential` may answer a challenge with `claims` now; when it may and the claims are
   * new in the window, they are charged to the budget.
   */
  allow(credential: string, claims: string): boolean {
    const now = this.#now();
    const spent = this.#spent.get(credential) ?? new Map<string, number>();
    for (const [value, at] of spent) if (now - at >= this.#windowMs) spent.delete(value);
    this.#spent.set(credential, spent);
    if (spent.has(claims)) return true;
    if (spent.size >= this.#limit) return false;
    spent.set(claims, now);
    return true;
  }
}
