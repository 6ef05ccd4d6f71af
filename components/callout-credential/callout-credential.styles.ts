import { css } from 'lit';

/** Styles of `<callout-credential>`: it takes no space unless it shows a configuration error. */
export const calloutCredentialStyles = css`
  :host(:not([invalid])) {
    display: none;
  }
`;
