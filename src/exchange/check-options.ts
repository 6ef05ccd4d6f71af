import { isValidName } from '../credentials/name-rule.js';
import { CalloutError } from '../diagnostics/callout-error.js';
import { ExchangeGrant, type ExchangeProviderOptions } from './options.js';

const fail = (option: string, problem: string): never => {
  throw new CalloutError({
    code: 'configuration_error',
    option,
    message: `exchangeProvider option ${option} is invalid: ${problem}`,
  });
};

/** Whether `url` is an absolute `https:` URL (`http:` only on a loopback host, as for OIDC) without credentials. */
function isEndpoint(url: unknown): boolean {
  const parsed = typeof url === 'string' ? URL.parse(url) : null;
  if (!parsed || parsed.username || parsed.password) return false;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback);
}

const isNames = (value: unknown, keys: string[]): boolean =>
  typeof value === 'object' &&
  value !== null &&
  keys.every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

/**
 * Throws `configuration_error` naming the option (`tokenEndpoint`, `subject.provider`,
 * `subject.scopes`, `grant` …) for options that cannot work: endpoints that are not https URLs
 * (`http:` only on localhost), a subject without a valid provider name or scopes, an unknown
 * grant or a custom grant without the subject token's and the access token's field names, a
 * timeout that is not a positive number.
 */
export function checkExchangeOptions(options: ExchangeProviderOptions): void {
  for (const option of ['tokenEndpoint', 'refreshEndpoint', 'revocationEndpoint'] as const) {
    const url = options[option];
    if ((option === 'tokenEndpoint' || url !== undefined) && !isEndpoint(url))
      fail(option, 'it must be an https URL (http only on localhost) without user info');
  }
  if (!isValidName(options.subject?.provider ?? ''))
    fail(
      'subject.provider',
      'it must name another provider of the client (a letter, then letters, digits, "_" or "-")',
    );
  const scopes: unknown = options.subject.scopes;
  if (
    !Array.isArray(scopes) ||
    scopes.length === 0 ||
    !scopes.every((s) => typeof s === 'string' && s !== '')
  )
    fail('subject.scopes', 'it must list the scopes of the subject token (at least one)');
  const grant: unknown = options.grant;
  const standard: readonly unknown[] = Object.values(ExchangeGrant);
  if (grant !== undefined && !standard.includes(grant)) {
    const custom = grant as { request?: unknown; response?: unknown };
    if (!isNames(custom.request, ['subjectToken']) || !isNames(custom.response, ['accessToken']))
      fail(
        'grant',
        `it must be one of ${standard.join(', ')}, or { request: { subjectToken }, response: { accessToken } } with field names`,
      );
  }
  if (options.timeout !== undefined && !(options.timeout > 0))
    fail('timeout', 'it must be a positive number of milliseconds');
}
