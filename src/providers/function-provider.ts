import type { AccessToken, AuthProvider, TokenRequest } from '../types.js';

/** What a token function returns: the token and when it expires (a `Date` or epoch milliseconds). */
export interface FunctionTokenResult {
  accessToken: string;
  expiresOn: Date | number;
  /** Scopes actually granted; defaults to the requested ones. */
  scopes?: string[];
}

/** Options of {@link functionProvider} beyond the token function. */
export interface FunctionProviderOptions {
  /**
   * URLs of the token source's own endpoints (a path is on the page's origin): never given a
   * token, never retried through.
   */
  tokenEndpoints?: readonly string[];
}

/**
 * An {@link AuthProvider} around your own async token function: a backend that mints tokens, a
 * host framework's token API, or a test double. The function is called only when the client's
 * token store has no fresh token (once per key however many requests wait), with the scopes,
 * optional claims challenge and `forceRefresh` flag. Errors it throws become `token_endpoint_error`
 * (or keep their code when they are already `CalloutError`s).
 *
 * @example
 * ```ts
 * const backend = functionProvider(async ({ scopes, forceRefresh }) => {
 *   const res = await fetch('/api/token', { method: 'POST', body: JSON.stringify({ scopes, forceRefresh }) });
 *   const { access_token, expires_in } = await res.json();
 *   return { accessToken: access_token, expiresOn: Date.now() + expires_in * 1000 };
 * });
 * const callout = createCallout({ providers: { backend }, credentials: { … } });
 * ```
 */
export function functionProvider(
  fn: (request: TokenRequest) => Promise<FunctionTokenResult>,
  options: FunctionProviderOptions = {},
): AuthProvider {
  return {
    ...(options.tokenEndpoints ? { tokenEndpoints: [...options.tokenEndpoints] } : {}),
    async getToken(request: TokenRequest): Promise<AccessToken> {
      const result = await fn(request);
      return {
        accessToken: result?.accessToken,
        expiresOn:
          result?.expiresOn instanceof Date ? result.expiresOn : new Date(result?.expiresOn ?? Number.NaN),
        scopes: result?.scopes ?? [...request.scopes],
        source: 'provider',
      };
    },
  };
}
