import type { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import { needsSignIn } from '../diagnostics/needs-sign-in.js';
import type { CalloutEvents } from '../events.js';

/**
 * Whether a callout failed because its caller aborted it through its `signal` (a component
 * unmounted, a newer request replaced it): that is fired as `abort`, never as `error`.
 */
export function isCallerAbort(error: CalloutError, signal: AbortSignal | undefined): boolean {
  return error.code === CalloutErrorCode.aborted && signal?.aborted === true;
}

/**
 * Fires `error` for a failed callout, and `interaction-required` too when a sign-in can fix it
 * ({@link needsSignIn}) and the provider is known. Both details hold the (token-free, frozen) error and plain strings.
 */
export function emitError(events: CalloutEvents, error: CalloutError, provider?: string): void {
  events.emit('error', { error, credential: error.credential });
  if (provider !== undefined && needsSignIn(error)) {
    events.emit('interaction-required', { provider, error, credential: error.credential });
  }
}
