import { CalloutErrorCode } from './error-codes.js';

/**
 * The default hint for each error code: one sentence that tells the reader what to change. Errors
 * created with a more specific hint (an AADSTS code, a missing header) use that instead.
 */
export const defaultHints: Readonly<Record<CalloutErrorCode, string>> = {
  [CalloutErrorCode.unknownCredential]:
    'Register the credential first (createCallout({ credentials }), callout.credentials.define() or <callout-credential>) and check its name.',
  [CalloutErrorCode.invalidCredential]:
    'Fix the credential: an absolute https URL without query or credentials, a registered provider and at least one scope.',
  [CalloutErrorCode.urlEscape]:
    'Pass a path relative to the credential URL without ".." in any spelling (encoded, fullwidth, followed by NUL or ";"), path parameters (";" in the path), backslashes, a leading slash or a scheme; register another credential for other hosts or paths.',
  [CalloutErrorCode.unauthorized]:
    'The API rejected a fresh token: check that its audience (aud) and scopes (scp) match what the API expects, and that the API trusts your tenant.',
  [CalloutErrorCode.forbidden]:
    "The user is authenticated but not allowed: check the user's API role or scope assignments, or add 403 to the credential's refreshOn if the API answers 403 for expired scopes.",
  [CalloutErrorCode.httpError]:
    'The API answered with an error status: see the response body and request id.',
  [CalloutErrorCode.networkError]:
    'The browser blocked or could not reach the API: check that it is online, that its CORS policy allows this origin (and exposes WWW-Authenticate), and in Salesforce that its origin is a CSP Trusted URL with connect-src.',
  [CalloutErrorCode.timeout]:
    "The API did not answer in time: raise the credential's timeout or check the API's health.",
  [CalloutErrorCode.aborted]: 'The caller aborted the request; nothing to fix unless that was unexpected.',
  [CalloutErrorCode.bodyNotReplayable]:
    'A ReadableStream body can be sent only once, so no retry with a fresh token: pass the body as a string, Blob, FormData or ArrayBuffer.',
  [CalloutErrorCode.interactionRequired]:
    'The identity provider needs the user: call callout.signIn() from a click (or show <callout-login>); pending callouts then continue.',
  [CalloutErrorCode.loginRequired]:
    'No identity-provider session for this user in this browser, or third-party cookies are blocked: sign in once interactively.',
  [CalloutErrorCode.thirdPartyCookiesBlocked]:
    "This browser does not send the identity provider's cookies to the hidden sign-in frame (third-party cookies blocked): sign in once from a click; renewals then use the refresh token, which needs none.",
  [CalloutErrorCode.thirdPartyCookiesRequired]:
    "Under Lightning Web Security no sign-in gets past blocked third-party cookies: allow them for the identity provider on the org's Lightning domain, by exception or policy.",
  [CalloutErrorCode.localNetworkBlocked]:
    "Chrome's Local Network Access blocked the hidden sign-in frame on its way to this page's private address: sign in once from a click (a popup is not blocked), or serve the app from a public address.",
  [CalloutErrorCode.consentRequired]:
    'Grant consent for the API scope: an admin can grant it tenant-wide for the client app in Entra ID (API permissions → Grant admin consent).',
  [CalloutErrorCode.invalidGrant]:
    'The refresh token or code was rejected (expired or revoked): sign in again.',
  [CalloutErrorCode.tokenEndpointError]:
    'The token source failed: check that the identity provider is reachable and configured, and see the cause for details.',
  [CalloutErrorCode.popupBlocked]:
    'The browser blocked the sign-in popup: start sign-in from a click, or allow popups for this site.',
  [CalloutErrorCode.redirectUriMismatch]:
    'Register this exact redirect URI in the app registration under the "Single-page application" platform.',
  [CalloutErrorCode.configurationError]: 'Fix the configuration named in the message.',
  [CalloutErrorCode.renewalThrottled]:
    'Tokens for this credential were renewed too often: check the device clock and the token lifetime against leewaySeconds.',
  [CalloutErrorCode.parseError]:
    'The body is not what was asked for (not JSON for .json()): check the Content-Type and body, or use .text().',
  [CalloutErrorCode.redirectOutsideBase]:
    "The API must not redirect calls outside the credential's base URL: call the final URL through a credential that covers it, or widen the credential's url if the target is the same API.",
  [CalloutErrorCode.redirectNotFollowed]:
    "Calls with a token do not follow redirects: call the URL the API redirects to (a trailing slash?), or pass redirect: 'follow' if it is inside the credential's base URL.",
  [CalloutErrorCode.credentialConflict]:
    'A credential keeps its first definition: remove it first (disconnect its <callout-credential>, or callout.credentials.delete(name)) to change its URL, scopes or provider, or use another name.',
  [CalloutErrorCode.originNotAllowed]:
    'If the page really calls this API, add its origin to allowedOrigins (createCallout) or to <meta name="sso-callout-allowed-origins"> in the page <head>; otherwise remove the credential.',
  [CalloutErrorCode.providerConflict]:
    'A provider keeps its first registration: remove the first <callout-msal> with this id (or callout.providers.delete(name)) before declaring another, or use another id.',
  [CalloutErrorCode.accountMismatch]:
    'Sign in as the user the page expects (its loginHint), or sign out first to change users.',
  [CalloutErrorCode.clientDisposed]:
    'Use a client that is still live: the page default (getDefaultCallout()) or a new one from createCallout(); a disposed client stays disposed.',
  [CalloutErrorCode.signInTampered]:
    'Other code on the page (under Lightning, another namespace) changed the hidden sign-in frame: remove it. Nothing was stored.',
};
