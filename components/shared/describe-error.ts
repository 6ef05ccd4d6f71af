import { CalloutErrorCode, isCalloutError, needsSignIn } from '../../src/index.js';
import { userMessageOf } from './user-messages.js';

/**
 * An error reduced to what people can read and act on: the end user (`userMessage`, plain
 * language) and the developer (`message`, `hint`, `code`, `requestId` …).
 */
export interface ErrorView {
  /** What the end user reads: plain language and what they can do (user-messages.ts, by code). */
  userMessage: string;
  /** The developer's sentence: what failed. */
  message: string;
  /** What to change, when known (the developer's hint). */
  hint?: string;
  /** The stable code (`CalloutErrorCode`), when the error has one. */
  code?: string;
  status?: number;
  requestId?: string;
  method?: string;
  url?: string;
  credential?: string;
  /** Whether signing in again (from a click) can fix it: the core's `needsSignIn(error)`. */
  interactionRequired: boolean;
}

/** The view of an invalid attribute: its sentence (see `InvalidAttribute`) and what to do. */
export function configurationView(
  message: string,
  hint: string,
  code: string = CalloutErrorCode.configurationError,
): ErrorView {
  return { userMessage: userMessageOf(code), message, hint, code, interactionRequired: false };
}

/**
 * Reduces anything thrown — a `CalloutError` (also from another copy of the package), another
 * `Error`, a string, an object — to an {@link ErrorView}. Never throws.
 */
export function describeError(error: unknown): ErrorView {
  if (isCalloutError(error)) {
    return {
      userMessage: userMessageOf(error.code),
      message: error.message,
      hint: error.hint,
      code: error.code,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      ...(error.method === undefined ? {} : { method: error.method }),
      ...(error.url === undefined ? {} : { url: error.url }),
      ...(error.credential === undefined ? {} : { credential: error.credential }),
      interactionRequired: needsSignIn(error),
    };
  }
  const userMessage = userMessageOf(undefined);
  if (error instanceof Error) {
    return { userMessage, message: error.message || error.name, interactionRequired: false };
  }
  if (typeof error === 'string' && error !== '')
    return { userMessage, message: error, interactionRequired: false };
  return {
    userMessage,
    message: 'Something went wrong, and it did not say what.',
    interactionRequired: false,
  };
}
