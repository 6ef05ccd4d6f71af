import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import type { CalloutErrorCode } from '../diagnostics/error-codes.js';
import { safeCause } from '../diagnostics/safe-cause.js';
import { type OAuthFailure, oauthError } from '../providers/oauth-errors.js';
import { redirectRefusedName } from './no-redirects.js';

/** What the provider was doing when oidc-client-ts failed, for the message and hint. */
export interface OidcFailureContext {
  /** `refresh`, `silent sign-in`, `popup sign-in` … */
  step: string;
  /** The configured authority (URL): hints name its host. */
  authority: string;
  clientId: string;
  scopes: readonly string[];
  /** Tokens the provider holds or sent (refresh tokens above all): redacted should the server quote one. */
  secrets?: readonly string[];
}

/** The sign-in window closed or never opened: oidc-client-ts says so only in its messages. */
const windowFailures: [RegExp, CalloutErrorCode, string][] = [
  [
    /^Popup closed/,
    'interaction_required',
    'The sign-in window was closed before sign-in finished: call callout.signIn() again from a click.',
  ],
  [
    /aborted/i,
    'aborted',
    "The sign-in was stopped by its caller's signal; nothing to fix unless that was unexpected.",
  ],
  [
    /disposed window|Popup blocked/,
    'popup_blocked',
    'The browser blocked the sign-in popup: call callout.signIn() directly in a click handler (or use <callout-login>), or allow popups for this site, or use interaction: "redirect".',
  ],
];

/** How an oidc-client-ts failure reads as an {@link OAuthFailure}. */
function classify(error: unknown): OAuthFailure {
  if (!(error instanceof Error)) return { kind: 'other' };
  const oauth = (error as { error?: unknown }).error;
  if (error.name === 'ErrorResponse' && typeof oauth === 'string') {
    const description = (error as { error_description?: unknown }).error_description;
    return {
      kind: 'oauth',
      error: oauth,
      description: typeof description === 'string' ? description : undefined,
    };
  }
  if (error.name === 'ErrorTimeout')
    return { kind: error.message.startsWith('Network') ? 'network' : 'timeout' };
  if (error instanceof TypeError) return { kind: 'network' };
  if (
    error instanceof SyntaxError ||
    /^Invalid response Content-Type|^.* \(\d{3}\)(: |$)/.test(error.message)
  ) {
    const status = /\((\d{3})\)/.exec(error.message)?.[1];
    return { kind: 'not-json', status: status === undefined ? undefined : Number(status) };
  }
  return { kind: 'other' };
}

/**
 * Turns anything oidc-client-ts throws into a {@link CalloutError}: the server's OAuth error
 * (`login_required`, `invalid_grant` …), an unreachable server (`network_error`: CORS, CSP,
 * offline), an answer that is not JSON, a redirect (`redirect_not_followed`: never followed, see
 * no-redirects.ts), an iframe that never answered, a popup closed or blocked —
 * each with a hint naming the configured authority's host, and `context.secrets` redacted from
 * the message and the cause. `CalloutError`s pass through.
 */
export function fromOidcError(error: unknown, context: OidcFailureContext): CalloutError {
  if (isCalloutError(error)) return error;
  const host = URL.parse(context.authority)?.host ?? context.authority;
  const secrets = context.secrets ?? [];
  const cause = safeCause(error, secrets);
  const message = `OpenID Connect ${context.step} failed: ${cause?.message ?? ''}`;
  if (error instanceof Error && error.name === redirectRefusedName) {
    return new CalloutError({
      code: 'redirect_not_followed',
      option: 'authority',
      cause,
      message,
      hint: `Requests to ${host} never follow redirects (they carry codes and refresh tokens): set authority to the issuer URL exactly, or its endpoints in oidc.metadata.`,
    });
  }
  const window = windowFailures.find(([pattern]) => pattern.test(cause?.message ?? ''));
  if (window) return new CalloutError({ code: window[1], hint: window[2], cause, message });
  return oauthError(classify(error), {
    step: `OpenID Connect ${context.step}`,
    host,
    clientId: context.clientId,
    scopes: context.scopes,
    cause,
    secrets,
  });
}

/** The error every call of a disposed OIDC provider rejects with. */
export function disposedError(): CalloutError {
  return new CalloutError({
    code: 'configuration_error',
    message: 'This OpenID Connect provider was disposed',
    hint: 'Use the provider its client holds now, or create a new one.',
  });
}
