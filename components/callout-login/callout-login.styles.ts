import { css } from 'lit';

/** Styles of `<callout-login>`. */
export const calloutLoginStyles = css`
  :host {
    --callout-avatar-size: 2rem;
  }

  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--callout-spacing-small);
  }

  .avatar {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--callout-avatar-size);
    height: var(--callout-avatar-size);
    border-radius: 50%;
    background: var(--callout-color-brand-dark);
    color: var(--callout-color-on-brand);
    font-weight: 700;
  }

  .account {
    display: flex;
    flex-direction: column;
    margin-right: auto;
  }

  .name {
    font-weight: 700;
  }

  .username,
  .message {
    color: var(--callout-color-text-weak);
  }

  .message {
    margin: 0 auto 0 0;
  }

  /* A row of its own for the error panel (the panel draws its own border). */
  .error-row {
    flex-basis: 100%;
  }
`;
