import type { SharedToken } from './cross-tab-message.js';
import { copyAccount } from './token-checks.js';
import type { StoredToken } from './token-entries.js';
import type { TokenKeyParts } from './token-key.js';

/**
 * The longest a token is kept whose stated lifetime nothing vouches for — one received from
 * another tab, or from a token endpoint's answer: a day, whatever it claims.
 */
export const maxUnvouchedLifetimeMs = 24 * 60 * 60 * 1000;

/** The payload of a JWT (`header.payload.signature`), or `undefined`. Reads only; verifies nothing. */
function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    // atob accepts base64 without padding; base64url differs only in two characters.
    const payload: unknown = JSON.parse(atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const seconds = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * The `exp` claim of a JWT access token, in epoch milliseconds, or `undefined` when the token is
 * not a JWT with a numeric `exp` (opaque tokens, encrypted tokens). Reads only; verifies nothing.
 */
export function jwtExpiry(token: string): number | undefined {
  const exp = seconds(jwtPayload(token)?.exp);
  return exp === undefined ? undefined : exp * 1000;
}

/**
 * How long a JWT says it lives, in milliseconds: `exp` minus `iat` (or `nbf`), or `undefined`
 * when it does not say. A duration, so a skewed local clock does not change it.
 */
export function jwtLifetime(token: string): number | undefined {
  const payload = jwtPayload(token);
  const exp = seconds(payload?.exp);
  const start = seconds(payload?.iat) ?? seconds(payload?.nbf);
  return exp === undefined || start === undefined ? undefined : (exp - start) * 1000;
}

/**
 * When a token received `now` from a token endpoint must be considered expired, in epoch
 * milliseconds: the earliest of what the answer claims, {@link maxUnvouchedLifetimeMs} from `now`
 * and — for a JWT that says how long it lives — that lifetime from `now`. So an answer claiming
 * years (or a far absolute expiry) cannot keep a token, and a clock that is off cannot expire one
 * at once.
 */
export function cappedExpiry(accessToken: string, claimedExpiresOn: number, now: number): number {
  return Math.min(
    claimedExpiresOn,
    now + maxUnvouchedLifetimeMs,
    now + (jwtLifetime(accessToken) ?? Infinity),
  );
}

/**
 * When a token received from another tab must be considered expired: the earliest of what the
 * message says, the JWT's own `exp` where it can be read, and {@link maxUnvouchedLifetimeMs} from
 * `now`. `undefined` when that moment is not after `now` (the token is refused).
 */
export function sharedExpiry(accessToken: string, claimedExpiresOn: number, now: number): number | undefined {
  const expiresOn = Math.min(
    claimedExpiresOn,
    now + maxUnvouchedLifetimeMs,
    jwtExpiry(accessToken) ?? Infinity,
  );
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
