import { isCalloutError } from './callout-error.js';
import { CalloutErrorCode } from './error-codes.js';

/** The codes a sign-in by the user can fix: internal, {@link needsSignIn} is the rule. */
const signInCodes: ReadonlySet<string> = new Set<CalloutErrorCode>([
  CalloutErrorCode.interactionRequired,
  CalloutErrorCode.loginRequired,
  CalloutErrorCode.thirdPartyCookiesBlocked,
  CalloutErrorCode.localNetworkBlocked,
  CalloutErrorCode.consentRequired,
  CalloutErrorCode.invalidGrant,
]);

/**
 * Whether signing in again (interactively, from a click) can fix `error`: a `CalloutError` — from
 * this copy of the package or another — whose code is `interaction_required`, `login_required`,
 * `third_party_cookies_blocked`, `local_network_blocked` (a sign-in from a click is a first-party
 * window, which neither blocks), `consent_required` or `invalid_grant` (a rejected refresh token) —
 * not `third_party_cookies_required`, where no sign-in gets past the blocked cookies. The one definition of the
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
  return isCalloutError(error) && signInCodes.has(error.code);
}
