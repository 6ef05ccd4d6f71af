import { isCalloutError } from './callout-error.js';
import { interactionErrorCodes } from './error-codes.js';

/**
 * Whether signing in again (interactively, from a click) can fix `error`: a `CalloutError` — from
 * this copy of the package or another — whose code is `interaction_required`, `login_required`,
 * `third_party_cookies_blocked`, `local_network_blocked` (a sign-in from a click is a first-party
 * window, which neither blocks), `consent_required` or `invalid_grant` (a rejected refresh token). The one definition of the
 * rule: the client fires `interaction-required` for these errors, and elements offer "Sign in to
 * continue" and run again after a sign-in. Anything else, a non-`CalloutError` included, is
 * `false`.
 *
 * @example
 * ```ts
 * callout.events.addEventListener('error', (e) => {
 *   if (needsSignIn(e.detail.error)) showSignInButton();
 * });
 * ```
 */
export function needsSignIn(error: unknown): boolean {
  return isCalloutError(error) && interactionErrorCodes.has(error.code);
}
