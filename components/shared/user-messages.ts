import type { CalloutErrorCode } from '../../src/index.js';

const sessionEnded = 'Your session has ended. Please sign in again.';
const setup = "This part of the page isn't set up correctly. Please tell your administrator.";
const unreachable = "The service can't be reached right now. Check your connection and try again.";
const failed = 'Something went wrong on the service. Try again in a moment.';
const interrupted = 'Sign-in was interrupted. Reload the page and try again.';

/**
 * What the end user reads in the error panel for each code: plain language and what they can do,
 * never the developer's hint (that stays in the panel's "Details", in `<callout-log>` and its
 * report). The panel adds the action: "Sign in to continue" when a sign-in fixes the error
 * (`needsSignIn`), else "Retry" where the element can retry. The one table of end-user text:
 * docs/troubleshooting.md shows it as each code's symptom. Typed by code, so a new code does not
 * compile until it has its sentence.
 */
export const userMessages: Readonly<Record<CalloutErrorCode, string>> = {
  unknown_credential: setup,
  invalid_credential: setup,
  url_escape: setup,
  unauthorized: "The service didn't accept your sign-in. Please tell your administrator.",
  forbidden: "You don't have access to this information. Ask your administrator for access.",
  http_error: failed,
  network_error: unreachable,
  timeout: 'The service took too long to answer. Try again.',
  aborted: 'The request was cancelled.',
  body_not_replayable: failed,
  interaction_required: 'Please sign in again to continue.',
  login_required: sessionEnded,
  third_party_cookies_blocked: 'Your browser blocked the automatic sign-in. Please sign in again.',
  third_party_cookies_required:
    'Your browser blocks the cookies this sign-in needs. Allow third-party cookies for this site, or contact your administrator.',
  local_network_blocked: 'Your browser blocked the automatic sign-in.',
  consent_required: 'This page needs your permission to get this information.',
  invalid_grant: sessionEnded,
  token_endpoint_error: "Sign-in isn't available right now. Try again in a moment.",
  popup_blocked: 'Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.',
  redirect_uri_mismatch: setup,
  configuration_error: setup,
  renewal_throttled: 'Too many attempts in a row. Wait a minute, then try again.',
  parse_error: "The service sent an answer this page can't read. Please tell your administrator.",
  redirect_outside_base: setup,
  redirect_not_followed: setup,
  credential_conflict: setup,
  origin_not_allowed: setup,
  provider_conflict: setup,
  account_mismatch:
    "You're signed in as a different person than this page expects. Sign out, then sign in again.",
  sign_in_tampered: interrupted,
  client_disposed: 'This part of the page has stopped. Reload the page.',
};

/** The end user's sentence for `code`; a generic one for codes this copy does not know (another copy's). */
export function userMessageOf(code: string | undefined): string {
  return (code && (userMessages as Record<string, string>)[code]) || 'Something went wrong. Try again.';
}
