import type { ResolvedCredential } from '../credentials/define-credential.js';
import { isInside } from '../credentials/url-containment.js';
import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';

/** The request a redirect check is about. */
export interface RedirectCall {
  method: string;
  url: string;
  credential: ResolvedCredential;
}

/**
 * The error for an answer to a call that carries a token when that answer is not the API's own:
 * - an `opaqueredirect` response: the API redirected, and the redirect was not followed
 *   (`redirect: 'manual'`, the default for such calls) → `redirect_not_followed`;
 * - a response whose final URL (`response.url`, after redirects the caller allowed) lies outside
 *   the credential's base URL → `redirect_outside_base`.
 * Returns `undefined` for an answer that came from inside the base (or from a caller's own
 * `fetch` that built a `Response` with no URL); one that was not redirected and comes from the
 * call's own URL (checked against the base before sending) costs one string comparison. Checked
 * before anything reads the answer, so it is never parsed as the API's, never decides a refresh,
 * a claims challenge or a retry.
 */
export function redirectFailure(response: Response, call: RedirectCall): CalloutError | undefined {
  const { method, url, credential } = call;
  const common = { method, url, credential: credential.name };
  if (response.type === 'opaqueredirect') {
    return new CalloutError({
      ...common,
      code: CalloutErrorCode.redirectNotFollowed,
      message: `Callout was redirected, which a call with a token does not follow: ${method} ${url}`,
    });
  }
  if (!response.redirected && (response.url === '' || response.url === url)) return undefined;
  const final = URL.parse(response.url);
  if (!final || isInside(final, credential.base)) return undefined;
  return new CalloutError({
    ...common,
    code: CalloutErrorCode.redirectOutsideBase,
    status: response.status,
    message: `Callout was redirected outside ${credential.base.href} to ${final.origin}${final.pathname}: ${method} ${url}`,
  });
}
