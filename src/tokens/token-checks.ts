import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { AccessToken, AuthProvider, TokenRequest } from '../types.js';
import { type StoredToken, throttleLimit, throttleWindowMs } from './token-entries.js';

/** Which provider a token is for, and on whose behalf it is asked. */
export interface TokenContext {
  providerName: string;
  provider: AuthProvider;
  credential?: string;
}

/** A copy of a stored token as callers get it: no store bookkeeping, its own scopes array. */
export function publicToken(token: StoredToken): AccessToken {
  const { receivedAt: _receivedAt, fromOtherTab: _fromOtherTab, ...rest } = token;
  return { ...rest, scopes: [...rest.scopes] };
}

/**
 * Checks what a provider returned and stamps it with the local receipt time.
 * @throws CalloutError `token_endpoint_error` without a non-empty `accessToken` and a valid `expiresOn`.
 */
export function validateToken(token: AccessToken, context: TokenContext, now: number): StoredToken {
  const expiresOn = token?.expiresOn instanceof Date ? token.expiresOn : new Date(Number.NaN);
  if (
    !token ||
    typeof token.accessToken !== 'string' ||
    token.accessToken === '' ||
    Number.isNaN(expiresOn.getTime())
  ) {
    throw new CalloutError({
      code: CalloutErrorCode.tokenEndpointError,
      credential: context.credential,
      message: `Provider "${context.providerName}" returned no usable token (it needs a non-empty accessToken and a valid expiresOn)`,
    });
  }
  return { ...token, expiresOn, scopes: [...token.scopes], receivedAt: now };
}

/** What a provider threw, as a `CalloutError` (aborts become `aborted`). */
export function toTokenError(error: unknown, context: TokenContext): CalloutError {
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
    credential: context.credential,
    message: `Provider "${context.providerName}" failed to obtain a token: ${reason}`,
  });
}

/**
 * Asks the provider for `request` (without its `signal`, which only stops the caller's wait).
 * With `cacheFirst`, a forced request first asks without forcing — another tab acquired since this
 * tab's token arrived, so a provider cache shared by the tabs holds that newer token and no
 * identity-provider request is needed — and forces only when that gives back `previous`.
 * @throws CalloutError what the provider threw, through {@link toTokenError}.
 */
export async function askProvider(
  context: TokenContext,
  request: TokenRequest,
  cacheFirst: boolean,
  previous: string | undefined,
): Promise<AccessToken> {
  const { signal: _signal, ...providerRequest } = request;
  try {
    if (providerRequest.forceRefresh && cacheFirst) {
      const cached = await context.provider.getToken({ ...providerRequest, forceRefresh: false });
      if (cached?.accessToken !== previous) return cached;
    }
    return await context.provider.getToken(providerRequest);
  } catch (error) {
    throw toTokenError(error, context);
  }
}

/** The error of an acquisition refused by the renewal throttle. */
export function throttledError(context: TokenContext): CalloutError {
  return new CalloutError({
    code: CalloutErrorCode.renewalThrottled,
    credential: context.credential,
    message: `Token renewal for provider "${context.providerName}" was throttled: ${throttleLimit} renewals in ${throttleWindowMs / 1000} s`,
  });
}
