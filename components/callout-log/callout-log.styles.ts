import { css } from 'lit';

/** Styles of `<callout-log>`. */
export const calloutLogStyles = css`
  :host {
    --callout-log-max-height: 20rem;
  }

  .base {
    border: 1px solid var(--callout-color-border);
    border-radius: var(--callout-radius);
    background: var(--callout-color-background);
  }

  .toolbar {
    display: flex;
    align-items: center;
    gap: var(--callout-spacing-small);
    padding: var(--callout-spacing-small) var(--callout-spacing);
    border-bottom: 1px solid var(--callout-color-border);
    background: var(--callout-color-background-alt);
  }

  h2,
  h3 {
    margin: 0;
    font-size: inherit;
  }

  h2 {
    margin-right: auto;
  }

  .section {
    padding: var(--callout-spacing-small) var(--callout-spacing);
  }

  .claims {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem var(--callout-spacing-small);
    margin: var(--callout-spacing-small) 0;
  }

  .claims dt {
    color: var(--callout-color-text-weak);
  }

  .claims dd {
    margin: 0;
    overflow-wrap: anywhere;
    font-family: ui-monospace, Menlo, Consolas, monospace;
  }

  ol {
    max-height: var(--callout-log-max-height);
    overflow-y: auto;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li {
    display: grid;
    grid-template-columns: max-content max-content 1fr;
    gap: var(--callout-spacing-small);
    padding: 0.125rem 0;
    border-bottom: 1px solid var(--callout-color-background-alt);
  }

  .time,
  .hint {
    color: var(--callout-color-text-weak);
  }

  .kind {
    font-weight: 700;
  }

  .failed .kind,
  .failed .summary {
    color: var(--callout-color-error);
  }

  .hint {
    grid-column: 3;
  }

  .empty {
    margin: 0;
    color: var(--callout-color-text-weak);
  }

  .check {
    grid-template-columns: max-content 1fr;
  }

  .check .status {
    font-weight: 700;
  }

  .check.fail .status {
    color: var(--callout-color-error);
  }

  .check.warn .status {
    color: var(--callout-color-warning, #8a5300);
  }

  .check .seen,
  .check .hint,
  .check .docs {
    grid-column: 2;
    overflow-wrap: anywhere;
  }

  .check .subject,
  .check .docs {
    color: var(--callout-color-text-weak);
  }

  .failed-run {
    margin: 0;
    color: var(--callout-color-error);
  }

  textarea {
    width: 100%;
    min-height: 8rem;
    font-family: ui-monospace, Menlo, Consolas, monospace;
  }
`;
