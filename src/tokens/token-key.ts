import type { TokenRequest } from '../types.js';

/**
 * The store key of a token: provider, account, scopes (sorted, de-duplicated, case-insensitive as
 * Azure AD treats them) and claims. Two requests with the same key share one token.
 */
export function tokenKey(provider: string, accountId: string | undefined, request: TokenRequest): string {
  const scopes = [...new Set(request.scopes.map((s) => s.toLowerCase()))].sort();
  return JSON.stringify([provider, accountId ?? '', scopes, request.claims ?? '']);
}
