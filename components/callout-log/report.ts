import type { LogEntry } from './log-entry.js';
import type { TokenView } from './token-view.js';

/** What goes into a diagnostics report. */
export interface ReportInput {
  entries: readonly LogEntry[];
  tokens: readonly TokenView[];
  credentials: readonly { name: string; url: string; provider: string; scopes: readonly string[] }[];
  now: Date;
  /** The lines of the last setup check ("Check setup"; see `setupReportLines`). */
  setup: readonly string[];
}

/**
 * A plain-text diagnostics report to paste into a support ticket: credentials, the last setup
 * check (each check, what was seen, the fix), the decoded claims of the current tokens (never a
 * token, not even masked) and the timeline with hints. Built only from entries, views and a
 * report that never held a token.
 */
export function buildReport(input: ReportInput): string {
  const lines = [
    `sso-callout diagnostics report — ${input.now.toISOString()}`,
    `Page: ${location.origin}${location.pathname}`,
    '',
  ];
  lines.push('Credentials:');
  if (input.credentials.length === 0) lines.push('  (none)');
  for (const c of input.credentials) {
    lines.push(`  ${c.name}: ${c.url} via provider ${c.provider}, scopes ${c.scopes.join(' ')}`);
  }
  lines.push('', ...input.setup);
  lines.push('', 'Current tokens:');
  if (input.tokens.length === 0) lines.push('  (none seen yet)');
  for (const t of input.tokens) {
    lines.push(`  ${t.credential}: expires ${t.expiresOn.toISOString()}, scopes ${t.scopes.join(' ')}`);
    if (t.note) lines.push(`    ${t.note}`);
    if (t.audience) lines.push(`    aud: ${t.audience}`);
    if (t.scp) lines.push(`    scp: ${t.scp}`);
    if (t.roles) lines.push(`    roles: ${t.roles}`);
    if (t.upn) lines.push(`    upn: ${t.upn}`);
  }
  lines.push('', 'Timeline:');
  if (input.entries.length === 0) lines.push('  (empty)');
  for (const e of input.entries) {
    lines.push(`  ${e.at.toISOString()} [${e.kind}] ${e.summary}`);
    if (e.hint) lines.push(`    hint: ${e.hint}`);
  }
  return `${lines.join('\n')}\n`;
}
