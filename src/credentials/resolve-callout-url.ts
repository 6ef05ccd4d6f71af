import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { ResolvedCredential } from './define-credential.js';
import { nameSource } from './name-rule.js';
import { hasHiddenDotSegment, isInside } from './url-containment.js';

/** The scheme that marks a named-credential reference. */
export const calloutScheme = 'callout:';

/** `callout:` and a whole valid name (never a cut one), then the rest. */
const reference = new RegExp(`^callout:(${nameSource})(?![A-Za-z0-9_-])(.*)$`, 's');
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const controlCharacters = /[\u0000-\u001f\u007f]/;
const schemeAtStart = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The credential name in a `callout:Name/…` reference, or `undefined` when `input` is not one. */
export function credentialNameOf(input: string): string | undefined {
  return reference.exec(input)?.[1];
}

/**
 * Resolves `callout:Name/relative/path?query` against the credential's base URL, strictly: the
 * relative part is appended to the base (never resolved as a URL), and it may not contain control
 * characters, backslashes, a leading slash, a scheme, a `;` in the path (a path parameter:
 * Tomcat, Jetty and Spring read `..;` as `..`; a `;` in the query is fine), or `..`/`.` segments
 * in any spelling a server might decode — percent-encoded, double-encoded, overlong UTF-8,
 * fullwidth or ideographic dots, or followed by NUL or whitespace (see `hasHiddenDotSegment`).
 * The result must still lie inside the base URL (same origin, path prefix). Any violation throws
 * `url_escape` and no request is made.
 *
 * @example
 * ```ts
 * resolveCalloutUrl('callout:Orders/orders/42?expand=lines', orders).href
 * // 'https://api.contoso.com/v1/orders/42?expand=lines'
 * resolveCalloutUrl('callout:Orders/../admin', orders) // throws CalloutError url_escape
 * ```
 */
export function resolveCalloutUrl(input: string, credential: ResolvedCredential): URL {
  const match = reference.exec(input);
  if (!match || match[1] !== credential.name) {
    throw refused(input, credential, `it is not a reference to credential "${credential.name}"`);
  }
  const rest = match[2] ?? '';
  if (rest !== '' && !/^[/?#]/.test(rest)) {
    throw refused(input, credential, 'the credential name must be followed by "/", "?" or the end');
  }
  const relative = rest.startsWith('/') ? rest.slice(1) : rest;
  if (controlCharacters.test(relative)) throw refused(input, credential, 'it contains control characters');
  const pathEnd = relative.search(/[?#]/);
  const path = pathEnd === -1 ? relative : relative.slice(0, pathEnd);
  if (path.includes('\\')) throw refused(input, credential, 'it contains a backslash');
  if (path.startsWith('/'))
    throw refused(input, credential, 'its path starts with "/" (a host or root path)');
  if (schemeAtStart.test(path)) throw refused(input, credential, 'its path starts with a URL scheme');
  if (path.includes(';')) {
    throw refused(input, credential, 'its path contains ";" (a path parameter, which some servers strip)');
  }
  if (hasHiddenDotSegment(path))
    throw refused(input, credential, 'its path contains "." or ".." segments (in some spelling)');
  let url: URL;
  try {
    url = new URL(credential.base.href + relative);
  } catch (cause) {
    throw new CalloutError({
      code: CalloutErrorCode.urlEscape,
      credential: credential.name,
      cause,
      message: `Callout URL ${JSON.stringify(input)} does not form a valid URL below ${credential.base.href}`,
    });
  }
  if (!isInside(url, credential.base)) {
    throw refused(input, credential, `it resolves to ${url.href}, outside ${credential.base.href}`);
  }
  return url;
}

function refused(input: string, credential: ResolvedCredential, problem: string): CalloutError {
  return new CalloutError({
    code: CalloutErrorCode.urlEscape,
    credential: credential.name,
    message: `Callout URL ${JSON.stringify(input)} was refused: ${problem}. No request was sent.`,
  });
}
