/**
 * What a token is for: provider name, account id (`''` while the provider does not know its
 * account yet), scopes (lower-cased, de-duplicated, sorted: Azure AD treats them
 * case-insensitively) and claims (`''` for none). Entries keep these parts, so nothing ever parses
 * a key back.
 */
export interface TokenKeyParts {
  readonly provider: string;
  readonly account: string;
  readonly scopes: readonly string[];
  readonly claims: string;
}

/** The normalised {@link TokenKeyParts} of a request for `scopes` (and `claims`) from `provider`. */
export function keyParts(
  provider: string,
  accountId: string | undefined,
  request: { scopes: readonly string[]; claims?: string | undefined },
): TokenKeyParts {
  return {
    provider,
    account: accountId ?? '',
    scopes: [...new Set(request.scopes.map((s) => s.toLowerCase()))].sort(),
    claims: request.claims ?? '',
  };
}

/**
 * The store key of a token. Two requests with the same key share one token. `parts` must come
 * from {@link keyParts}: parts received from another tab are normalised once where they arrive
 * (cross-tab.ts), so a key is always one this code builds itself.
 */
export function tokenKey(parts: TokenKeyParts): string {
  return JSON.stringify([parts.provider, parts.account, parts.scopes, parts.claims]);
}
