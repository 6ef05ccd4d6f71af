import { html, nothing, type TemplateResult } from 'lit';
import type { ErrorView } from './describe-error.js';

/** What the error panel can offer the user. */
export interface ErrorPanelActions {
  /** Shown as a "Retry" button when given. */
  onRetry?: () => void;
  /** Shown as a "Sign in to continue" button when given and the error needs interaction. */
  onSignIn?: () => void;
  /**
   * The provider's sign-in page (see `signInLinkOf`): when given and the error needs interaction,
   * "Sign in to continue" is a link opening it in a new tab instead of the `onSignIn` button.
   */
  signInUrl?: string | undefined;
}

/**
 * The error panel, for two audiences: the end user reads the plain-language sentence of the
 * error's code (`userMessage`) and the action they can take ("Sign in to continue", "Retry");
 * the developer's sentence, hint, code, status, request id, credential and URL are one click
 * away, in a keyboard-operable details toggle (a native `<details>`). It is an `alert`, so screen
 * readers announce it when it appears (the user's sentence and actions; details stay closed).
 * Every value is bound as text. Styles: `errorPanelStyles` and `buttonStyles`.
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
    <p part="error-message" class="error-message">${view.userMessage}</p>
    ${renderActions(view, actions)}
    <details part="error-details" class="error-details">
      <summary>Details</summary>
      <p part="error-developer-message" class="error-developer-message">${view.message}</p>
      ${view.hint ? html`<p part="error-hint" class="error-hint">${view.hint}</p>` : nothing}
      ${
        shown.length > 0
          ? html`<dl>${shown.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`
          : nothing
      }
    </details>
  </div>`;
}

/** The panel's actions: "Sign in to continue" (a button, or the sign-in page's link) when a sign-in fixes it, and "Retry". */
function renderActions(view: ErrorView, actions: ErrorPanelActions): TemplateResult | typeof nothing {
  const signIn = view.interactionRequired
    ? actions.signInUrl
      ? renderSignInLink(actions.signInUrl, 'Sign in to continue')
      : actions.onSignIn
        ? html`<button part="button sign-in-button" class="button brand" type="button"
            @click=${actions.onSignIn}>Sign in to continue</button>`
        : nothing
    : nothing;
  const retry = actions.onRetry
    ? html`<button part="button retry-button" class="button" type="button" @click=${actions.onRetry}>Retry</button>`
    : nothing;
  return signIn === nothing && retry === nothing
    ? nothing
    : html`<div class="error-actions">${signIn}${retry}</div>`;
}

/**
 * A sign-in page link styled as the brand button: a real `<a target="_blank" rel="noopener">`, so
 * the user's click opens the page where popups cannot (Lightning Web Security). `href` is bound as
 * a property: LWS's template sanitizer may strip attribute bindings (see `CalloutElement`).
 */
export function renderSignInLink(url: string, label: string, onOpen?: () => void): TemplateResult {
  return html`<a part="button sign-in-button sign-in-link" class="button brand" target="_blank" rel="noopener"
    .href=${url} @click=${() => onOpen?.()}>${label}</a>`;
}
