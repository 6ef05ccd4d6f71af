import { AuthError } from '@azure/msal-browser';
import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import type { CalloutErrorCode } from '../diagnostics/error-codes.js';
import { brokerEntry, type ErrorEntry, errorTable, sharedPhrases, unknownEntry } from './error-table.js';

/** What the provider was doing when MSAL failed, for the message and hints. */
export interface MsalFailureContext {
  /** `acquireTokenSilent`, `ssoSilent`, `acquireTokenPopup` … */
  step: string;
  scopes: readonly string[];
  redirectUri: string;
  clientId: string;
  /** The configured authority (URL); hints name its host. Default Entra ID's. */
  authority?: string | undefined;
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

/** The entry of `key` (an AADSTS number or an MSAL errorCode), if any. */
const find = (key: unknown) => errorTable.find(([keys]) => keys.split(' ').includes(String(key)));

/**
 * The words a hint's `$` letters stand for (see errorTable): the shared phrases and what this
 * failure knows — the configured authority's host, the client id, redirect URI, scopes and
 * MSAL's errorCode.
 */
function wordsFor(context: MsalFailureContext, errorCode: string | undefined): Record<string, string> {
  return {
    ...sharedPhrases,
    l: URL.parse(context.authority ?? '')?.host || 'login.microsoftonline.com',
    c: context.clientId,
    r: context.redirectUri,
    s: context.scopes.join(' ') || 'the requested scopes',
    e: errorCode ?? '',
  };
}

/** The hint of `entry`, `$` letters filled in, prefixed `AADSTS<n>: ` only when the server sent a number. */
function hintOf(entry: ErrorEntry, aadsts: number | undefined, words: Record<string, string>): string {
  const filled = entry[2]
    .replace(/^#/, () => (aadsts === undefined ? '' : `AADSTS${aadsts}: `))
    .replace(/\$(\w)/g, (_, letter: string) => words[letter] ?? '');
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

/**
 * Turns anything MSAL throws into a {@link CalloutError} with a code the core understands and a
 * hint that names what to change (app registration, consent, redirect page, CSP, secure context),
 * naming the configured authority's host. AADSTS numbers win over MSAL's generic codes because
 * they are more precise; a hint quotes one only when the server sent it. Errors that are already
 * `CalloutError`s pass through unchanged.
 */
export function fromMsalError(error: unknown, context: MsalFailureContext): CalloutError {
  if (isCalloutError(error)) return error;
  const errorCode = msalErrorCode(error);
  const aadsts = aadstsCode(error);
  const byAadsts = aadsts === undefined ? undefined : find(aadsts);
  const fallback = (error as Error | null)?.name === 'NativeAuthError' ? brokerEntry : unknownEntry;
  const entry = byAadsts ?? (errorCode === undefined ? undefined : find(errorCode)) ?? fallback;
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  return new CalloutError({
    code: entry[1],
    hint: hintOf(entry, aadsts, wordsFor(context, errorCode)),
    cause: error,
    message: `MSAL ${context.step} failed${errorCode ? ` (${errorCode}${aadsts ? `, AADSTS${aadsts}` : ''})` : ''}: ${reason}`,
    ...(typeof status === 'number' && { status }),
  });
}

/**
 * A {@link CalloutError} of the MSAL provider (its other errors come from {@link fromMsalError}):
 * the one place in src/msal/ that builds them, so the provider's own checks read alike.
 */
export function msalError(
  code: CalloutErrorCode,
  message: string,
  hint?: string,
  cause?: unknown,
  option?: string,
): CalloutError {
  return new CalloutError({ code, message, hint, cause, ...(option ? { option } : {}) });
}

/** The error every call of a disposed MSAL provider rejects with. */
export function disposedError(): CalloutError {
  return msalError(
    'configuration_error',
    'This MSAL provider was disposed',
    'Use the provider its client holds now, or create a new one.',
  );
}
