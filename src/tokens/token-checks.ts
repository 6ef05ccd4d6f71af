import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type {
  AccessToken,
  Account,
  AuthProvider,
  ProviderContext,
  TokenRequest,
  TokenSource,
} from '../types.js';
import { type StoredToken, throttleLimit, throttleWindowMs } from './token-entries.js';

/** Which provider a token is for, and on whose behalf it is asked. */
export interface TokenContext {
  providerName: string;
  provider: AuthProvider;
  credential?: string;
  /** The providers whose acquisition asked for this token, outermost first (a chain of providers). */
  chain?: readonly string[];
}

/** A copy of `account` that shares nothing with it: `id`, `username` and `name` only. */
export function copyAccount(account: Account): Account {
  const { id, username, name } = account;
  return { id, username, ...(name === undefined ? {} : { name }) };
}

/**
 * A copy of a stored token as callers get it: no store bookkeeping, and nothing shared with the
 * store (its own `expiresOn` Date, scopes array and account), so a caller that changes what it
 * got changes nothing the store serves next. `source` overrides the token's (`store` when served
 * from memory).
 */
export function publicToken(token: StoredToken, source: TokenSource = token.source): AccessToken {
  return {
    accessToken: token.accessToken,
    expiresOn: new Date(token.expiresOn.getTime()),
    scopes: [...token.scopes],
    ...(token.account ? { account: copyAccount(token.account) } : {}),
    source,
  };
}

const sources: ReadonlySet<unknown> = new Set<TokenSource>([
  'store',
  'cache',
  'refresh',
  'sso-silent',
  'interactive',
  'broker',
  'provider',
]);

/** What is wrong with a provider's answer, or `undefined` when it is a usable token. */
function problemOf(token: Partial<Record<keyof AccessToken, unknown>>): string | undefined {
  if (typeof token.accessToken !== 'string' || token.accessToken === '') return 'no non-empty accessToken';
  if (!(token.expiresOn instanceof Date) || Number.isNaN(token.expiresOn.getTime()))
    return 'no valid expiresOn Date';
  const { scopes } = token;
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string'))
    return 'no scopes array of strings';
  return undefined;
}

/** The account of a provider's answer, copied, when it has the shape of one (`id` and `username` strings). */
function accountOf(value: unknown): { account?: Account } {
  if (typeof value !== 'object' || value === null) return {};
  const { id, username, name } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof username !== 'string') return {};
  return { account: { id, username, ...(typeof name === 'string' ? { name } : {}) } };
}

/**
 * Checks what a provider returned and copies it, stamped with the local receipt time: the store
 * keeps only the {@link AccessToken} fields (nothing else the provider's object holds) and shares
 * no object with the provider, which may change or reuse what it returned.
 * @throws CalloutError `token_endpoint_error` without a non-empty `accessToken`, a valid
 * `expiresOn` Date and a `scopes` array of strings.
 */
export function validateToken(token: unknown, context: TokenContext, now: number): StoredToken {
  const fields = (typeof token === 'object' && token !== null ? token : {}) as Partial<
    Record<keyof AccessToken, unknown>
  >;
  const problem = problemOf(fields);
  if (problem !== undefined) {
    throw new CalloutError({
      code: CalloutErrorCode.tokenEndpointError,
      credential: context.credential,
      message: `Provider "${context.providerName}" returned no usable token: ${problem}`,
    });
  }
  return {
    accessToken: fields.accessToken as string,
    expiresOn: new Date((fields.expiresOn as Date).getTime()),
    scopes: [...(fields.scopes as string[])],
    ...accountOf(fields.account),
    source: sources.has(fields.source) ? (fields.source as TokenSource) : 'provider',
    receivedAt: now,
  };
}

/** What a provider threw, as a `CalloutError` (aborts become `aborted`). */
function toTokenError(error: unknown, context: TokenContext): CalloutError {
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

/** How {@link askProvider} asks. */
export interface AskOptions {
  /**
   * Another tab acquired since this tab's token arrived: a forced request first asks without
   * forcing (a provider cache shared by the tabs holds that newer token, so no identity-provider
   * request is needed) and forces only when that gives back `previous`.
   */
  cacheFirst: boolean;
  /** The token being replaced, if any. */
  previous: string | undefined;
  /** Clock for the receipt time. */
  now: () => number;
  /** Handed to the provider: the client's other providers (see `ProviderContext`). */
  providerContext?: ProviderContext;
}

/**
 * Asks the provider for `request` (without its `signal`, which only stops the caller's wait) and
 * validates the answer ({@link validateToken}).
 * @throws CalloutError what the provider threw, or what was wrong with its answer, through
 * {@link toTokenError}: never a raw error.
 */
export async function askProvider(
  context: TokenContext,
  request: TokenRequest,
  options: AskOptions,
): Promise<StoredToken> {
  const { signal: _signal, ...providerRequest } = request;
  const ask = async (asked: TokenRequest) =>
    validateToken(await context.provider.getToken(asked, options.providerContext), context, options.now());
  try {
    if (providerRequest.forceRefresh && options.cacheFirst) {
      const cached = await ask({ ...providerRequest, forceRefresh: false });
      if (cached.accessToken !== options.previous) return cached;
    }
    return await ask(providerRequest);
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
