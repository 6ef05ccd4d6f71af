/**
 * The setup check section of `<callout-log>` and its part of the report: a module of its own,
 * loaded the first time "Check setup" runs, so pages that never check do not download it. It
 * imports nothing at run time — Lit's `html` and `nothing` come from the element — so a bundler
 * that splits code does not move Lit into a chunk shared with it.
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import type { Diagnosis, DiagnosisCheck } from '../../src/index.js';

/** Lit's template tag and `nothing`, handed over by the element. */
export interface Lit {
  html: typeof litHtml;
  nothing: typeof litNothing;
}

/** What the "Check setup" section shows: nothing yet, a run in progress, a report, or why it failed. */
export type SetupState =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; diagnosis: Diagnosis }
  | { state: 'failed'; message: string };

const labels: Record<DiagnosisCheck['status'], string> = {
  ok: 'OK',
  warn: 'Warning',
  fail: 'Problem',
  skip: 'Not checked',
};

/** `2 problems, 1 warning` / `no problems`: the counts a status message and the report announce. */
export function summarizeDiagnosis(diagnosis: Diagnosis): string {
  const count = (status: DiagnosisCheck['status']) =>
    diagnosis.checks.filter((c) => c.status === status).length;
  const problems = count('fail');
  const warnings = count('warn');
  const parts = [
    problems > 0 ? `${problems} problem${problems === 1 ? '' : 's'}` : '',
    warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}

/** What a check is about: `Orders`, `provider aad`, or the page. */
export function subjectOf(check: DiagnosisCheck): string {
  return check.credential ?? (check.provider ? `provider ${check.provider}` : 'page');
}

/** One check: its status, title, subject, what was seen, the hint and where it is documented. Text only. */
function renderCheck({ html, nothing }: Lit, check: DiagnosisCheck): TemplateResult {
  // Property bindings only (.part, .className): see CalloutElement on Lightning Web Security.
  return html`<li .part=${`check check-${check.status}`} .className=${`check ${check.status}`}>
    <span class="status">${labels[check.status]}</span>
    <span class="title">${check.title} <span class="subject">(${subjectOf(check)})</span></span>
    <span class="seen">${check.seen}</span>
    ${check.hint ? html`<span class="hint">${check.hint}</span>` : nothing}
    <span class="docs">${check.docs}</span>
  </li>`;
}

/** The "Setup check" section of `<callout-log>`, or nothing before the first run. */
export function renderSetup(lit: Lit, setup: SetupState): TemplateResult | typeof litNothing {
  const { html } = lit;
  if (setup.state === 'idle') return lit.nothing;
  const body =
    setup.state === 'running'
      ? html`<p class="empty">Checking the setup…</p>`
      : setup.state === 'failed'
        ? html`<p class="failed-run">The check could not run: ${setup.message}</p>`
        : html`<p class="empty">
              ${summarizeDiagnosis(setup.diagnosis)} — checked ${setup.diagnosis.at.toLocaleTimeString()}
            </p>
            <ol part="checks" aria-labelledby="setup-title">
              ${setup.diagnosis.checks.map((check) => renderCheck(lit, check))}
            </ol>`;
  return html`<div part="setup" class="section" .ariaBusy=${setup.state === 'running' ? 'true' : 'false'}>
    <h3 id="setup-title">Setup check</h3>
    ${body}
  </div>`;
}

/** The report's "Setup check" lines for `diagnosis` (see report.ts). */
export function setupReportLines(diagnosis: Diagnosis): string[] {
  const lines = [`Setup check (${diagnosis.at.toISOString()}): ${summarizeDiagnosis(diagnosis)}`];
  for (const check of diagnosis.checks) {
    lines.push(`  [${check.status}] ${check.id} (${subjectOf(check)}): ${check.seen}`);
    if (check.hint) lines.push(`    fix: ${check.hint}`);
    if (check.status === 'fail' || check.status === 'warn') lines.push(`    see: ${check.docs}`);
  }
  return lines;
}
