import type { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import { needsSignIn } from '../diagnostics/needs-sign-in.js';
import type { CalloutEvents } from '../events.js';

/**
 * Fires `error` for a failed callout, and `interaction-required` too when a sign-in can fix it
 * ({@link needsSignIn}) and the provider is known. Both details hold the (token-free, frozen) error and plain strings.
 * A call its caller aborted through `signal` (a component unmounted, a newer request replaced
 * it) is no error: it fires `abort` instead, with the same detail (and needs no sign-in).
 */
export function emitError(
  events: CalloutEvents,
  error: CalloutError,
  provider?: string,
  signal?: AbortSignal,
): void {
  const name = error.code === CalloutErrorCode.aborted && signal?.aborted ? 'abort' : 'error';
  events.emit(name, { error, credential: error.credential });
  if (provider !== undefined && needsSignIn(error)) {
    events.emit('interaction-required', { provider, error, credential: error.credential });
  }
}
