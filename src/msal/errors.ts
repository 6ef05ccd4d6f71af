import { AuthError } from '@azure/msal-browser';
import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import type { CalloutErrorCode } from '../diagnostics/error-codes.js';

/** What the provider was doing when MSAL failed, for the message and hints. */
export interface MsalFailureContext {
  /** `acquireTokenSilent`, `ssoSilent`, `acquireTokenPopup` … */
  step: string;
  scopes: readonly string[];
  redirectUri: string;
  clientId: string;
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

/**
 * The mapping, as data: the AADSTS numbers and MSAL `errorCode`s of one failure (space-separated),
 * the {@link CalloutErrorCode} it becomes and its hint. A hint starting with `#` is prefixed with
 * `AADSTS<number>: ` (the number seen, or the entry's first). `$…` in a hint is replaced by
 * {@link phrase}: shared phrases and the failure's client id, redirect URI, scopes and errorCode.
 */
const table: [keys: string, code: CalloutErrorCode, hint: string][] = [
  [
    '50058 login_required no_account_error',
    'login_required',
    '#no Azure AD session for this user in this browser: the user has not signed in to Azure AD here, or the browser blocks third-party cookies for $l in the hidden iframe (Safari, Firefox strict mode, Chrome with third-party cookies off). Sign in once with $i.',
  ],
  [
    '16000 50076 50079 50074 53003 50105',
    'interaction_required',
    '#Azure AD needs the user (account choice, MFA or conditional access): call $i, or check that loginHint names the account signed in to Azure AD.',
  ],
  [
    '65001 consent_required',
    'consent_required',
    '#nobody consented to $s for client $c. An admin can $g, or the user can consent when signing in ($i; list the API scopes in the scopes option to ask for them up front).',
  ],
  [
    '65004',
    'consent_required',
    '#the user declined consent for client $c: call callout.signIn() again and accept, or have an admin $g so users are not asked.',
  ],
  ['50011', 'redirect_uri_mismatch', '#register exactly $r as a redirect URI of app $c, under the $p.'],
  [
    '9002326',
    'redirect_uri_mismatch',
    '#$r is registered under the "Web" platform: move it to the $p so the browser may redeem codes.',
  ],
  [
    '700084',
    'invalid_grant',
    '#refresh tokens of single-page apps last 24 hours and cannot be extended. Silent SSO is tried next; if it fails too, $a',
  ],
  [
    '70000 70008 50173',
    'invalid_grant',
    '#the refresh token or code was rejected (expired, revoked or already used): $a',
  ],
  [
    '700016',
    'configuration_error',
    `#client $c is unknown in this tenant: copy clientId from the app registration's "Application (client) ID" and point authority at its tenant (or, for a multi-tenant app, have this tenant's admin consent to it).`,
  ],
  [
    '7000215 7000218',
    'configuration_error',
    '#Azure AD treats client $c as a confidential (Web) app that must send a secret, which a browser cannot: register $r under the $p, not "Web".',
  ],
  [
    'interaction_required no_tokens_found native_account_unavailable refresh_token_expired bad_token',
    'interaction_required',
    'Azure AD needs the user before issuing a token: call $i (or show <callout-login>); pending callouts then continue.',
  ],
  ['invalid_grant', 'invalid_grant', 'The refresh token or authorization code was rejected: $a'],
  [
    'user_cancelled',
    'interaction_required',
    'The sign-in window was closed before sign-in finished: call callout.signIn() again from a click.',
  ],
  [
    'popup_window_error empty_window_error block_nested_popups',
    'popup_blocked',
    'The browser blocked the sign-in popup: call callout.signIn() directly in a click handler (or use <callout-login>), not after awaiting something slow; or allow popups for this site; or use interaction: "redirect".',
  ],
  [
    'redirect_in_iframe',
    'configuration_error',
    "The page runs in a frame, where MSAL will not redirect (and Azure AD's sign-in page refuses to be framed): use interaction: 'popup' (sign-in from a click), or load the app as a top-level page.",
  ],
  [
    'timed_out monitor_window_timeout redirect_bridge_empty_response hash_empty_error hash_does_not_contain_known_properties iframe_closed_prematurely',
    'configuration_error',
    `Azure AD's answer never came back from $r. That page must be the redirect bridge (redirect.html calling broadcastResponseToMainFrame()), served from this origin without Cross-Origin-Opener-Policy, with Cache-Control: no-store, and registered as a "Single-page application" redirect URI (else Azure AD shows an AADSTS50011 page). In Salesforce, add $l as a CSP Trusted Site with frame-src.`,
  ],
  [
    'authority_uri_insecure url_parse_error untrusted_authority invalid_authority_metadata invalid_cloud_discovery_metadata endpoints_resolution_error',
    'configuration_error',
    'MSAL rejected the authority ($e): use https://$l/<tenant>; list other hosts in msal.auth.knownAuthorities and, offline, pass msal.auth.authorityMetadata.',
  ],
  [
    'crypto_nonexistent non_browser_environment',
    'configuration_error',
    'crypto.subtle is missing because the page is not a secure context: serve it over https (or http://localhost).',
  ],
  [
    'interaction_in_progress',
    'interaction_required',
    'Another MSAL sign-in, started outside sso-callout, is running in this tab: let it finish, then retry. If the app has its own PublicClientApplication for this client id, $P so their sign-ins are coordinated.',
  ],
  [
    'uninitialized_public_client_application',
    'configuration_error',
    'The shared PublicClientApplication was used before initialize(): $P and let the provider initialize it.',
  ],
  [
    'no_network_connectivity post_request_failed get_request_failed',
    'token_endpoint_error',
    'The browser could not reach Azure AD: check the network, and that CSP connect-src (in Salesforce: CSP Trusted Sites) allows $l.',
  ],
  [
    'server_error temporarily_unavailable',
    'token_endpoint_error',
    'Azure AD answered with a server error, usually transient: retry later; if it persists, check the Azure status page and quote the correlation id from the cause.',
  ],
  [
    'failed_to_parse_response',
    'token_endpoint_error',
    'The token endpoint answered something that is not JSON (a proxy or captive-portal page?): check the authority URL and any proxy between the browser and Azure AD.',
  ],
];

/** Phrases shared by several hints, by their `$` letter; the lower-case context ones are added per failure. */
const shared: Record<string, string> = {
  i: 'callout.signIn() from a click',
  a: 'sign in again with callout.signIn().',
  g: 'grant tenant-wide consent in Entra ID (App registrations → API permissions → Grant admin consent)',
  p: '"Single-page application" platform (Entra ID → App registrations → Authentication)',
  P: 'pass it to msalProvider as instance',
  l: 'login.microsoftonline.com',
};

/** For what no entry names. */
const unknown: (typeof table)[number] = [
  '',
  'token_endpoint_error',
  'Azure AD or MSAL failed in a way sso-callout does not recognise: see the cause (errorCode, AADSTS number, correlation id) and check the app registration and authority.',
];

/** The entry of `key` (an AADSTS number or an MSAL errorCode), if any. */
const find = (key: unknown) => table.find(([keys]) => keys.split(' ').includes(String(key)));

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
  const byAadsts = aadsts === undefined ? undefined : find(aadsts);
  const [keys, code, hint] = byAadsts ?? (errorCode === undefined ? undefined : find(errorCode)) ?? unknown;
  const words: Record<string, string> = {
    ...shared,
    c: context.clientId,
    r: context.redirectUri,
    s: context.scopes.join(' ') || 'the requested scopes',
    e: errorCode ?? '',
  };
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  return new CalloutError({
    code,
    hint: hint
      .replace(/^#/, () => `AADSTS${byAadsts ? aadsts : keys.split(' ')[0]}: `)
      .replace(/\$(\w)/g, (_, letter: string) => words[letter] ?? ''),
    cause: error,
    message: `MSAL ${context.step} failed${errorCode ? ` (${errorCode}${aadsts ? `, AADSTS${aadsts}` : ''})` : ''}: ${reason}`,
    ...(typeof status === 'number' && { status }),
  });
}
