import type { DiagnosisCheck } from '../diagnosis.js';
import { check } from './catalog.js';

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
 * Whether the page runs in a frame: `location.ancestorOrigins` where the browser has it, else the
 * comparison of `top` and `self`. Inside Lightning Web Security (`lws`) neither tells — the
 * sandbox's realm is a frame of its own, and its window proxies make `top !== self` — and
 * Lightning pages are top-level: `false`.
 */
function framed(lws: boolean): boolean {
  if (lws) return false;
  const ancestors = globalThis.location.ancestorOrigins;
  if (ancestors) return ancestors.length > 0;
  try {
    return window.top !== window.self;
  } catch {
    return true; // A cross-origin top that cannot even be compared.
  }
}

/**
 * The page's own evidence about third-party cookies — a page cannot read the identity provider
 * frame's cookies, so this is what the browser does tell it: cookies switched off altogether
 * (`navigator.cookieEnabled`); and, when the page is itself framed by another site, whether it
 * has access to its unpartitioned cookies (`document.hasStorageAccess()`, the Storage Access
 * API: the identity provider's frame nested inside fares no better). A top-level page learns
 * nothing here (its own cookies are first-party): the provider's check reports what silent
 * sign-in saw.
 */
export async function thirdPartyCookiesCheck(lws: boolean): Promise<DiagnosisCheck> {
  if (!navigator.cookieEnabled) {
    const hint = 'Allow cookies for this site and the identity provider, or sign in from a click each time.';
    return check('third-party-cookies', 'fail', 'cookies are switched off in this browser', { hint });
  }
  if (!framed(lws)) {
    const seen =
      "a top-level page cannot see the identity provider frame's cookies: see the provider's check for what silent sign-in saw";
    return check('third-party-cookies', 'skip', seen);
  }
  let access: boolean | undefined;
  try {
    access = await document.hasStorageAccess?.();
  } catch {
    access = undefined;
  }
  if (access === undefined) {
    return check(
      'third-party-cookies',
      'skip',
      'this page is framed, and the browser does not say whether it has cookie access',
    );
  }
  if (access) {
    return check(
      'third-party-cookies',
      'ok',
      'this page is framed and has access to its unpartitioned cookies (hasStorageAccess)',
    );
  }
  const hint =
    'Silent sign-in cannot work in this frame: sign in from a click (the popup is first-party), after which renewals use the refresh token.';
  const seen =
    'this page is framed by another site and has no access to unpartitioned cookies (hasStorageAccess: false)';
  return check('third-party-cookies', 'warn', seen, { hint });
}
