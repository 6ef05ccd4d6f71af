import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import { CalloutError, type CalloutErrorInit, isCalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import { defaultHints } from '../diagnostics/hints.js';
import { redact, safeCause } from '../diagnostics/safe-cause.js';
import { bearerChallenge } from './challenge.js';

/** What the client knows about the request that failed. */
export interface FailedCall {
  method: string;
  url: string;
  credential?: string;
  /** Whether a token was attached. */
  authorized: boolean;
  /** The caller's signal, to tell an abort from a timeout. */
  signal?: AbortSignal;
  /** The last answer, when the failure came after it (a body that does not parse). */
  response?: { status: number; requestId?: string };
  /** The tokens this call sent: redacted wherever an API or a parser echoed them back. */
  secrets?: readonly string[];
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `x-ms-request-id`, `request-id` or `x-request-id` of a response: what support will ask for. */
export function requestIdOf(headers: Headers): string | undefined {
  return (
    headers.get('x-ms-request-id') ?? headers.get('request-id') ?? headers.get('x-request-id') ?? undefined
  );
}

/**
 * Turns whatever a callout threw (a ky `HTTPError`/`TimeoutError`/`NetworkError`, an abort, a
 * JSON parse failure, an already typed error) into a {@link CalloutError} whose message names the
 * request, like ky's: `Callout failed with 404 Not Found: GET https://api.contoso.com/v1/orders/7`.
 * Only plain values are copied from ky's error — status, request id, the body ky already read —
 * and `cause` is a token-free copy; the tokens of `call.secrets` are redacted from every string.
 */
export function toCalloutError(error: unknown, call: FailedCall): CalloutError {
  if (isCalloutError(error)) return error;
  const { method, url, credential, secrets = [] } = call;
  const fail = (code: CalloutErrorCode, what: string, extra?: Partial<CalloutErrorInit>, tail = '') =>
    new CalloutError({
      cause: safeCause(error, secrets),
      method,
      url,
      credential,
      ...extra,
      hint: extra?.hint === undefined ? undefined : redact(extra.hint, secrets),
      data: safeData(extra?.data, secrets),
      code,
      message: redact(`Callout ${what}: ${method} ${url}${tail}`, secrets),
    });
  if (call.signal?.aborted || (error instanceof DOMException && error.name === 'AbortError'))
    return fail(CalloutErrorCode.aborted, 'was aborted');
  if (isTimeoutError(error)) return fail(CalloutErrorCode.timeout, 'timed out');
  if (isHTTPError(error)) return httpFailure(error.response, error.data, call, fail);
  if (isNetworkError(error)) return fail(CalloutErrorCode.networkError, 'could not reach the server');
  if (error instanceof SyntaxError && call.response) {
    return fail(
      CalloutErrorCode.parseError,
      `got ${call.response.status} with a body that could not be parsed`,
      { status: call.response.status, requestId: call.response.requestId },
      `: ${error.message}`,
    );
  }
  return fail(
    CalloutErrorCode.configurationError,
    'could not be sent',
    {},
    `: ${error instanceof Error ? error.message : String(error)}`,
  );
}

type Fail = (code: CalloutErrorCode, what: string, extra?: Partial<CalloutErrorInit>) => CalloutError;

/** The error for a non-2xx answer: its status, request id, body and a hint from its challenge. */
function httpFailure(response: Response, data: unknown, call: FailedCall, fail: Fail): CalloutError {
  const status = response.status;
  return fail(
    status === 401
      ? CalloutErrorCode.unauthorized
      : status === 403
        ? CalloutErrorCode.forbidden
        : CalloutErrorCode.httpError,
    `failed with ${`${status} ${response.statusText || reasons[status] || 'Error'}`.trim()}`,
    {
      status,
      requestId: requestIdOf(response.headers),
      data,
      hint:
        status === 401
          ? unauthorizedHint(response, call)
          : status === 403
            ? forbiddenHint(response)
            : undefined,
    },
  );
}

/**
 * The response body ky read for an error, as a frozen plain value (parsed JSON or text), with the
 * call's tokens redacted if the API echoed one. Anything else (a stream, a buffer) is dropped.
 */
function safeData(data: unknown, secrets: readonly string[]): unknown {
  if (data === undefined) return undefined;
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch {
    return undefined;
  }
  return json === undefined ? undefined : deepFreeze(JSON.parse(redact(json, secrets)));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function unauthorizedHint(response: Response, call: FailedCall): string {
  if (!call.authorized) {
    return call.credential === undefined
      ? "No token was sent because this URL is not inside any credential's base URL: call it as callout:Name/path or register a credential for it."
      : `No token was sent to this URL: check that credential "${call.credential}" and its provider are registered.`;
  }
  const hidden =
    response.headers.get('www-authenticate') === null &&
    new URL(call.url).origin !== globalThis.location?.origin
      ? ' If the API sends WWW-Authenticate, it must also list it in Access-Control-Expose-Headers, or the browser hides it.'
      : '';
  const error = bearerChallenge(response.headers)?.params.error_description;
  const said = error ? ` The API said: "${error.slice(0, 200)}".` : '';
  return `${defaultHints[CalloutErrorCode.unauthorized]}${said}${hidden}`;
}

/** The insufficient_scope hint, or `undefined` for the code's default. */
function forbiddenHint(response: Response): string | undefined {
  const challenge = bearerChallenge(response.headers);
  if (challenge?.params.error === 'insufficient_scope') {
    const scope = challenge.params.scope ? ` (the API wants: ${challenge.params.scope.slice(0, 200)})` : '';
    return `The token lacks a scope the API requires${scope}: add it to the credential's scopes and grant consent for it, or add 403 to refreshOn if consent was just granted.`;
  }
  return undefined;
}
