import type { DiagnosisCheck } from '../diagnosis.js';
import { check } from './catalog.js';
import { blockedBecause, cookieSignals } from './cookie-signals.js';

/** The page record copies share (default-callout.ts), as far as this check reads it. */
interface PageRecordView {
  versions?: unknown;
  copies?: unknown;
}

/** The `versions` check: this copy's `version`, and the other copies that used the page's slot. */
export function versionsCheck(version: string): DiagnosisCheck {
  const record = (globalThis as { [key: symbol]: unknown })[Symbol.for('sso-callout/page')] as
    | PageRecordView
    | undefined;
  const versions = Array.isArray(record?.versions) ? record.versions.map(String) : [];
  const all = [...new Set([version, ...versions])];
  const copies = typeof record?.copies === 'number' ? record.copies : 1;
  if (all.length > 1) {
    const hint = 'Load one version: elements run the code of the copy that defined them.';
    return check('versions', 'warn', `sso-callout ${all.join(' and ')} are both on this page`, { hint });
  }
  if (copies > 1) {
    const hint = 'Load sso-callout once: the copies work together, but the page downloads it twice.';
    return check('versions', 'warn', `${copies} copies of sso-callout ${version} are on this page`, { hint });
  }
  return check('versions', 'ok', `sso-callout ${version}, one copy`);
}

/** The core's `lws` check: whether the page runs in Lightning Web Security (providers add their adaptations). */
export function lwsCheck(lws: boolean): DiagnosisCheck {
  return lws
    ? check(
        'lws',
        'ok',
        'Lightning Web Security detected: tokens never cross a window boundary (cross-tab sharing refused)',
      )
    : check('lws', 'ok', 'not inside Lightning Web Security (a plain browser page)');
}

/**
 * The page's own evidence about third-party cookies (cookie-signals.ts): cookies switched off, or
 * — for a page framed by another site — no access to its unpartitioned cookies. A top-level page
 * learns nothing here (its own cookies are first-party): the provider's check reports what silent
 * sign-in saw.
 */
export async function thirdPartyCookiesCheck(lws: boolean): Promise<DiagnosisCheck> {
  const signals = await cookieSignals(lws);
  const blocked = blockedBecause(signals);
  if (blocked) {
    const hint =
      'Silent sign-in cannot work here: sign in from a click (the sign-in window is first-party), after which renewals use the refresh token.';
    return check('third-party-cookies', signals.cookieEnabled ? 'warn' : 'fail', blocked, { hint });
  }
  if (!signals.framed) {
    const seen =
      "a top-level page cannot see the identity provider frame's cookies: see the provider's check for what silent sign-in saw";
    return check('third-party-cookies', 'skip', seen);
  }
  return signals.storageAccess
    ? check(
        'third-party-cookies',
        'ok',
        'this page is framed and has its unpartitioned cookies (hasStorageAccess)',
      )
    : check(
        'third-party-cookies',
        'skip',
        'this page is framed, and the browser does not say whether it has cookie access',
      );
}
