import { html, nothing, type TemplateResult } from 'lit';
import type { ErrorView } from './describe-error.js';

/** What the error panel can offer the user. */
export interface ErrorPanelActions {
  /** Shown as a "Retry" button when given. */
  onRetry?: () => void;
  /** Shown as a "Sign in to continue" button when given and the error needs interaction. */
  onSignIn?: () => void;
}

/**
 * The error panel: the message, the hint, a keyboard-operable details toggle (a native
 * `<details>`) with code, status, request id and URL, and the actions. It is an `alert`, so
 * screen readers announce it when it appears. Every value is bound as text. Styles:
 * `errorPanelStyles` and `buttonStyles`.
 */
export function renderErrorPanel(view: ErrorView, actions: ErrorPanelActions = {}): TemplateResult {
  const details: [string, string | number | undefined][] = [
    ['Code', view.code],
    ['Status', view.status],
    ['Request id', view.requestId],
    ['Credential', view.credential],
    ['Request', view.method && view.url ? `${view.method} ${view.url}` : view.url],
  ];
  const shown = details.filter(([, value]) => value !== undefined && value !== '');
  return html`<div part="error" class="error" role="alert">
    <p part="error-message" class="error-message">${view.message}</p>
    ${view.hint ? html`<p part="error-hint" class="error-hint">${view.hint}</p>` : nothing}
    ${
      shown.length > 0
        ? html`<details part="error-details" class="error-details">
            <summary>Details</summary>
            <dl>
              ${shown.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}
            </dl>
          </details>`
        : nothing
    }
    ${
      actions.onRetry || (actions.onSignIn && view.interactionRequired)
        ? html`<div class="error-actions">
            ${
              actions.onSignIn && view.interactionRequired
                ? html`<button part="button sign-in-button" class="button brand" type="button"
                    @click=${actions.onSignIn}>Sign in to continue</button>`
                : nothing
            }
            ${
              actions.onRetry
                ? html`<button part="button retry-button" class="button" type="button"
                    @click=${actions.onRetry}>Retry</button>`
                : nothing
            }
          </div>`
        : nothing
    }
  </div>`;
}
