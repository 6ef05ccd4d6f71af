import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { CalloutRetryOptions, CredentialDefinition, NamedCredential } from '../types.js';
import { normalizeBaseUrl } from './base-url.js';
import { isValidName } from './name-rule.js';

/** A validated credential, with its base URL parsed once. */
export interface ResolvedCredential extends Readonly<Omit<NamedCredential, 'refreshOn'>> {
  readonly base: URL;
  readonly refreshOn: readonly number[];
}

const scopePattern = /^\S+$/;

type Fail = (option: keyof NamedCredential | undefined, problem: string) => CalloutError;

/**
 * Validates a credential definition and returns it normalised (base URL ending in `/`, default
 * `refreshOn: [401]`, frozen arrays). Every problem is an `invalid_credential` error that names the
 * credential, and the field at fault in its `option`.
 */
export function defineCredential(name: string, definition: CredentialDefinition): ResolvedCredential {
  const fail: Fail = (option, problem) =>
    new CalloutError({
      code: CalloutErrorCode.invalidCredential,
      credential: String(name),
      option,
      message: `Credential "${String(name)}" is invalid: ${problem}`,
    });
  if (!isValidName(name)) {
    throw fail(
      'name',
      'its name must start with a letter and contain only letters, digits, "_" and "-" (80 at most)',
    );
  }
  if (definition === null || typeof definition !== 'object')
    throw fail(undefined, 'its definition must be an object');
  const base = normalizeBaseUrl(name, definition.url);
  if (typeof definition.provider !== 'string' || definition.provider.trim() === '') {
    throw fail('provider', '"provider" must name a registered provider');
  }
  const { scopes } = definition;
  if (!Array.isArray(scopes) || scopes.length === 0) {
    throw fail(
      'scopes',
      '"scopes" must be a non-empty array (for Azure AD: ["api://<app-id>/<scope>"] or [".default"])',
    );
  }
  for (const scope of scopes) {
    if (typeof scope !== 'string' || !scopePattern.test(scope)) {
      throw fail('scopes', `scope ${JSON.stringify(scope)} must be a non-empty string without spaces`);
    }
  }
  const credential: ResolvedCredential = {
    name,
    url: base.href,
    base,
    provider: definition.provider,
    scopes: Object.freeze([...scopes]) as string[],
    ...requestOptions(definition, fail),
  };
  return Object.freeze(credential);
}

/** The checked, frozen request options of a definition: `refreshOn`, `headers`, `timeout`, `retry`. */
function requestOptions(
  definition: CredentialDefinition,
  fail: Fail,
): Pick<ResolvedCredential, 'refreshOn' | 'headers' | 'timeout' | 'retry'> {
  const refreshOn = definition.refreshOn ?? [401];
  if (!Array.isArray(refreshOn) || refreshOn.some((s) => !Number.isInteger(s) || s < 400 || s > 599)) {
    throw fail('refreshOn', '"refreshOn" must be an array of HTTP error statuses such as [401, 403]');
  }
  const headers = definition.headers ?? {};
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value !== 'string') throw fail('headers', `header "${key}" must be a string`);
    if (key.toLowerCase() === 'authorization') {
      throw fail('headers', '"headers" must not set Authorization: the token is attached by the client');
    }
  }
  const { timeout, retry } = definition;
  if (timeout !== undefined && timeout !== false && !(typeof timeout === 'number' && timeout > 0)) {
    throw fail('timeout', '"timeout" must be a positive number of milliseconds or false');
  }
  if (
    retry !== undefined &&
    !(Number.isInteger(retry) && (retry as number) >= 0) &&
    typeof retry !== 'object'
  ) {
    throw fail('retry', '"retry" must be a non-negative integer or ky retry options');
  }
  return {
    refreshOn: Object.freeze([...refreshOn]),
    headers: Object.freeze({ ...headers }) as Record<string, string>,
    timeout,
    ...(retry === undefined ? {} : { retry: retry as number | CalloutRetryOptions }),
  };
}
