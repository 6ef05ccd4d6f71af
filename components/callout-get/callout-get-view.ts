import { html, nothing } from 'lit';
import type { ErrorView } from '../shared/describe-error.js';
import { type ErrorPanelActions, renderErrorPanel } from '../shared/error-panel.js';
import { renderSpinner } from '../shared/spinner.js';
import { CalloutGetState } from './callout-get-types.js';
import type { SlotTemplates } from './slot-templates.js';

/** What `<callout-get>`'s content is made of, read as it renders. */
export interface CalloutGetView {
  state: CalloutGetState;
  /** Whether a run is in flight (a refresh shows "Refreshing…" over the last data). */
  loading: boolean;
  templates: SlotTemplates;
  /** The data, rendered (by the renderer property, the data template or the default renderer). */
  data(): unknown;
  /** The error as the panel shows it, the key its template stamp is reused for, and the panel's actions. */
  error(): { view: ErrorView; key: unknown; actions: ErrorPanelActions };
}

/**
 * `<callout-get>`'s content for its state: nothing while idle, the loading template or a spinner,
 * the error template or panel (a spinner while a retry runs), the empty template or "No data.",
 * or the data — the last two with a "Refreshing…" spinner while a new run is in flight.
 */
export function renderCalloutGet(view: CalloutGetView): unknown {
  const refreshing = view.loading
    ? html`<div class="refreshing">${renderSpinner('Refreshing…')}</div>`
    : nothing;
  switch (view.state) {
    case CalloutGetState.idle:
      return nothing;
    case CalloutGetState.loading:
      return view.templates.stamp('loading', undefined) ?? renderSpinner();
    case CalloutGetState.error: {
      if (view.loading) return renderSpinner();
      const error = view.error();
      return (
        view.templates.stamp('error', error.view, error.key) ?? renderErrorPanel(error.view, error.actions)
      );
    }
    case CalloutGetState.empty:
      return [
        view.templates.stamp('empty', undefined) ?? html`<p part="empty" class="empty">No data.</p>`,
        refreshing,
      ];
    case CalloutGetState.data:
      return [view.data(), refreshing];
    default: {
      const unknown: never = view.state;
      return unknown;
    }
  }
}
