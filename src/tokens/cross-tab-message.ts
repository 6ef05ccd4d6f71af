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

/** Size limits of what a message may hold; anything larger is dropped unread. */
const limits = {
  name: 200,
  id: 1_000,
  scope: 1_000,
  scopes: 100,
  claims: 16_384,
  /** Azure AD access tokens with many group claims reach a few KB; 32 KB is far above that. */
  accessToken: 32_768,
} as const;

type Plain = Record<string, unknown>;

/** A plain object (what a structured clone of one gives) with exactly `required` and some of `optional` as keys. */
function plain(
  value: unknown,
  required: readonly string[],
  optional: readonly string[] = [],
): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  if (keys.length > required.length + optional.length) return false;
  return (
    required.every((k) => Object.hasOwn(value, k)) &&
    keys.every((k) => required.includes(k) || optional.includes(k))
  );
}

function text(value: unknown, max: number, min = 0): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function scopeList(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.length <= limits.scopes && value.every((s) => text(s, limits.scope, 1))
  );
}

function readKey(value: unknown): TokenKeyParts | undefined {
  if (!plain(value, ['provider', 'account', 'scopes', 'claims'])) return undefined;
  const { provider, account, scopes, claims } = value;
  if (!text(provider, limits.name, 1) || !text(account, limits.id) || !scopeList(scopes)) return undefined;
  if (!text(claims, limits.claims)) return undefined;
  return { provider, account, scopes: [...scopes], claims };
}

function readAccount(value: unknown): Account | undefined {
  if (!plain(value, ['id', 'username'], ['name'])) return undefined;
  const { id, username, name } = value;
  if (!text(id, limits.id, 1) || !text(username, limits.id)) return undefined;
  if (name !== undefined && !text(name, limits.id)) return undefined;
  return { id, username, ...(name === undefined ? {} : { name }) };
}

function readToken(value: unknown): SharedToken | undefined {
  if (!plain(value, ['accessToken', 'expiresOn', 'scopes'], ['account'])) return undefined;
  const { accessToken, expiresOn, scopes, account } = value;
  if (!text(accessToken, limits.accessToken, 1) || !scopeList(scopes)) return undefined;
  if (typeof expiresOn !== 'number' || !Number.isFinite(expiresOn)) return undefined;
  const owner = account === undefined ? undefined : readAccount(account);
  if (account !== undefined && !owner) return undefined;
  return { accessToken, expiresOn, scopes: [...scopes], ...(owner ? { account: owner } : {}) };
}

/**
 * Reads a message from the cross-tab channel, or `undefined` when it is not exactly one of the
 * {@link CrossTabMessage} shapes: unknown or extra fields, wrong types and anything over the size
 * limits are dropped before they can change any state. Returns fresh copies, never the input.
 */
export function readMessage(data: unknown): CrossTabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  switch ((data as Plain).type) {
    case 'acquired': {
      if (!plain(data, ['type', 'key'])) return undefined;
      const key = readKey(data.key);
      return key && { type: 'acquired', key };
    }
    case 'token': {
      if (!plain(data, ['type', 'key', 'token'])) return undefined;
      const key = readKey(data.key);
      const token = readToken(data.token);
      return key && token && { type: 'token', key, token };
    }
    case 'sign-out': {
      if (!plain(data, ['type', 'provider'], ['accountId'])) return undefined;
      const { provider, accountId } = data;
      if (!text(provider, limits.name, 1)) return undefined;
      if (accountId !== undefined && !text(accountId, limits.id, 1)) return undefined;
      return { type: 'sign-out', provider, ...(accountId === undefined ? {} : { accountId }) };
    }
    default:
      return undefined;
  }
}
