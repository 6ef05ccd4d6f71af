/**
 * LWS behaviour answered here: MSAL 5 receives the hidden iframe's answer over a
 * `BroadcastChannel` named after the request, but LWS prefixes channel names created in the
 * sandbox (`LSKey-<ns>$<name>`), so the redirect page — outside the sandbox, and under LWS with
 * an opaque origin that has its own channel namespace — can never reach it. Instead the redirect
 * page of the Salesforce static resource (`salesforce/redirect.ts`) posts the raw answer to its
 * parent window, and this listener hands it to MSAL.
 *
 * The answer arrives from an opaque origin (`event.origin === 'null'`), so the origin cannot
 * authenticate it. What binds it to the request (see docs/security.md):
 * - `event.source` must be **the** iframe MSAL created for this request;
 * - the answer's `state` must equal this request's `state` (MSAL checks it again, then redeems
 *   the code with the PKCE verifier only this MSAL instance holds, and checks the ID token nonce);
 * - one answer per request: the listener is removed on the first match, on timeout and on abort,
 *   so a replayed or late message has nobody to talk to;
 * - the message must be a small plain object of the expected shape; anything else is ignored.
 */
import { BrowserAuthError, BrowserAuthErrorCodes } from '@azure/msal-browser';
import { type LwsResponseMessage, lwsResponseMessageType, maxLwsResponseLength } from './response-message.js';

/** Options of {@link waitForFrameResponse}. */
export interface FrameResponseOptions {
  /** The iframe MSAL navigates for this request: only its window may answer. */
  frame: HTMLIFrameElement;
  /** The request's `state`: only an answer carrying exactly this state is accepted. */
  state: string;
  /** Rejects with MSAL's `timed_out` after this many milliseconds. */
  timeoutMs: number;
  /** MSAL's correlation id, kept on the timeout error. */
  correlationId?: string;
  /** Ends the wait early (rejects with the signal's reason). */
  signal?: AbortSignal;
  /** The window that receives the message. Default `window`. */
  target?: Window;
  /** Called with the reason whenever a message is ignored (diagnostics and tests). */
  onIgnored?: (reason: string) => void;
}

/**
 * Resolves with the raw answer (`#code=…&state=…` or `#error=…&state=…`) the request's own
 * iframe posts, for MSAL to parse and validate. Every other message is ignored. Rejects with
 * MSAL's `timed_out` error (or the abort reason) if no matching answer arrives.
 */
export function waitForFrameResponse(options: FrameResponseOptions): Promise<string> {
  const target = options.target ?? window;
  return new Promise<string>((resolve, reject) => {
    const ignore = (reason: string): void => options.onIgnored?.(reason);
    const finish = (): void => {
      target.removeEventListener('message', onMessage);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onMessage = (event: MessageEvent<unknown>): void => {
      const rejection = reasonToIgnore(event, options, target);
      if (typeof rejection === 'string') {
        ignore(rejection);
        return;
      }
      finish();
      resolve(rejection.response);
    };
    const onAbort = (): void => {
      finish();
      reject(options.signal?.reason);
    };
    const timer = setTimeout(() => {
      finish();
      reject(
        new BrowserAuthError(
          BrowserAuthErrorCodes.timedOut,
          options.correlationId ?? '',
          'lws_redirect_page',
        ),
      );
    }, options.timeoutMs);
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    options.signal?.addEventListener('abort', onAbort);
    target.addEventListener('message', onMessage);
  });
}

/** Why `event` is not this request's answer, or the answer itself. */
function reasonToIgnore(
  event: MessageEvent<unknown>,
  options: FrameResponseOptions,
  target: Window,
): string | { response: string } {
  if (!options.state) return 'state';
  const frameWindow = options.frame.contentWindow;
  if (!frameWindow || event.source !== frameWindow) return 'source';
  if (event.origin !== 'null' && event.origin !== target.location.origin) return 'origin';
  const response = responseOf(event.data);
  if (response === undefined) return 'shape';
  if (stateOf(response) !== options.state) return 'state';
  return { response };
}

/** The raw answer of a well-formed message, or `undefined`. */
function responseOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Partial<Record<keyof LwsResponseMessage, unknown>>;
  if (message.type !== lwsResponseMessageType) return undefined;
  const response = message.response;
  if (typeof response !== 'string' || response.length < 2 || response.length > maxLwsResponseLength) {
    return undefined;
  }
  return response.startsWith('#') || response.startsWith('?') ? response : undefined;
}

function stateOf(response: string): string | null {
  return new URLSearchParams(response.slice(1)).get('state');
}
