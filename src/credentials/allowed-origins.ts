import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { ResolvedCredential } from './define-credential.js';

/**
 * Whether `entry` is an origin and nothing more: scheme, host and optional port, with at most a
 * trailing `/` (`https://api.contoso.com`), no path, query, fragment or user info, and not an
 * opaque origin.
 */
export function isOriginEntry(entry: unknown): entry is string {
  if (typeof entry !== 'string') return false;
  const url = URL.parse(entry);
  if (!url || url.origin === 'null') return false;
  return entry === url.origin || entry === `${url.origin}/`;
}

/**
 * Validates an allow-list of origins and returns it as a set of serialized origins. Every entry
 * must be an origin (see {@link isOriginEntry}); there are no wildcards. Throws
 * `configuration_error` (`option: 'allowedOrigins'`) naming the first bad entry and where it came
 * from (`source`).
 */
export function parseAllowedOrigins(origins: unknown, source: string): ReadonlySet<string> {
  if (!Array.isArray(origins)) {
    throw new CalloutError({
      code: CalloutErrorCode.configurationError,
      option: 'allowedOrigins',
      message: `${source} must be an array of origins such as ["https://api.contoso.com"]`,
    });
  }
  const allowed = new Set<string>();
  for (const entry of origins) {
    if (!isOriginEntry(entry)) {
      throw new CalloutError({
        code: CalloutErrorCode.configurationError,
        option: 'allowedOrigins',
        message: `${source} entry ${JSON.stringify(entry)} is not an origin: write scheme, host and port only, such as "https://api.contoso.com" (no path and no wildcard)`,
      });
    }
    allowed.add(new URL(entry).origin);
  }
  return allowed;
}

/**
 * Throws `origin_not_allowed` (`option: 'url'`) when `credential`'s origin is not in `allowed`. Called before a
 * credential is registered, so a refused credential never resolves and never gets a token.
 */
export function checkOrigin(
  credential: ResolvedCredential,
  allowed: ReadonlySet<string>,
  source: string,
): void {
  const origin = credential.base.origin;
  if (allowed.has(origin)) return;
  throw new CalloutError({
    code: CalloutErrorCode.originNotAllowed,
    credential: credential.name,
    option: 'url',
    message: `Credential "${credential.name}" is not allowed: its origin ${origin} is not in ${source} (${[...allowed].join(', ') || 'empty'})`,
  });
}
