import { CalloutErrorCode, isCalloutError, needsSignIn } from '../../src/index.js';

/** An error reduced to what a person can read and act on. */
export interface ErrorView {
  /** One readable sentence. */
  message: string;
  /** What to change, when known. */
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
  return { message, hint, code, interactionRequired: false };
}

/**
 * Reduces anything thrown — a `CalloutError` (also from another copy of the package), another
 * `Error`, a string, an object — to an {@link ErrorView}. Never throws.
 */
export function describeError(error: unknown): ErrorView {
  if (isCalloutError(error)) {
    return {
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
  if (error instanceof Error) {
    return { message: error.message || error.name, interactionRequired: false };
  }
  if (typeof error === 'string' && error !== '') return { message: error, interactionRequired: false };
  return { message: 'Something went wrong, and it did not say what.', interactionRequired: false };
}
