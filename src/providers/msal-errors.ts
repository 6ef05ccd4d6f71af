import { AuthError } from '@azure/msal-browser';
import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';

/** What the provider was doing when MSAL failed, for the message and hints. */
export interface MsalFailureContext {
  /** `acquireTokenSilent`, `ssoSilent`, `acquireTokenPopup` … */
  step: string;
  scopes: readonly string[];
  redirectUri: string;
  clientId: string;
}

interface Mapping {
  code: CalloutErrorCode;
  hint: string;
}

/** The `AADSTS…` number of an MSAL error, from `errorNo` or the message. */
export function aadstsCode(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const errorNo = (error as { errorNo?: unknown }).errorNo;
  if (typeof errorNo === 'string' && /^\d+$/.test(errorNo)) return Number(errorNo);
  if (typeof errorNo === 'number') return errorNo;
  const match = /AADSTS(\d+)/.exec(error.message);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** MSAL's `errorCode` (`login_required`, `popup_window_error` …), or `undefined` for non-MSAL errors. */
export function msalErrorCode(error: unknown): string | undefined {
  if (error instanceof AuthError) return error.errorCode;
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' ? code : undefined;
}

/** The scopes of a failure for a hint: named when known. */
const scopesOf = (context: MsalFailureContext): string =>
  context.scopes.length > 0 ? context.scopes.join(' ') : 'the requested scopes';

function byAadsts(code: number, context: MsalFailureContext): Mapping | undefined {
  switch (code) {
    case 50058:
      return {
        code: CalloutErrorCode.loginRequired,
        hint: 'AADSTS50058: Azure AD saw no session for this user in this browser. Either the user has not signed in to Azure AD here, or the browser blocks third-party cookies for login.microsoftonline.com in the hidden iframe (Safari, Firefox strict mode, Chrome with third-party cookies off): sign in once with callout.signIn() from a click.',
      };
    case 16000:
    case 50076:
    case 50079:
    case 50074:
    case 53003:
    case 50105:
      return {
        code: CalloutErrorCode.interactionRequired,
        hint: `AADSTS${code}: Azure AD needs the user (account choice, MFA or a conditional-access step): call callout.signIn() from a click, or check that loginHint names the account that is signed in to Azure AD.`,
      };
    case 65001:
      return {
        code: CalloutErrorCode.consentRequired,
        hint: `AADSTS65001: nobody has consented to ${scopesOf(context)} for client ${context.clientId}. An admin can grant tenant-wide consent in Entra ID (App registrations → API permissions → Grant admin consent), or the user can consent in an interactive sign-in (callout.signIn() from a click; list the API scopes in the scopes option so they are asked up front).`,
      };
    case 65004:
      return {
        code: CalloutErrorCode.consentRequired,
        hint: `AADSTS65004: the user declined the consent prompt for client ${context.clientId}. Call callout.signIn() again and accept, or have an admin grant consent for the whole tenant (Entra ID → App registrations → API permissions → Grant admin consent) so users are not asked.`,
      };
    case 50011:
      return {
        code: CalloutErrorCode.redirectUriMismatch,
        hint: `AADSTS50011: register exactly ${context.redirectUri} as a redirect URI of app ${context.clientId}, under the "Single-page application" platform (Entra ID → App registrations → Authentication).`,
      };
    case 9002326:
      return {
        code: CalloutErrorCode.redirectUriMismatch,
        hint: `AADSTS9002326: ${context.redirectUri} is registered under the "Web" platform; move it to "Single-page application" (Entra ID → App registrations → Authentication) so the browser may redeem codes.`,
      };
    case 700084:
      return {
        code: CalloutErrorCode.invalidGrant,
        hint: 'AADSTS700084: refresh tokens issued to single-page apps last 24 hours and cannot be extended. The provider tries a silent SSO sign-in next; if that fails too, the user must sign in again with callout.signIn().',
      };
    case 70000:
    case 70008:
    case 50173:
      return {
        code: CalloutErrorCode.invalidGrant,
        hint: `AADSTS${code}: the refresh token or code was rejected (expired, revoked or already used): sign in again with callout.signIn().`,
      };
    case 700016:
      return {
        code: CalloutErrorCode.configurationError,
        hint: `AADSTS700016: client ${context.clientId} is not known in this tenant: copy clientId from the app registration's "Application (client) ID", and point authority at the tenant that registered it (or, for a multi-tenant app, have this tenant's admin consent to it).`,
      };
    case 7000215:
    case 7000218:
      return {
        code: CalloutErrorCode.configurationError,
        hint: `AADSTS${code}: Azure AD treats client ${context.clientId} as a confidential (Web) app that must send a secret. A browser cannot: register ${context.redirectUri} under the "Single-page application" platform (Entra ID → App registrations → Authentication), not "Web".`,
      };
    default:
      return undefined;
  }
}

function byMsalCode(errorCode: string, context: MsalFailureContext): Mapping | undefined {
  switch (errorCode) {
    case 'login_required':
    case 'no_account_error':
      return byAadsts(50058, context);
    case 'consent_required':
      return byAadsts(65001, context);
    case 'interaction_required':
    case 'no_tokens_found':
    case 'native_account_unavailable':
    case 'refresh_token_expired':
    case 'bad_token':
      return {
        code: CalloutErrorCode.interactionRequired,
        hint: 'Azure AD needs the user before a token can be issued: call callout.signIn() from a click (or show <callout-login>); pending callouts continue afterwards.',
      };
    case 'invalid_grant':
      return {
        code: CalloutErrorCode.invalidGrant,
        hint: 'The refresh token or authorization code was rejected: sign in again with callout.signIn().',
      };
    case 'user_cancelled':
      return {
        code: CalloutErrorCode.interactionRequired,
        hint: 'The sign-in window was closed before sign-in finished: call callout.signIn() again from a click.',
      };
    case 'popup_window_error':
    case 'empty_window_error':
    case 'block_nested_popups':
      return {
        code: CalloutErrorCode.popupBlocked,
        hint: 'The browser blocked the sign-in popup: call callout.signIn() directly in a click handler (or use <callout-login>), not after awaiting something slow; or allow popups for this site; or use interaction: "redirect".',
      };
    case 'redirect_in_iframe':
      return {
        code: CalloutErrorCode.configurationError,
        hint: "The page runs inside a frame, where MSAL will not start a full-page redirect (and Azure AD's sign-in page refuses to be framed): use interaction: 'popup' (sign-in from a click), or load the app as a top-level page.",
      };
    case 'timed_out':
    case 'monitor_window_timeout':
    case 'redirect_bridge_empty_response':
    case 'hash_empty_error':
    case 'hash_does_not_contain_known_properties':
    case 'iframe_closed_prematurely':
      return {
        code: CalloutErrorCode.configurationError,
        hint: `Azure AD's answer never came back from ${context.redirectUri}. That page must be the redirect bridge (redirect.html calling broadcastResponseToMainFrame()), served from this origin without Cross-Origin-Opener-Policy and with Cache-Control: no-store, and registered as a "Single-page application" redirect URI (AADSTS50011 pages are shown instead of redirecting). In Salesforce, add login.microsoftonline.com as a CSP Trusted Site with frame-src.`,
      };
    case 'authority_uri_insecure':
    case 'url_parse_error':
    case 'untrusted_authority':
    case 'invalid_authority_metadata':
    case 'invalid_cloud_discovery_metadata':
    case 'endpoints_resolution_error':
      return {
        code: CalloutErrorCode.configurationError,
        hint: `MSAL rejected the authority (${errorCode}): use https://login.microsoftonline.com/<tenant>; for other hosts list them in msal.auth.knownAuthorities and, offline, pass msal.auth.authorityMetadata.`,
      };
    case 'crypto_nonexistent':
    case 'non_browser_environment':
      return {
        code: CalloutErrorCode.configurationError,
        hint: 'crypto.subtle is missing because the page is not a secure context: serve it over https (http://localhost also counts).',
      };
    case 'interaction_in_progress':
      return {
        code: CalloutErrorCode.interactionRequired,
        hint: 'Another MSAL sign-in is already running in this tab, started by code outside sso-callout: let it finish, then retry. If the app has its own PublicClientApplication for this client id, pass it to msalProvider as instance so their sign-ins are coordinated.',
      };
    case 'uninitialized_public_client_application':
      return {
        code: CalloutErrorCode.configurationError,
        hint: 'The shared PublicClientApplication was used before initialize(): pass it to msalProvider as instance and let the provider initialize it.',
      };
    case 'no_network_connectivity':
    case 'post_request_failed':
    case 'get_request_failed':
      return {
        code: CalloutErrorCode.tokenEndpointError,
        hint: 'The browser could not reach Azure AD: check the network, and that CSP connect-src (in Salesforce: CSP Trusted Sites) allows login.microsoftonline.com.',
      };
    case 'server_error':
    case 'temporarily_unavailable':
      return {
        code: CalloutErrorCode.tokenEndpointError,
        hint: 'Azure AD answered with a server error: it is usually transient, so retry later; if it persists, check the Azure status page and quote the correlation id from the cause.',
      };
    case 'failed_to_parse_response':
      return {
        code: CalloutErrorCode.tokenEndpointError,
        hint: 'The token endpoint answered something that is not JSON (a proxy or captive-portal page?): check the authority URL and any proxy between the browser and Azure AD.',
      };
    default:
      return undefined;
  }
}

/**
 * Turns anything MSAL throws into a {@link CalloutError} with a code the core understands and a
 * hint that names what to change (app registration, consent, redirect page, CSP, secure context).
 * AADSTS numbers win over MSAL's generic codes because they are more precise. Errors that are
 * already `CalloutError`s pass through unchanged.
 */
export function fromMsalError(error: unknown, context: MsalFailureContext): CalloutError {
  if (isCalloutError(error)) return error;
  const errorCode = msalErrorCode(error);
  const aadsts = aadstsCode(error);
  const mapping = (aadsts === undefined ? undefined : byAadsts(aadsts, context)) ??
    (errorCode === undefined ? undefined : byMsalCode(errorCode, context)) ?? {
      code: CalloutErrorCode.tokenEndpointError,
      hint: 'Azure AD or MSAL failed in a way sso-callout does not recognise: see the cause (errorCode, AADSTS number, correlation id) and check the app registration and authority.',
    };
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  return new CalloutError({
    code: mapping.code,
    hint: mapping.hint,
    cause: error,
    message: `MSAL ${context.step} failed${errorCode ? ` (${errorCode}${aadsts ? `, AADSTS${aadsts}` : ''})` : ''}: ${reason}`,
    ...(typeof status === 'number' ? { status } : {}),
  });
}
