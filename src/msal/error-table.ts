import type { CalloutErrorCode } from '../diagnostics/error-codes.js';

/**
 * One row of {@link errorTable}: the AADSTS numbers and MSAL `errorCode`s of one failure
 * (space-separated), the {@link CalloutErrorCode} it becomes, and its hint.
 */
export type ErrorEntry = [keys: string, code: CalloutErrorCode, hint: string];

/**
 * How MSAL and identity-provider failures map to codes and hints, as data (errors.ts applies it).
 *
 * A hint starting with `#` is prefixed with `AADSTS<number>: ` when the server sent that number
 * (an IdP that is not Entra ID sends none). `$…` is replaced per failure: `$l` is the configured
 * authority's host (the identity provider, named as configured), `$c` the client id, `$r` the
 * redirect URI, `$s` the scopes, `$e` MSAL's errorCode; the others are the shared phrases of
 * {@link sharedPhrases}. The hint's first letter is then capitalised.
 */
export const errorTable: ErrorEntry[] = [
  [
    '50058 login_required no_account_error',
    'login_required',
    '#no session at $l for this user in this browser: not signed in there yet, or third-party cookies for $l are blocked in the hidden iframe (Safari, Firefox strict mode, Chrome without third-party cookies). Sign in once with $i.',
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
    '$l needs the user before issuing a token: call $i (or show <callout-login>); pending callouts then continue.',
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
    "The page runs in a frame, where MSAL will not redirect (and sign-in pages refuse to be framed): use interaction: 'popup' (sign-in from a click), or load the app as a top-level page.",
  ],
  [
    'timed_out monitor_window_timeout redirect_bridge_empty_response hash_empty_error hash_does_not_contain_known_properties iframe_closed_prematurely',
    'configuration_error',
    `The answer of $l never came back from $r: it must be the redirect bridge (redirect.html calling broadcastResponseToMainFrame()) on this origin, without Cross-Origin-Opener-Policy, with Cache-Control: no-store, registered as a "Single-page application" redirect URI. In Salesforce, add $l as a CSP Trusted Site with frame-src.`,
  ],
  [
    'authority_uri_insecure url_parse_error untrusted_authority invalid_authority_metadata invalid_cloud_discovery_metadata endpoints_resolution_error',
    'configuration_error',
    "MSAL rejected the authority ($e). Entra ID: https://login.microsoftonline.com/<tenant>. Another OpenID Connect server: list $l in msal.auth.knownAuthorities and set msal.system.protocolMode: 'OIDC' (offline, also msal.auth.authorityMetadata).",
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
    'The browser could not reach $l: check the network, and that CSP connect-src (in Salesforce: CSP Trusted Sites) allows it.',
  ],
  [
    'server_error temporarily_unavailable',
    'token_endpoint_error',
    '$l answered with a server error, usually transient: retry later; if it persists, quote the correlation id from the cause.',
  ],
  [
    'failed_to_parse_response',
    'token_endpoint_error',
    'The token endpoint answered something that is not JSON (a proxy or captive-portal page?): check the authority and any proxy on the way to $l.',
  ],
  [
    'user_switch',
    'account_mismatch',
    'The user picked another account in the platform broker: sign out first to change users.',
  ],
  [
    'invalid_platform_broker_configuration cannot_allow_platform_broker',
    'configuration_error',
    'MSAL refused the platform broker ($e): use platformBroker: true, with Entra ID only.',
  ],
];

/** For a failure of the device's platform broker (MSAL's `NativeAuthError`) that no entry names. */
export const brokerEntry: ErrorEntry = [
  '',
  'token_endpoint_error',
  'The platform broker failed ($e): see the cause; turn platformBroker off to rule it out.',
];

/** For what no entry names. */
export const unknownEntry: ErrorEntry = [
  '',
  'token_endpoint_error',
  '$l or MSAL failed in a way sso-callout does not recognise: see the cause (errorCode, server error code, correlation id) and check the app registration and authority.',
];

/** Phrases shared by several hints, by their `$` letter; the lower-case context ones are added per failure. */
export const sharedPhrases: Record<string, string> = {
  i: 'callout.signIn() from a click',
  a: 'sign in again with callout.signIn().',
  g: 'grant tenant-wide consent in Entra ID (App registrations → API permissions → Grant admin consent)',
  p: '"Single-page application" platform (Entra ID → App registrations → Authentication)',
  P: 'pass it to msalProvider as instance',
};
