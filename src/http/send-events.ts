import type { CalloutError } from '../diagnostics/callout-error.js';
import { needsSignIn } from '../diagnostics/needs-sign-in.js';
import type { CalloutEvents } from '../events.js';

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
