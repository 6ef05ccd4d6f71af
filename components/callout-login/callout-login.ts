import { html, nothing, type TemplateResult } from 'lit';
import type { Account, AuthProvider, Callout } from '../../src/index.js';
import { identityOf } from '../controllers/identity.js';
import { buttonStyles, errorPanelStyles, tokenStyles } from '../shared/base.styles.js';
import { CalloutElement, clientOf, lookupOf } from '../shared/callout-element.js';
import { describeError } from '../shared/describe-error.js';
import { renderErrorPanel, renderSignInLink } from '../shared/error-panel.js';
import { fire } from '../shared/fire.js';
import { signInLinkOf } from '../shared/sign-in-link.js';
import { calloutLoginStyles } from './callout-login.styles.js';
import { initialsOf } from './initials.js';

/** What `<callout-login>` shows. */
export const CalloutLoginState = {
  signedOut: 'signed-out',
  signingIn: 'signing-in',
  signedIn: 'signed-in',
  interactionRequired: 'interaction-required',
} as const;
/** One of the values of {@link CalloutLoginState}: `<callout-login>`'s `state`. */
export type CalloutLoginState = (typeof CalloutLoginState)[keyof typeof CalloutLoginState];

/** `detail` of `callout-sign-in` and `callout-sign-out`. */
export interface CalloutSignInDetail {
  provider?: string;
  account?: Account;
}

/**
 * Shows who the callouts run as, and lets the user sign in and out. It follows the provider's
 * account (the client's `account` events) and switches to "Sign in to continue" when any callout
 * through that provider needs interaction (`interaction-required` events). The sign-in button
 * calls `callout.signIn()` directly from the click, so a popup opens within the user gesture.
 *
 * Where popups cannot open — inside Salesforce Lightning Web Security, where `window.open`
 * returns `null` — a provider that signs in on a page of its own (`msalProvider` with
 * `signInPage`, which then has a `signInUrl()`) gets a real link instead of the button:
 * `<a target="_blank" rel="noopener">` to that page. The page hands the sign-in back to the
 * provider; its `account` event then updates this element and resumes waiting callouts.
 *
 * @summary Sign-in status, account avatar, and sign-in / sign-out buttons.
 *
 * @tagname callout-login
 *
 * @csspart base - The wrapper.
 * @csspart avatar - The initials avatar.
 * @csspart name - The account's display name.
 * @csspart username - The account's sign-in name.
 * @csspart message - The signed-out / interaction-required message.
 * @csspart button - Every button.
 * @csspart sign-in-button - The sign-in button (or link, under LWS).
 * @csspart sign-in-link - The link to the provider's sign-in page (LWS only).
 * @csspart sign-out-button - The sign-out button.
 * @csspart error - The panel of a failed sign-in or sign-out.
 *
 * @cssprop --callout-avatar-size - Avatar diameter (default 2rem).
 * @cssprop --callout-color-brand - Primary button background.
 * @cssprop --callout-color-brand-dark - Avatar background.
 * @cssprop --callout-color-text-weak - Secondary text.
 * @cssprop --callout-focus-ring - Focus indicator.
 *
 * @fires {CustomEvent<CalloutSignInDetail>} callout-sign-in - Sign-in succeeded: `detail` has the
 *   provider and the account. Bubbles, composed.
 * @fires {CustomEvent<CalloutSignInDetail>} callout-sign-out - Sign-out finished: `detail` has the
 *   provider, no account. Bubbles, composed.
 *
 * @example
 * ```html
 * <callout-login provider="aad"></callout-login>
 * ```
 */
export class CalloutLogin extends CalloutElement {
  static override styles = [tokenStyles, buttonStyles, errorPanelStyles, calloutLoginStyles];

  static override properties = {
    provider: {},
    account: { attribute: false },
    busy: { attribute: false },
    needsInteraction: { attribute: false },
    failure: { attribute: false },
    linkOpened: { attribute: false },
  };

  /** Provider to sign in with; default: the only registered provider that supports sign-in. */
  provider = '';

  private account: Account | undefined;
  private busy = false;
  private needsInteraction = false;
  private failure: unknown;
  /** The sign-in page link was followed: the user is signing in in another tab. */
  private linkOpened = false;
  /** The client last listened to, as a number (see `identityOf`). */
  #listened = 0;

  constructor() {
    super();
    lookupOf(this).follow((callout) => this.#listen(callout));
  }

  /** The current state, mirrored to the `state` attribute. */
  get state(): CalloutLoginState {
    if (this.busy) return CalloutLoginState.signingIn;
    if (this.needsInteraction) return CalloutLoginState.interactionRequired;
    return this.account ? CalloutLoginState.signedIn : CalloutLoginState.signedOut;
  }

  /** Signs in with the provider. Call from a user gesture when it may open a popup. */
  async signIn(): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    try {
      const account = await clientOf(this).signIn(this.provider || undefined);
      this.account = account;
      this.needsInteraction = false;
      fire<CalloutSignInDetail>(this, 'callout-sign-in', { ...this.#providerDetail(), account });
    } catch (error) {
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }

  /** Signs out of the provider and forgets its tokens (in every tab). */
  async signOut(): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    try {
      await clientOf(this).signOut(this.provider || undefined);
      this.account = undefined;
      fire(this, 'callout-sign-out', this.#providerDetail());
    } catch (error) {
      this.failure = error;
    } finally {
      this.busy = false;
    }
  }

  protected override willUpdate(): void {
    if (!this.account) this.account = this.#currentAccount(clientOf(this));
  }

  protected override updated(): void {
    if (this.getAttribute('state') !== this.state) this.setAttribute('state', this.state);
  }

  protected override render(): TemplateResult {
    // Property bindings only (.ariaBusy, not aria-busy=): see CalloutElement on Lightning Web Security.
    return html`<div part="base" class="base" .ariaBusy=${this.busy ? 'true' : 'false'}>
      ${this.account && !this.needsInteraction ? this.#renderAccount(this.account) : this.#renderSignedOut()}
      ${
        this.failure === undefined
          ? nothing
          : html`<div class="error-row">${renderErrorPanel(describeError(this.failure))}</div>`
      }
    </div>`;
  }

  #renderAccount(account: Account): TemplateResult {
    return html`<span part="avatar" class="avatar" aria-hidden="true">${initialsOf(account.name, account.username)}</span>
      <span class="account">
        ${account.name ? html`<span part="name" class="name">${account.name}</span>` : nothing}
        <span part="username" class="username">${account.username}</span>
      </span>
      <button part="button sign-out-button" class="button" type="button" ?disabled=${this.busy}
        @click=${() => void this.signOut()}>Sign out</button>`;
  }

  #renderSignedOut(): TemplateResult {
    const label = this.needsInteraction ? 'Sign in to continue' : 'Sign in';
    const link = signInLinkOf(this.#signInProvider());
    const message = this.linkOpened
      ? 'Finish signing in in the new tab; this page continues by itself.'
      : this.needsInteraction
        ? 'Your session needs you to sign in again to continue.'
        : this.busy
          ? 'Signing in…'
          : 'You are not signed in.';
    if (link) {
      return html`<p part="message" class="message" role="status">${message}</p>
        ${renderSignInLink(link, label, () => {
          this.linkOpened = true;
        })}`;
    }
    return html`<p part="message" class="message" role="status">${message}</p>
      <button part="button sign-in-button" class="button brand" type="button" ?disabled=${this.busy}
        @click=${() => void this.signIn()}>${label}</button>`;
  }

  #listen(callout: Callout): () => void {
    const onAccount = (event: CustomEvent<{ provider: string; account?: Account }>) => {
      if (!this.#concerns(event.detail.provider)) return;
      this.account = event.detail.account;
      if (event.detail.account) {
        this.needsInteraction = false;
        this.linkOpened = false;
      }
    };
    const onInteraction = (event: CustomEvent<{ provider: string }>) => {
      if (this.#concerns(event.detail.provider)) this.needsInteraction = true;
    };
    // Another client (another context provider, a new default client) has its own account.
    if (identityOf(callout) !== this.#listened) this.account = this.#currentAccount(callout);
    this.#listened = identityOf(callout);
    callout.events.addEventListener('account', onAccount);
    callout.events.addEventListener('interaction-required', onInteraction);
    // Providers come and go (a <callout-msal> registers, changes, leaves): the button follows.
    const stopProviders = callout.providers.subscribe(() => this.requestUpdate());
    return () => {
      callout.events.removeEventListener('account', onAccount);
      callout.events.removeEventListener('interaction-required', onInteraction);
      stopProviders();
    };
  }

  #concerns(provider: string): boolean {
    return !this.provider || this.provider === provider;
  }

  /** The provider `signIn()` would use: `provider`, else the only registered one that can sign in. */
  #signInProvider(): AuthProvider | undefined {
    const providers = clientOf(this).providers;
    if (this.provider) return providers.get(this.provider);
    const able = providers.names().filter((name) => typeof providers.get(name)?.signIn === 'function');
    return able.length === 1 ? providers.get(able[0] ?? '') : undefined;
  }

  #currentAccount(callout: Callout): Account | undefined {
    const names = this.provider ? [this.provider] : callout.providers.names();
    for (const name of names) {
      const account = callout.providers.get(name)?.account;
      if (account) return account;
    }
    return undefined;
  }

  #providerDetail(): CalloutSignInDetail {
    return this.provider ? { provider: this.provider } : {};
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-login': CalloutLogin;
  }
  interface HTMLElementEventMap {
    'callout-sign-in': CustomEvent<CalloutSignInDetail>;
    'callout-sign-out': CustomEvent<CalloutSignInDetail>;
  }
}
