import { css } from 'lit';

/**
 * Design tokens shared by every `callout-*` element, close to the Salesforce Lightning Design
 * System. Each is a `--callout-*` custom property with its default on `:host`, so a page overrides
 * it with an ordinary rule (`callout-get { --callout-color-brand: #3a3 }`) or on any ancestor
 * by setting it on the element itself.
 */
export const tokenStyles = css`
  :host {
    --callout-font-family: -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;
    --callout-font-size: 0.8125rem;
    --callout-line-height: 1.5;
    --callout-color-text: #181818;
    --callout-color-text-weak: #5c5c5c;
    --callout-color-background: #ffffff;
    --callout-color-background-alt: #f3f3f3;
    --callout-color-border: #c9c9c9;
    --callout-color-brand: #0176d3;
    --callout-color-brand-dark: #014486;
    --callout-color-on-brand: #ffffff;
    --callout-color-error: #ba0517;
    --callout-color-error-background: #fef1ee;
    --callout-radius: 0.25rem;
    --callout-spacing: 0.75rem;
    --callout-spacing-small: 0.5rem;
    --callout-focus-ring: 0 0 0 3px #1b96ff;
    --callout-spinner-size: 2rem;

    display: block;
    box-sizing: border-box;
    font-family: var(--callout-font-family);
    font-size: var(--callout-font-size);
    line-height: var(--callout-line-height);
    color: var(--callout-color-text);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** SLDS-like buttons: neutral by default, `.brand` for the primary action. */
export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 2rem;
    padding: 0 1rem;
    border: 1px solid var(--callout-color-border);
    border-radius: var(--callout-radius);
    background: var(--callout-color-background);
    color: var(--callout-color-brand-dark);
    font: inherit;
    cursor: pointer;
  }

  .button:hover {
    background: var(--callout-color-background-alt);
  }

  .button:focus-visible {
    outline: none;
    box-shadow: var(--callout-focus-ring);
  }

  .button[disabled] {
    cursor: default;
    opacity: 0.6;
  }

  .button.brand {
    border-color: var(--callout-color-brand);
    background: var(--callout-color-brand);
    color: var(--callout-color-on-brand);
  }

  .button.brand:hover {
    border-color: var(--callout-color-brand-dark);
    background: var(--callout-color-brand-dark);
  }
`;

/** The spinner drawn by `renderSpinner()`. */
export const spinnerStyles = css`
  .spinner {
    display: inline-block;
    width: var(--callout-spinner-size);
    height: var(--callout-spinner-size);
    border: 0.25rem solid var(--callout-color-background-alt);
    border-top-color: var(--callout-color-brand);
    border-radius: 50%;
    animation: callout-spin 0.8s linear infinite;
  }

  @keyframes callout-spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;

/** The error panel drawn by `renderErrorPanel()`. */
export const errorPanelStyles = css`
  .error {
    padding: var(--callout-spacing);
    border: 1px solid var(--callout-color-error);
    border-left-width: 4px;
    border-radius: var(--callout-radius);
    background: var(--callout-color-error-background);
  }

  .error-message {
    margin: 0;
    font-weight: 700;
    color: var(--callout-color-error);
  }

  .error-developer-message,
  .error-hint {
    margin: var(--callout-spacing-small) 0 0;
    overflow-wrap: anywhere;
  }

  .error-details {
    margin-top: var(--callout-spacing-small);
  }

  .error-details summary {
    cursor: pointer;
    color: var(--callout-color-brand-dark);
  }

  .error-details summary:focus-visible {
    outline: none;
    box-shadow: var(--callout-focus-ring);
  }

  .error-details dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem var(--callout-spacing-small);
    margin: var(--callout-spacing-small) 0 0;
  }

  .error-details dt {
    color: var(--callout-color-text-weak);
  }

  .error-details dd {
    margin: 0;
    overflow-wrap: anywhere;
    font-family: ui-monospace, Menlo, Consolas, monospace;
  }

  .error-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--callout-spacing-small);
    margin-top: var(--callout-spacing);
  }
`;

/** Configuration elements (`callout-msal`, `callout-credential`) take no space unless invalid. */
export const invalidOnlyStyles = css`
  :host(:not([invalid])) {
    display: none;
  }
`;
