import { nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type Callout, CalloutErrorCode, isCalloutError } from '../../src/index.js';
import { type MsalAuthProvider, type MsalProviderOptions, msalProvider } from '../../src/msal.js';
import { errorPanelStyles, tokenStyles } from '../shared/base.styles.js';
import { CalloutElement } from '../shared/callout-element.js';
import { renderErrorPanel } from '../shared/error-panel.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';
import { calloutMsalStyles } from './callout-msal.styles.js';
import { attributeOfMsalError, type MsalAttributes, parseMsalAttributes } from './msal-attributes.js';

/**
 * Declares an Azure AD (Entra ID) provider with MSAL: creates `msalProvider(...)` from the
 * attributes and registers it under the element's `id` in the client (the nearest context
 * provider's, else the page's default), so `<callout-credential provider="…">` can use it.
 *
 * When an attribute changes, a new provider replaces the old one (the client forgets the old
 * one's tokens); when the element disconnects, its provider is removed. An invalid attribute
 * (missing `client-id`, an `http:` authority, a redirect URI on another origin …) shows a visible
 * error naming the attribute and logs it with `console.error`; otherwise the element takes no space.
 *
 * Put it before the credentials and callouts that use it: a callout that runs before its provider
 * is registered fails with `invalid_credential` until it is refreshed.
 *
 * @summary Declarative Azure AD (MSAL) auth provider.
 *
 * @csspart error - The configuration error panel (only when an attribute is invalid).
 * @csspart error-message - The sentence naming the attribute.
 * @csspart error-hint - What to change.
 * @csspart error-details - The details toggle.
 *
 * @cssprop --callout-color-error - Error text and border.
 * @cssprop --callout-color-error-background - Error panel background.
 *
 * @fires callout-provider-change - The provider was registered, replaced or removed;
 *   `detail.provider` is the new provider (or `undefined`), `detail.problem` the error sentence.
 *
 * @example
 * ```html
 * <callout-msal id="aad" client-id="11111111-2222-3333-4444-555555555555"
 *               authority="https://login.microsoftonline.com/contoso.onmicrosoft.com"
 *               login-hint="jane@contoso.com" interaction="popup"></callout-msal>
 * ```
 */
export class CalloutMsal extends CalloutElement {
  static override styles = [tokenStyles, errorPanelStyles, calloutMsalStyles];

  /** Application (client) id of the SPA app registration. */
  @property({ attribute: 'client-id' }) clientId: string | null = null;

  /** `https://login.microsoftonline.com/<tenant>`; default built from `tenant`. */
  @property() authority: string | null = null;

  /** Tenant id or domain, used when `authority` is absent. */
  @property() tenant: string | null = null;

  /** Same-origin page that hands Azure AD's answer back (default `<origin>/redirect.html`). */
  @property({ attribute: 'redirect-uri' }) redirectUri: string | null = null;

  /** The host page's user (UPN or email), for silent SSO. */
  @property({ attribute: 'login-hint' }) loginHint: string | null = null;

  /** Home realm hint for interactive sign-in. */
  @property({ attribute: 'domain-hint' }) domainHint: string | null = null;

  /** Azure AD session id, an alternative to `login-hint`. */
  @property() sid: string | null = null;

  /** `popup` (default), `redirect` or `none`. */
  @property() interaction: string | null = null;

  /** Where MSAL caches: `memory`, `session` (default) or `local`. */
  @property() cache: string | null = null;

  /** Client capabilities separated by spaces, such as `CP1` for Continuous Access Evaluation. */
  @property({ attribute: 'client-capabilities' }) clientCapabilities: string | null = null;

  /** MSAL configuration passthrough (knownAuthorities, authorityMetadata, system …); property only. */
  @property({ attribute: false }) msal: MsalProviderOptions['msal'];

  @state() private problem: InvalidAttribute | undefined;

  /** `id` is the provider's name, so a change of it re-registers the provider. */
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: Lit's getter must run with this subclass as `this`.
    return [...super.observedAttributes, 'id'];
  }

  #registeredIn: Callout | undefined;
  #registeredAs: string | undefined;
  #provider: MsalAuthProvider | undefined;
  #signature: string | undefined;
  #reported = new Set<string>();

  /** The registered provider, or `undefined` while invalid or disconnected. */
  get authProvider(): MsalAuthProvider | undefined {
    return this.#provider;
  }

  /** The sentence describing the invalid attribute, or `undefined`. */
  get configurationError(): string | undefined {
    return this.problem?.describe(this.localName);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'id') this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unregister();
  }

  protected override willUpdate(): void {
    this.#sync();
  }

  protected override updated(): void {
    this.toggleAttribute('invalid', this.problem !== undefined);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.problem) return nothing;
    return renderErrorPanel({
      message: this.problem.describe(this.localName),
      hint: 'Fix the attribute named above; the provider is not registered until it is valid.',
      code: CalloutErrorCode.configurationError,
      interactionRequired: false,
    });
  }

  #attributes(): MsalAttributes {
    return {
      id: this.id,
      clientId: this.clientId,
      authority: this.authority,
      tenant: this.tenant,
      redirectUri: this.redirectUri,
      loginHint: this.loginHint,
      domainHint: this.domainHint,
      sid: this.sid,
      interaction: this.interaction,
      cache: this.cache,
      clientCapabilities: this.clientCapabilities,
    };
  }

  /** Brings the client's providers in line with the attributes (idempotent). */
  #sync(): void {
    if (!this.isConnected) return;
    const parsed = parseMsalAttributes(this.#attributes(), this.msal);
    if (parsed instanceof InvalidAttribute) {
      this.#fail(parsed);
      return;
    }
    const client = this.client;
    const signature = JSON.stringify([parsed.name, parsed.options]);
    if (
      this.#provider &&
      this.#registeredIn === client &&
      this.#signature === signature &&
      client.providers.get(parsed.name) === this.#provider
    ) {
      return;
    }
    this.#unregister();
    try {
      const provider = msalProvider(parsed.options);
      client.providers.define(parsed.name, provider);
      this.#provider = provider;
      this.#registeredIn = client;
      this.#registeredAs = parsed.name;
      this.#signature = signature;
      this.problem = undefined;
      this.#changed();
    } catch (error) {
      const message = isCalloutError(error) || error instanceof Error ? error.message : String(error);
      const attribute = attributeOfMsalError(message);
      const value = this.getAttribute(attribute);
      this.#fail(new InvalidAttribute({ attribute, value, problem: message }));
    }
  }

  #fail(problem: InvalidAttribute): void {
    this.#unregister();
    this.problem = problem;
    const message = problem.describe(this.localName);
    if (!this.#reported.has(message)) {
      this.#reported.add(message);
      console.error(message);
    }
    this.#changed();
  }

  #unregister(): void {
    const client = this.#registeredIn;
    const name = this.#registeredAs;
    const provider = this.#provider;
    this.#registeredIn = undefined;
    this.#registeredAs = undefined;
    this.#provider = undefined;
    this.#signature = undefined;
    if (client && name && provider && client.providers.get(name) === provider) {
      client.providers.delete(name);
      this.#changed();
    }
  }

  #changed(): void {
    this.dispatchEvent(
      new CustomEvent('callout-provider-change', {
        detail: { provider: this.#provider, problem: this.configurationError },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-msal': CalloutMsal;
  }
}
