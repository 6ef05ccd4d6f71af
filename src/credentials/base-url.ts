import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import { hasHiddenDotSegment } from './url-containment.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Parses and normalises a credential's base URL: absolute, `https:` (plain `http:` only for
 * loopback development hosts), no user info, query, fragment, path parameters or dot segments
 * in any spelling a server might read (see `hasHiddenDotSegment`), and a path that ends in `/`.
 * Throws `invalid_credential` naming the credential and the problem, with `option: 'url'`.
 */
export function normalizeBaseUrl(name: string, raw: unknown): URL {
  const fail = (problem: string) =>
    new CalloutError({
      code: CalloutErrorCode.invalidCredential,
      credential: name,
      option: 'url',
      message: `Credential "${name}" has an invalid url ${JSON.stringify(raw)}: ${problem}`,
    });
  if (typeof raw !== 'string' || raw.trim() === '') throw fail('it must be a non-empty string');
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new CalloutError({
      code: CalloutErrorCode.invalidCredential,
      credential: name,
      option: 'url',
      cause,
      message: `Credential "${name}" has an invalid url ${JSON.stringify(raw)}: it must be an absolute URL`,
    });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
    throw fail('it must use https (plain http is allowed only for localhost)');
  }
  if (url.username || url.password) throw fail('it must not contain user info');
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
    throw fail('it must not contain a query or fragment');
  }
  if (/\\|%2e|%2f|%5c/i.test(raw) || hasHiddenDotSegment(url.pathname)) {
    throw fail('it must not contain dot segments (in any spelling), encoded slashes or backslashes');
  }
  if (url.pathname.includes(';')) throw fail('it must not contain path parameters (";")');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
