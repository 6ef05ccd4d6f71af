import type { CalloutEvents } from '../events.js';
import type { AuthProvider } from '../types.js';
import type { CrossTabMode } from './cross-tab-mode.js';
import type { TokenKeyParts } from './token-key.js';

/** Options of {@link TokenStore}. */
export interface TokenStoreOptions {
  events: CalloutEvents;
  /** Renew this many seconds before expiry (capped at half the token's lifetime). Default 300. */
  leewaySeconds?: number;
  /** BroadcastChannel / Web Lock name for cross-tab coordination; omit to stay within this page. */
  crossTabName?: string;
  /** What crosses tabs: `signals` (default, no token) or `share-tokens`. */
  crossTabMode?: CrossTabMode;
  /**
   * The keys this client's credentials would ask for now (no claims). A token another tab shares
   * may create an entry only under one of these; otherwise only an entry this store made itself
   * can take it.
   */
  expectedKeys?: () => Iterable<TokenKeyParts>;
  /** Most keys kept; the least recently used is dropped first. Default 100. */
  maxEntries?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
  /** The client's provider called `name`: what a provider's `ProviderContext.token()` asks. */
  resolveProvider?: (name: string) => AuthProvider | undefined;
  /** Called after another tab signed `provider` out and this store forgot its tokens. */
  onRemoteSignOut?: (provider: string, accountId: string | undefined) => void;
}
