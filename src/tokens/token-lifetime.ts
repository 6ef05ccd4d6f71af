import type { SharedToken } from './cross-tab-message.js';
import { copyAccount } from './token-checks.js';
import type { StoredToken } from './token-entries.js';
import type { TokenKeyParts } from './token-key.js';

/** The longest a token received from another tab is kept: a day, whatever it claims. */
export const maxSharedLifetimeMs = 24 * 60 * 60 * 1000;

/**
 * The `exp` claim of a JWT access token, in epoch milliseconds, or `undefined` when the token is
 * not a JWT with a numeric `exp` (opaque tokens, encrypted tokens). Reads only; verifies nothing.
 */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.');
  if (payload.length !== 3) return undefined;
  try {
    // atob accepts base64 without padding; base64url differs only in two characters.
    const exp = (
      JSON.parse(atob(payload[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown } | null
    )?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When a token received from another tab must be considered expired: the earliest of what the
 * message says, the JWT's own `exp` where it can be read, and {@link maxSharedLifetimeMs} from
 * `now`. `undefined` when that moment is not after `now` (the token is refused).
 */
export function sharedExpiry(accessToken: string, claimedExpiresOn: number, now: number): number | undefined {
  const expiresOn = Math.min(claimedExpiresOn, now + maxSharedLifetimeMs, jwtExpiry(accessToken) ?? Infinity);
  return expiresOn > now ? expiresOn : undefined;
}

/**
 * The token another tab shared for `key`, as the store would keep it — lifetime capped by
 * {@link sharedExpiry}, received `now` — or `undefined` when it is already expired or belongs to
 * another account than the key's.
 */
export function adoptable(key: TokenKeyParts, shared: SharedToken, now: number): StoredToken | undefined {
  const expiresOn = sharedExpiry(shared.accessToken, shared.expiresOn, now);
  if (expiresOn === undefined) return undefined;
  if (key.account !== '' && shared.account && shared.account.id !== key.account) return undefined;
  return {
    accessToken: shared.accessToken,
    expiresOn: new Date(expiresOn),
    scopes: [...shared.scopes],
    ...(shared.account ? { account: copyAccount(shared.account) } : {}),
    source: 'store',
    receivedAt: now,
    fromOtherTab: true,
  };
}
