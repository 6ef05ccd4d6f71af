import { css } from 'lit';

/** Styles of `<callout-msal>`: it takes no space unless it shows a configuration error. */
export const calloutMsalStyles = css`
  :host(:not([invalid])) {
    display: none;
  }
`;
