import { html, type TemplateResult } from 'lit';

/**
 * A spinner with a text label for screen readers, in a `role="status"` region. Its styles are
 * `spinnerStyles`.
 */
export function renderSpinner(label = 'Loading…'): TemplateResult {
  return html`<div part="spinner" role="status">
    <span class="spinner" aria-hidden="true"></span><span class="visually-hidden">${label}</span>
  </div>`;
}
