import { css } from 'lit';

/** Styles of `<callout-get>` beyond the shared tokens, buttons, spinner and error panel. */
export const calloutGetStyles = css`
  .base {
    position: relative;
  }

  [part='spinner'] {
    display: flex;
    justify-content: center;
    padding: var(--callout-spacing);
  }

  .refreshing {
    position: absolute;
    top: 0;
    right: 0;
    padding: 0;
    --callout-spinner-size: 1rem;
  }

  .refreshing .spinner {
    border-width: 0.125rem;
  }

  .empty {
    margin: 0;
    padding: var(--callout-spacing);
    color: var(--callout-color-text-weak);
    text-align: center;
  }

  .table-wrapper {
    overflow-x: auto;
  }

  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--callout-color-background);
  }

  th,
  td {
    padding: 0.25rem var(--callout-spacing-small);
    border-bottom: 1px solid var(--callout-color-border);
    text-align: left;
    vertical-align: top;
  }

  th {
    background: var(--callout-color-background-alt);
    color: var(--callout-color-text-weak);
    font-weight: 700;
    text-transform: uppercase;
    font-size: 0.75rem;
    letter-spacing: 0.0625rem;
  }

  dl {
    margin: 0;
  }

  dl .pair {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: var(--callout-spacing-small);
    padding: 0.125rem 0;
  }

  dt {
    color: var(--callout-color-text-weak);
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  ul {
    margin: 0;
    padding-left: 1.25rem;
  }
`;
