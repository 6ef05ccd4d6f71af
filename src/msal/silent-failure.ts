/**
 * Why a silent sign-in (the hidden frame) failed, where the browser lets the page tell — loaded
 * with a dynamic `import()` on the first failure, and importing no module the page has loaded
 * already (the caller hands over what it knows). What can be told, and how reliably:
 *
 * - **No session vs third-party cookies blocked.** The identity provider answers both alike
 *   (`login_required`, AADSTS50058), as fast; the page cannot read the provider frame's cookies.
 *   It is told apart only with evidence: cookies switched off; this page framed by another site
 *   without cookie access (Storage Access API); or an interactive sign-in on this page (the
 *   provider's session was set, first-party, moments ago) followed by a frame that finds none.
 *   Otherwise it stays `login_required`, whose hint names both causes. Under Lightning Web
 *   Security the code is `third_party_cookies_required` instead (no sign-in can help there: the
 *   frame is the only way a token reaches the page), and the interactive sign-in is the sign-in
 *   page's announcement, which carries no proof (anyone on the origin can send one): the hint
 *   names the other cause too.
 * - **Chrome's Local Network Access.** The blocked frame never answers, so MSAL times out, as it
 *   does for a missing redirect page. It is LNA when the browser enforces LNA and the frame goes
 *   from a public identity provider to a redirect page whose host is certainly private or
 *   loopback (an IP literal, `localhost`, `.local`, a single-label name). When the page's host
 *   name does not tell, the timeout's hint adds LNA as a possible cause.
 */

import type { Configuration } from '@azure/msal-browser';
import type { CalloutError } from '../diagnostics/callout-error.js';
import { blockedBecause, cookieSignals } from '../diagnostics/diagnose/cookie-signals.js';
import type { CalloutErrorCode } from '../diagnostics/error-codes.js';
import {
  addressSpaceOf,
  authorizeUrl,
  browserHasLocalNetworkAccess,
  crossesIntoLocalNetwork,
} from './address-space.js';

/** What the caller knows about the failure and the provider. */
export interface SilentFailure {
  /** The failure as the provider reads it without this module (errors.ts). */
  mapped: CalloutError;
  /** MSAL's `errorCode`. */
  errorCode: string | undefined;
  /** The AADSTS number, when the server sent one. */
  aadsts: number | undefined;
  /** MSAL's configuration: where the hidden frame goes. */
  configuration: Configuration;
  /** The redirect URI the frame was to come back to. */
  redirectUri: string;
  /** When the user last signed in interactively with this provider on this page, unless they signed out since. */
  interactiveAt: number | undefined;
  /** Whether the provider runs inside Lightning Web Security. */
  lws: boolean;
  /** Why MSAL's cache and refresh token could not serve first (MSAL's error), if they were tried. */
  earlier?: unknown;
}

/** A more precise reading: its code (or none: keep the usual code), what shows it, and the hint. */
interface SilentVerdict {
  code: 'third_party_cookies_blocked' | 'third_party_cookies_required' | 'local_network_blocked' | undefined;
  evidence: string;
  hint: string;
}

/** Builds the provider's errors (errors.ts' `msalError`, handed over). */
export type MakeError = (
  code: CalloutErrorCode,
  message: string,
  hint: string,
  cause: unknown,
) => CalloutError;

const timeoutCodes = new Set(['timed_out', 'monitor_window_timeout']);

/**
 * The error a failed silent sign-in ends in: `failure.mapped`, or — when the browser lets the page
 * tell more — `third_party_cookies_blocked` (under Lightning Web Security
 * `third_party_cookies_required`) or `local_network_blocked` with the evidence in the message, or
 * the mapped error with a possible cause added to its hint. After a refresh token that ran out,
 * the hint first says that the sign-in ended and to sign in again (unless no sign-in can help).
 * A `third_party_cookies_required` error comes back as it is. Never rejects.
 */
export async function refineSilentFailure(failure: SilentFailure, make: MakeError): Promise<CalloutError> {
  const { mapped } = failure;
  // Already read (the LWS host reads its frame's failures first, silent.ts then once more).
  if (mapped.code === 'third_party_cookies_required') return mapped;
  const host = authorizeUrl(failure.configuration).hostname;
  let verdict: SilentVerdict | undefined;
  try {
    if (failure.errorCode === 'login_required' || failure.aadsts === 50058)
      verdict = await cookieVerdict(failure, host);
    else if (timeoutCodes.has(failure.errorCode ?? '')) verdict = await localNetworkVerdict(failure, host);
  } catch {
    verdict = undefined; // What the browser would not answer changes nothing.
  }
  const ended =
    refreshTokenRanOut(failure.earlier) && verdict?.code !== 'third_party_cookies_required'
      ? refreshTokenEndedHint
      : '';
  if (!verdict) return ended ? make(mapped.code, mapped.message, `${ended}${mapped.hint}`, mapped) : mapped;
  const hint = verdict.code ? verdict.hint : `${mapped.hint}${verdict.hint}`;
  return make(
    verdict.code ?? mapped.code,
    `${mapped.message} — ${verdict.evidence}`,
    `${ended}${hint}`,
    mapped,
  );
}

/** Whether MSAL's error says the refresh token had run out: its own expiry check, or Entra ID's AADSTS700084. */
function refreshTokenRanOut(earlier: unknown): boolean {
  const { errorCode, errorNo, message } = (earlier ?? {}) as Record<string, unknown>;
  return (
    errorCode === 'refresh_token_expired' ||
    String(errorNo) === '700084' ||
    /AADSTS700084\b/.test(String(message))
  );
}

/** What a hint says first when the refresh token had run out and silent sign-in could not replace it. */
const refreshTokenEndedHint =
  "The sign-in has ended: its refresh token expired (in Entra ID a single-page app's lasts 24 hours from the interactive sign-in, however often it is renewed) and silent sign-in could not start a new one. Sign in again: callout.signIn() from a click, or <callout-login>. Why silent sign-in failed: ";

async function cookieVerdict(failure: SilentFailure, host: string): Promise<SilentVerdict | undefined> {
  const at = failure.interactiveAt === undefined ? '' : new Date(failure.interactiveAt).toLocaleTimeString();
  const off = blockedBecause(await cookieSignals(failure.lws));
  const because =
    off ??
    (failure.interactiveAt === undefined
      ? undefined
      : failure.lws
        ? `the sign-in page announced a sign-in to ${host} at ${at}, yet the hidden frame found no session`
        : `you signed in to ${host} from this page at ${at}, yet its hidden frame found no session`);
  if (!because) return undefined;
  const blocked = `This browser does not send ${host}'s cookies to the hidden sign-in frame (third-party cookies blocked)`;
  if (!failure.lws) {
    return {
      code: 'third_party_cookies_blocked',
      evidence: because,
      hint: `${blocked}: sign in again from a click (callout.signIn() or <callout-login>); renewals then use the refresh token, which needs no third-party cookie, for its lifetime (24 hours for single-page apps in Entra ID). Users who want silent sign-in back can allow cookies for ${host} on this site.`,
    };
  }
  // The announcement proves nothing (any code on the origin can post one): name that cause too.
  const forged = off
    ? ''
    : ' If nobody had just signed in on the sign-in page, the announcement came from other code on this origin and the user has no session yet: open the sign-in link.';
  return {
    code: 'third_party_cookies_required',
    evidence: because,
    hint: `${blocked}. Under Lightning Web Security that frame is the only way a token reaches the page (the sign-in page hands none over), so signing in again cannot help in this browser: allow third-party cookies for ${host} on the org's Lightning domain — the user's exception for the Lightning page, or the admin's browser policy (Chrome: CookiesAllowedForUrls with "https://${host},https://<org's Lightning domain>") — then retry.${forged}`,
  };
}

async function localNetworkVerdict(failure: SilentFailure, from: string): Promise<SilentVerdict | undefined> {
  if (!(await browserHasLocalNetworkAccess())) return undefined;
  const to = URL.parse(failure.redirectUri)?.hostname ?? '';
  const crosses = crossesIntoLocalNetwork(from, to);
  const lna = `Chrome's Local Network Access blocks ${from} from sending the hidden sign-in frame to ${to}`;
  const fix =
    "sign in from a click (a popup is not blocked), after which renewals use the refresh token; for silent sign-in, serve the app from a public address, or have the browser's admin allow it in Chrome's Local Network Access policies.";
  if (crosses === false) return undefined;
  if (crosses === undefined) {
    return {
      code: undefined,
      evidence: `if ${to} is a private address, ${lna}`,
      hint: ` Or, if ${to} has a private address: ${lna}; ${fix}`,
    };
  }
  return {
    code: 'local_network_blocked',
    evidence: `${lna} (${addressSpaceOf(from) ?? 'public'} → ${addressSpaceOf(to)})`,
    hint: `${lna.replace('blocks', 'blocked')}: ${fix}`,
  };
}
