import type { Account } from '../types.js';
import type { TokenKeyParts } from './token-key.js';

/** A token as it crosses tabs (only with `crossTab: 'share-tokens'`): plain, structured-clone safe values. */
export interface SharedToken {
  accessToken: string;
  /** Epoch milliseconds, in the sending tab's clock (the same device clock). */
  expiresOn: number;
  scopes: string[];
  account?: Account;
}

/**
 * What tabs tell each other. `acquired` is a signal without a token (the default); `token`
 * carries one and is sent only when the page opted into sharing tokens; `sign-out` names a
 * provider and, optionally, an account.
 */
export type CrossTabMessage =
  | { type: 'acquired'; key: TokenKeyParts }
  | { type: 'token'; key: TokenKeyParts; token: SharedToken }
  | { type: 'sign-out'; provider: string; accountId?: string };

type Check = (value: unknown) => boolean;
type Shape = Record<string, Check>;

/** A string of `min` to `max` characters. */
const text =
  (max: number, min = 0): Check =>
  (value) =>
    typeof value === 'string' && value.length >= min && value.length <= max;

const name = text(200, 1);
/** At most 100 scopes of at most 1,000 characters. */
const scopes: Check = (value) => Array.isArray(value) && value.length <= 100 && value.every(text(1_000, 1));
const key = shaped({ provider: name, account: text(1_000), scopes, claims: text(16_384) });
const account = shaped({ id: text(1_000, 1), username: text(1_000), name: text(1_000) }, ['name']);
/** Azure AD access tokens with many group claims reach a few KB; 32 KB is far above that. */
const token = shaped(
  {
    accessToken: text(32_768, 1),
    expiresOn: (value) => typeof value === 'number' && Number.isFinite(value),
    scopes,
    account,
  },
  ['account'],
);

const shapes: Record<string, Check> = {
  acquired: shaped({ type: Boolean, key }),
  token: shaped({ type: Boolean, key, token }),
  'sign-out': shaped({ type: Boolean, provider: name, accountId: text(1_000, 1) }, ['accountId']),
};

/**
 * A check that passes a plain object (what a structured clone of one gives) whose own keys are
 * exactly those of `shape` — the `optional` ones may be missing — each passing its own check.
 */
function shaped(shape: Shape, optional: string[] = []): Check {
  const keys = Object.keys(shape);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    const fields = value as Record<string, unknown>;
    return (
      Object.keys(fields).every((k) => keys.includes(k)) &&
      keys.every((k) => (Object.hasOwn(fields, k) ? shape[k]!(fields[k]) : optional.includes(k)))
    );
  };
}

/**
 * Reads a message from the cross-tab channel, or `undefined` when it is not exactly one of the
 * {@link CrossTabMessage} shapes: unknown or extra fields, wrong types and anything over the size
 * limits (names 200 characters, ids 1,000, 100 scopes, claims 16 KB, a token 32 KB) are dropped
 * before they can change any state. The data is the receiver's own structured clone.
 */
export function readMessage(data: unknown): CrossTabMessage | undefined {
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  const check = typeof type === 'string' && Object.hasOwn(shapes, type) ? shapes[type] : undefined;
  return check?.(data) ? (data as CrossTabMessage) : undefined;
}
