import type { SeenViolation } from '../csp-watch.js';
import type { DiagnosisCheck } from '../diagnosis.js';
import { check } from './catalog.js';

/** The origins the page must reach: the APIs (connect-src) and identity providers (connect-src, frame-src). */
export interface NeededOrigins {
  apis: ReadonlySet<string>;
  identityProviders: ReadonlySet<string>;
}

/** Whether the page runs in Salesforce: inside Lightning Web Security, or on a Salesforce host name. */
export function onSalesforce(lws: boolean): boolean {
  return lws || /\.(force|salesforce|site)\.com$/.test(globalThis.location.hostname);
}

/**
 * The `csp` check of the violations the page saw (csp-watch.ts; report-only ones are left out):
 * each blocked origin the page needs, the directive to add it to, and, in Salesforce, where
 * (Trusted URLs). Skipped when the page could not listen (`seen` undefined): the hint then lists
 * what the page must allow.
 */
export function cspCheck(
  needed: NeededOrigins,
  seen: readonly SeenViolation[] | undefined,
  salesforce: boolean,
): DiagnosisCheck {
  if (!seen) return unseen(needed, salesforce);
  const violations = seen.filter((v) => v.disposition === 'enforce');
  if (violations.length === 0) return check('csp', 'ok', 'no violation since the first client was created');
  const ours: string[] = [];
  const others: string[] = [];
  const add = new Map<string, Set<string>>();
  for (const v of violations) {
    const origin = URL.parse(v.blocked)?.origin;
    const known = origin && (needed.apis.has(origin) || needed.identityProviders.has(origin));
    const line = `${v.directive} blocked ${v.blocked}`;
    const list = known ? ours : others;
    if (!list.includes(line)) list.push(line);
    if (known) add.set(origin, (add.get(origin) ?? new Set()).add(v.directive));
  }
  const directives = [...add].map(([origin, names]) => `${[...names].join(' and ')} ${origin}`);
  const trusted = salesforce
    ? ` In Salesforce: Setup → Trusted URLs → New, for each origin with the CSP directives named (${[...add.keys()].join(', ')}).`
    : '';
  const listed = [...ours, ...others].join('; ');
  if (ours.length === 0) {
    const hint =
      "Other content of the page was blocked (not the APIs or identity providers sso-callout uses): check that nothing it needs is among them (the redirect page's script, for one).";
    return check('csp', 'warn', listed, { hint });
  }
  const hint = `Add to the page's Content-Security-Policy: ${directives.join('; ')}.${trusted}`;
  return check('csp', 'fail', listed, { hint });
}

/** The `csp` check where violations cannot be seen (Lightning Web Security refuses the listener). */
function unseen(needed: NeededOrigins, salesforce: boolean): DiagnosisCheck {
  const apis = [...needed.apis].join(' ');
  const providers = [...needed.identityProviders].join(' ');
  const where = salesforce
    ? 'In Salesforce, Setup → Trusted URLs must list'
    : 'The Content-Security-Policy must allow';
  const hint = `Look for "Refused to connect" or "Refused to frame" in the browser console. ${where}: connect-src ${[apis, providers].filter(Boolean).join(' ')}${providers ? `; frame-src ${providers}` : ''}.`;
  return check('csp', 'skip', 'this page does not let sso-callout listen for CSP violations', { hint });
}
