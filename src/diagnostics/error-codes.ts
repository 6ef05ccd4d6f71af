/**
 * Stable, machine-readable codes for every failure a callout can end in. Branch on these, never on
 * message text. New codes may be added; existing ones keep their meaning.
 */
export const CalloutErrorCode = {
  /** `callout:Name/…` names a credential that is not registered. */
  unknownCredential: 'unknown_credential',
  /** A credential definition is malformed (bad URL, missing scopes, unknown provider …). */
  invalidCredential: 'invalid_credential',
  /** A `callout:` path tried to leave its credential's base URL. No request was sent. */
  urlEscape: 'url_escape',
  /** The API answered 401 again after the one refresh-and-retry. */
  unauthorized: 'unauthorized',
  /** The API answered 403. */
  forbidden: 'forbidden',
  /** Any other non-2xx answer. */
  httpError: 'http_error',
  /** The request never got an answer: offline, DNS, CORS or CSP blocked it. */
  networkError: 'network_error',
  /** The request took longer than its `timeout`. */
  timeout: 'timeout',
  /** The caller aborted the request through its `signal`. */
  aborted: 'aborted',
  /** The body is a stream that cannot be sent twice, so the auth retry was not possible. */
  bodyNotReplayable: 'body_not_replayable',
  /** The identity provider needs the user to interact (sign in, MFA, consent). */
  interactionRequired: 'interaction_required',
  /**
   * Silent sign-in found no session at the identity provider: none for this user in this browser,
   * or third-party cookies are blocked — the page cannot tell which (the hint names both).
   */
  loginRequired: 'login_required',
  /**
   * Silent sign-in found no session although there is evidence of one (the user signed in
   * interactively on this page), or the browser denies this page third-party cookies: the browser
   * does not send the identity provider's cookies to the hidden sign-in frame.
   */
  thirdPartyCookiesBlocked: 'third_party_cookies_blocked',
  /**
   * Under Salesforce Lightning Web Security, `third_party_cookies_blocked` (the same evidence)
   * where no sign-in can help: the hidden sign-in frame is the only way a token reaches the
   * component, so this browser must allow the identity provider's cookies on this site.
   */
  thirdPartyCookiesRequired: 'third_party_cookies_required',
  /**
   * Silent sign-in timed out where Chrome's Local Network Access blocks the hidden frame: a
   * public identity provider sending it to this page's private or loopback address.
   */
  localNetworkBlocked: 'local_network_blocked',
  /** The user or an admin has not consented to the requested scopes. */
  consentRequired: 'consent_required',
  /** A refresh token or authorization code was rejected. */
  invalidGrant: 'invalid_grant',
  /** The token endpoint failed, answered garbage, or a custom token function threw. */
  tokenEndpointError: 'token_endpoint_error',
  /** The browser blocked the sign-in popup. */
  popupBlocked: 'popup_blocked',
  /** The redirect URI is not registered (or registered under the wrong platform). */
  redirectUriMismatch: 'redirect_uri_mismatch',
  /** The library or a provider was configured in a way that cannot work. */
  configurationError: 'configuration_error',
  /**
   * Token renewals were throttled because they repeated too fast: for one key (clock skew?), or
   * claims challenges with new claims for one credential beyond its budget.
   */
  renewalThrottled: 'renewal_throttled',
  /** The API's answer could not be parsed as asked (`.json()` of a body that is not JSON). */
  parseError: 'parse_error',
  /**
   * A call that carried a token was redirected to a URL outside its credential's base URL. The
   * answer is not returned as the API's and drives no refresh or retry.
   */
  redirectOutsideBase: 'redirect_outside_base',
  /**
   * The API answered a call that carries a token with a redirect, which is not followed by
   * default: the browser would send the token to the redirect's target before it could be checked.
   */
  redirectNotFollowed: 'redirect_not_followed',
  /** A credential name is already defined differently; a second definition cannot replace it. */
  credentialConflict: 'credential_conflict',
  /** A credential's URL is on an origin outside the allowed origins (client option or page). */
  originNotAllowed: 'origin_not_allowed',
  /** A provider name is already registered by another declaration; a second one cannot replace it. */
  providerConflict: 'provider_conflict',
  /**
   * A sign-in returned another user than the page expects (its login hint, sid or the account
   * already signed in). The result was refused and removed from the identity provider's cache.
   */
  accountMismatch: 'account_mismatch',
  /**
   * Other code re-navigated or changed the hidden sign-in frame while a silent sign-in waited
   * for its answer; the answer was not used.
   */
  signInTampered: 'sign_in_tampered',
  /** The client was disposed (`callout.dispose()`): it makes no more calls and takes no more providers. */
  clientDisposed: 'client_disposed',
} as const;

/** One of the values of {@link CalloutErrorCode}. */
export type CalloutErrorCode = (typeof CalloutErrorCode)[keyof typeof CalloutErrorCode];
