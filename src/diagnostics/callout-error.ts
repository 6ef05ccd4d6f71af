import type { CalloutErrorCode } from './error-codes.js';
import { defaultHints } from './hints.js';

/** What a {@link CalloutError} is made of. Only `code` and `message` are required. */
export interface CalloutErrorInit {
  code: CalloutErrorCode;
  message: string;
  /** Overrides the code's default hint with a more specific one. */
  hint?: string;
  /** HTTP status of the response that caused the error, when there was one. */
  status?: number;
  /** Request id from `x-ms-request-id` / `request-id` / `x-request-id`, for support tickets. */
  requestId?: string;
  /** The credential the request was made through, when known. */
  credential?: string;
  /** Request method and URL, when known. */
  method?: string;
  url?: string;
  /** The response body (parsed JSON or text), for error panels. */
  data?: unknown;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The one error class sso-callout throws. `code` is stable (see {@link CalloutErrorCode}), `hint`
 * says what to change, and `cause` keeps the original error (a ky `HTTPError`, an MSAL error, a
 * `TypeError` from fetch …). The message reads like ky's:
 * `Callout failed with 401 Unauthorized: GET https://api.contoso.com/v1/orders`.
 *
 * @example
 * ```ts
 * try {
 *   await callout('callout:Orders/orders').json();
 * } catch (error) {
 *   if (isCalloutError(error) && error.code === CalloutErrorCode.interactionRequired) showSignIn();
 *   else console.error(error.message, '—', (error as CalloutError).hint);
 * }
 * ```
 */
export class CalloutError extends Error {
  override readonly name = 'CalloutError';
  readonly code: CalloutErrorCode;
  readonly hint: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly credential?: string;
  readonly method?: string;
  readonly url?: string;
  readonly data?: unknown;

  constructor(init: CalloutErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.hint = init.hint ?? defaultHints[init.code];
    if (init.status !== undefined) this.status = init.status;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.credential !== undefined) this.credential = init.credential;
    if (init.method !== undefined) this.method = init.method;
    if (init.url !== undefined) this.url = init.url;
    if (init.data !== undefined) this.data = init.data;
  }
}

/**
 * True when `value` is a {@link CalloutError}, including one thrown by another copy of the
 * package on the same page (where `instanceof` would fail).
 */
export function isCalloutError(value: unknown): value is CalloutError {
  return (
    value instanceof CalloutError ||
    (value instanceof Error &&
      value.name === 'CalloutError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}
