import type { CalloutErrorCode } from './error-codes.js';
import { defaultHints } from './hints.js';
import { safeCause } from './safe-cause.js';

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
  /** The option, field or attribute at fault, for configuration errors (see {@link CalloutError.option}). */
  option?: string;
  /** For an error a sign-in fixes, the provider to sign in with (see {@link CalloutError.signInProvider}). */
  signInProvider?: string;
  /**
   * The underlying error. Kept only as a token-free copy (see `cause` on {@link CalloutError}):
   * pass anything, what is stored holds no object.
   */
  cause?: unknown;
}

/**
 * The one error class sso-callout throws. `code` is stable (see {@link CalloutErrorCode}), `hint`
 * says what to change, and `cause` describes the original error (a ky `HTTPError`, an MSAL error,
 * a `TypeError` from fetch …). The message reads like ky's:
 * `Callout failed with 401 Unauthorized: GET https://api.contoso.com/v1/orders`.
 *
 * **No token is reachable from it.** Errors travel far — into `error` events, element properties,
 * bubbling DOM events that every namespace of a Lightning page can read, logs and error
 * trackers — so `cause` is never the original object (ky's error holds the request with its
 * `Authorization` header; a provider's error may hold a token response) but a frozen copy made
 * when the error is created: `name`, `message`, `stack`, primitive fields such as `errorCode`,
 * `subError` and `correlationId`, and its own `cause` copied the same way. The error itself is
 * frozen, so a listener cannot rewrite what the next one (or an error panel) shows; it is not
 * meant to be subclassed.
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
  /**
   * For an error about configuration, which option is at fault, named as in code: a credential
   * field (`name`, `url`, `provider`, `scopes`, `refreshOn`, `headers`, `timeout`, `retry`), a
   * client option (`allowedOrigins`, `crossTab`), a call option (`prefixUrl`), a provider
   * option. Elements map it to their attribute: read it instead of parsing the message.
   */
  readonly option?: string;
  /**
   * For an error that a sign-in fixes (`needsSignIn(error)`), the name of the provider to sign
   * in with, when that is not the credential's own provider: a provider that builds on another
   * one (a token exchange whose subject token comes from `aad`) fails for want of a sign-in with
   * that other provider. Elements offer "Sign in to continue" with it and re-run once it signs
   * in; `callout.signIn(error.signInProvider)` does the same in code.
   */
  readonly signInProvider?: string;

  constructor(init: CalloutErrorInit) {
    const cause = safeCause(init.cause);
    super(init.message, cause === undefined ? undefined : { cause });
    this.code = init.code;
    this.hint = init.hint ?? defaultHints[init.code];
    if (init.status !== undefined) this.status = init.status;
    if (init.requestId !== undefined) this.requestId = init.requestId;
    if (init.credential !== undefined) this.credential = init.credential;
    if (init.method !== undefined) this.method = init.method;
    if (init.url !== undefined) this.url = init.url;
    if (init.data !== undefined) this.data = init.data;
    if (init.option !== undefined) this.option = init.option;
    if (init.signInProvider !== undefined) this.signInProvider = init.signInProvider;
    Object.freeze(this);
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
