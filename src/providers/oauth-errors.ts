import { CalloutError } from '../diagnostics/callout-error.js';
import type { CalloutErrorCode } from '../diagnostics/error-codes.js';
import { redact, safeCause } from '../diagnostics/safe-cause.js';

/**
 * How a request to an OAuth 2.0 / OpenID Connect server failed, as far as the caller could tell:
 * an OAuth `error` the server sent (`invalid_grant` …), no answer at all (`network`: offline, CORS
 * or CSP), an answer that is not JSON, a JSON answer without a field the caller needs, a hidden
 * iframe that never answered (`timeout`), a request that took too long (`slow`), a server error
 * without an OAuth body (`server`: 5xx), or something else.
 */
export type OAuthFailure =
  | { kind: 'oauth'; error: string; description?: string | undefined; status?: number | undefined }
  | { kind: 'network' | 'not-json' | 'timeout' | 'slow' | 'server' | 'other'; status?: number | undefined }
  | { kind: 'missing-field'; field: string; option: string };

/** What the failing call was, for the message and the hint. */
export interface OAuthFailureContext {
  /** The provider's kind and step, for the message: `OpenID Connect refresh`, `token exchange` … */
  step: string;
  /** The server's host, as configured: hints name it. */
  host: string;
  clientId?: string | undefined;
  scopes?: readonly string[] | undefined;
  /** The grant type sent, for `unsupported_grant_type`. */
  grant?: string | undefined;
  /** The underlying error; kept as a token-free copy. */
  cause?: unknown;
  /** Tokens the call sent (a subject or refresh token): redacted should the server echo one. */
  secrets?: readonly string[] | undefined;
}

type Outcome = [code: CalloutErrorCode, hint: string];
type Entry = [errors: string, ...Outcome];

/**
 * OAuth `error` values → code and hint. `$h` is the configured host, `$c` the client id, `$s` the
 * scopes, `$g` the grant type, `$i` how to sign in.
 */
const table: Entry[] = [
  [
    'login_required',
    'login_required',
    'No session at $h for this user in this browser: not signed in there yet, or third-party cookies for $h are blocked in the hidden iframe (Safari, Firefox strict mode, Chrome without third-party cookies). Sign in once with $i.',
  ],
  [
    'interaction_required account_selection_required',
    'interaction_required',
    '$h needs the user (account choice, MFA or a policy): call $i (or show <callout-login>); pending callouts then continue.',
  ],
  [
    'consent_required',
    'consent_required',
    '$h needs consent to $s for client $c: the user can consent when signing in ($i), or an administrator for everyone.',
  ],
  [
    'access_denied',
    'consent_required',
    'The user or a policy at $h declined the sign-in or the scopes $s: call $i again and accept, or ask an administrator.',
  ],
  [
    'invalid_grant',
    'invalid_grant',
    '$h refused the grant: the refresh token, code or subject token expired, was revoked or was already used. Sign in again with $i.',
  ],
  [
    'invalid_client unauthorized_client',
    'configuration_error',
    '$h does not accept client $c for this grant: check the client id, that the client is public (no secret in a browser) and that the grant is enabled for it.',
  ],
  [
    'unsupported_grant_type',
    'configuration_error',
    '$h does not support the grant $g for this client: enable it there, or configure the grant the server supports.',
  ],
  [
    'invalid_scope',
    'configuration_error',
    '$h refused the scopes $s: ask only for scopes client $c may request.',
  ],
  [
    'invalid_request',
    'configuration_error',
    '$h refused the request as malformed: see the cause (error_description) and the options sent.',
  ],
  [
    'server_error temporarily_unavailable',
    'token_endpoint_error',
    '$h answered with a server error, usually transient: retry later; if it persists, check the server.',
  ],
];

/** Hints of the failures that carry no OAuth `error`. */
const other: Record<Exclude<OAuthFailure['kind'], 'oauth' | 'missing-field'>, Outcome> = {
  network: [
    'network_error',
    'The browser could not reach $h: the server must allow this origin in CORS (Access-Control-Allow-Origin on its token endpoint), and CSP connect-src (in Salesforce: CSP Trusted Sites) must list $h.',
  ],
  'not-json': [
    'token_endpoint_error',
    '$h answered something that is not JSON (a login page, a proxy or a wrong URL?): check the endpoint URL and any proxy on the way.',
  ],
  timeout: [
    'interaction_required',
    'The answer of $h never came back in time: the callback page must be served at the redirect URI on this origin (importing sso-callout/oidc-callback), $h must allow being framed, and third-party cookies for it may be blocked. Sign in with $i.',
  ],
  server: [
    'token_endpoint_error',
    '$h answered with a server error, usually transient: retry later; if it persists, check the server.',
  ],
  slow: ['timeout', '$h did not answer in time: check the server, or raise the timeout option.'],
  other: [
    'token_endpoint_error',
    '$h or the client library failed in a way sso-callout does not recognise: see the cause.',
  ],
};

/**
 * The {@link CalloutError} of a failed call to an OAuth server: a code the core understands and a
 * hint naming the configured host and what to change. The message quotes the server's `error` and
 * `error_description`, with the tokens the call sent (`context.secrets`) redacted from them and
 * from the cause, should the server echo one.
 */
export function oauthError(failure: OAuthFailure, context: OAuthFailureContext): CalloutError {
  const words: Record<string, string> = {
    h: context.host,
    c: context.clientId ?? 'this client',
    s: context.scopes?.join(' ') || 'the requested scopes',
    g: context.grant ?? 'this grant',
    i: 'callout.signIn() from a click',
  };
  const fill = (hint: string) => hint.replace(/\$(\w)/g, (_, letter: string) => words[letter] ?? '');
  const secrets = context.secrets ?? [];
  const cause = safeCause(context.cause, secrets);
  if (failure.kind === 'missing-field') {
    return new CalloutError({
      code: 'token_endpoint_error',
      option: failure.option,
      cause,
      message: `${context.step} failed: the answer of ${context.host} has no "${failure.field}"`,
      hint: `Name the field ${context.host} really sends in ${failure.option}, or fix the server's answer.`,
    });
  }
  const [code, hint] =
    failure.kind === 'oauth'
      ? ((table.find(([errors]) => errors.split(' ').includes(failure.error))?.slice(1) as [
          CalloutErrorCode,
          string,
        ]) ?? other.other)
      : other[failure.kind];
  const said =
    failure.kind === 'oauth'
      ? ` (${failure.error}${failure.description ? `: ${failure.description}` : ''})`
      : '';
  return new CalloutError({
    code,
    hint: fill(hint),
    cause,
    message: redact(`${context.step} failed at ${context.host}${said}`, secrets).slice(0, 2_000),
    ...(failure.status === undefined ? {} : { status: failure.status }),
  });
}
