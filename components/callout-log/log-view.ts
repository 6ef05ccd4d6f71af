import { html, nothing, type TemplateResult } from 'lit';
import type { LogEntry } from './log-entry.js';
import { countdown, type TokenView } from './token-view.js';

/** One credential's current token as decoded claims, the token masked; its expiry counted from `now`. */
export function renderToken(view: TokenView, now: number): TemplateResult {
  const expiry = view.exp ?? view.expiresOn;
  // Property bindings only (.ariaLabel, .part, .className): see CalloutElement on Lightning Web Security.
  return html`<dl part="claims" class="claims" .ariaLabel=${`Token of ${view.credential}`}>
    <dt>Credential</dt><dd>${view.credential}</dd>
    <dt>Token</dt><dd>${view.masked}</dd>
    ${view.note ? html`<dt>Note</dt><dd>${view.note}</dd>` : nothing}
    ${view.audience ? html`<dt>aud</dt><dd>${view.audience}</dd>` : nothing}
    ${view.scp ? html`<dt>scp</dt><dd>${view.scp}</dd>` : nothing}
    ${view.roles ? html`<dt>roles</dt><dd>${view.roles}</dd>` : nothing}
    ${view.upn ? html`<dt>upn</dt><dd>${view.upn}</dd>` : nothing}
    <dt>exp</dt><dd>${expiry.toLocaleTimeString()} (${countdown(expiry, now)})</dd>
  </dl>`;
}

/** One timeline entry: time, kind, summary and, for failures, the hint. Text only. */
export function renderEntry(entry: LogEntry): TemplateResult {
  return html`<li .part=${`entry entry-${entry.kind}`} .className=${entry.failed ? 'failed' : ''}>
    <span class="time">${entry.at.toLocaleTimeString()}</span>
    <span class="kind">${entry.kind}</span>
    <span class="summary">${entry.summary}</span>
    ${entry.hint ? html`<span class="hint">${entry.hint}</span>` : nothing}
  </li>`;
}
