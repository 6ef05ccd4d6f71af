import { nothing, type TemplateResult } from 'lit';
import { CalloutErrorCode } from '../../src/index.js';
import type { MsalProviderOptions } from '../../src/msal.js';
import { errorPanelStyles, invalidOnlyStyles, tokenStyles } from '../shared/base.styles.js';
import { CalloutElement } from '../shared/callout-element.js';
import { configurationView, describeError } from '../shared/describe-error.js';
import { renderErrorPanel } from '../shared/error-panel.js';
import { fire } from '../shared/fire.js';
import { Registration } from '../shared/registration.js';
import { userMessageOf } from '../shared/user-messages.js';
import { type MsalDeclaration, type MsalRegistered, msalRegistration } from './msal-registration.js';

/**
 * Declares an Azure AD (Entra ID) provider with MSAL: creates `msalProvider(...)` from the
 * attributes and registers it under the element's `id` in the client (the nearest context
 * provider's, else the page's default), so `<callout-credential provider="…">` can use it.
 *
 * Timing: the attributes are checked synchronously when the element connects and whenever one
 * changes (`configurationError` is set right away), and a valid declaration registers the
 * provider at once, then fires `callout-provider-change`. MSAL itself (`sso-callout/msal` and
 * `@azure/msal-browser`) is loaded with a dynamic `import()` the first time a valid element
 * connects — a separate chunk, so pages that never use this element never download MSAL — and
 * until it has loaded, the registered provider is a stand-in whose token requests, sign-in and
 * sign-out wait for it: callouts through it wait rather than fail, and ask once.
 * `updateComplete` resolves only after MSAL has loaded and the provider was created (or failed).
 * A load that was overtaken (the attributes changed again, or the element disconnected) creates
 * nothing. Callouts declared before the provider is registered run by themselves once it is.
 *
 * When an attribute changes, the old provider is removed at once (the client forgets its tokens)
 * and a new one is registered; when the element disconnects, its provider is removed. An invalid
 * attribute (missing `client-id`, an `http:` authority, a redirect URI on another origin …) shows a
 * visible error naming the attribute and logs it with `console.error`; so does a failed load of
 * MSAL. Otherwise the element takes no space.
 *
 * @summary Declarative Azure AD (MSAL) auth provider.
 *
 * @tagname callout-msal
 *
 * @attr {string} id - The provider's name, used by `<callout-credential provider="…">`. Required unless `name` is set.
 * @attr {string} name - The provider's name instead of `id` (use it inside LWC templates, whose synthetic shadow rewrites ids).
 *
 * @csspart error - The configuration error panel (only when an attribute is invalid or MSAL failed to load).
 * @csspart error-message - What the user reads (the page is not set up correctly).
 * @csspart error-details - The details toggle, for developers.
 * @csspart error-developer-message - Inside the details: the sentence naming the attribute.
 * @csspart error-hint - Inside the details: what to change.
 *
 * @cssprop --callout-color-error - Error text and border.
 * @cssprop --callout-color-error-background - Error panel background.
 *
 * @fires {CustomEvent<{ provider?: string; problem?: string }>} callout-provider-change - The provider was registered, replaced or removed;
 *   `detail.provider` is the name it is registered under (or `undefined`), `detail.problem` the
 *   error sentence. The event bubbles out of shadow roots, so it never carries the provider.
 *
 * @example
 * ```html
 * <callout-msal id="aad" client-id="11111111-2222-3333-4444-555555555555"
 *               authority="https://login.microsoftonline.com/contoso.onmicrosoft.com"
 *               login-hint="jane@contoso.com" interaction="popup"
 *               scopes="api://orders/Orders.Read"></callout-msal>
 * ```
 */
export class CalloutMsal extends CalloutElement {
  static override styles = [tokenStyles, errorPanelStyles, invalidOnlyStyles];

  static override properties = {
    name: {},
    clientId: { attribute: 'client-id' },
    authority: {},
    tenant: {},
    redirectUri: { attribute: 'redirect-uri' },
    loginHint: { attribute: 'login-hint' },
    domainHint: { attribute: 'domain-hint' },
    sid: {},
    interaction: {},
    scopes: {},
    cache: {},
    clientCapabilities: { attribute: 'client-capabilities' },
    signInPage: { attribute: 'sign-in-page' },
    lwsNamespace: { attribute: 'lws-namespace' },
    msal: { attribute: false },
  };

  /**
   * The provider's name, when it cannot be the element's `id` — LWC's synthetic shadow rewrites
   * ids in templates (`aad` becomes `aad-12`), so inside Lightning components use `name`.
   */
  name: string | null = null;

  /** Application (client) id of the SPA app registration. */
  clientId: string | null = null;

  /** `https://login.microsoftonline.com/<tenant>`; default built from `tenant`. */
  authority: string | null = null;

  /** Tenant id or domain, used when `authority` is absent. */
  tenant: string | null = null;

  /** Same-origin page that hands Azure AD's answer back (default `<origin>/redirect.html`). */
  redirectUri: string | null = null;

  /** The host page's user (UPN or email), for silent SSO. */
  loginHint: string | null = null;

  /** Home realm hint for interactive sign-in. */
  domainHint: string | null = null;

  /** Azure AD session id, an alternative to `login-hint`. */
  sid: string | null = null;

  /** `popup` (default), `redirect` or `none`. */
  interaction: string | null = null;

  /**
   * API scopes separated by spaces, requested at interactive sign-in in addition to `openid` and
   * `profile`, so the user consents to the API up front.
   */
  scopes: string | null = null;

  /** Where MSAL caches: `memory`, `session` (default) or `local`. */
  cache: string | null = null;

  /** Client capabilities separated by spaces, such as `CP1` for Continuous Access Evaluation. */
  clientCapabilities: string | null = null;

  /**
   * Inside Salesforce Lightning Web Security: URL of the static resource's `sign-in.html`. Popups
   * cannot open there, so `<callout-login>` and `<callout-get>` show a link to this page instead.
   */
  signInPage: string | null = null;

  /** Inside Lightning Web Security: the components' namespace (`c` unless in a managed package). */
  lwsNamespace: string | null = null;

  /** MSAL configuration passthrough (knownAuthorities, authorityMetadata, system …); property only. */
  msal: MsalProviderOptions['msal'];

  /** `id` is the provider's name, so a change of it re-registers the provider. */
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: Lit's getter must run with this subclass as `this`.
    return [...super.observedAttributes, 'id'];
  }

  readonly #registration: Registration<MsalDeclaration, MsalRegistered> = new Registration(
    this,
    msalRegistration(this, {
      changed: () =>
        fire(this, 'callout-provider-change', {
          provider: this.registeredAs,
          problem: this.configurationError,
        }),
      failed: (registered, problem, error) => this.#registration.fail(registered, problem, error),
    }),
  );

  /**
   * The name the provider is registered under in the client (from the moment the attributes are
   * valid, while MSAL still loads), or `undefined` while invalid or disconnected. The provider
   * itself is not exposed: it hands out tokens (`getToken`), and anyone who reaches the element
   * could call it. Code that owns the client reaches it with `callout.providers.get(name)`.
   */
  get registeredAs(): string | undefined {
    return this.#registration.current?.name;
  }

  /** The sentence describing the invalid attribute (or the failed load of MSAL), or `undefined`. */
  get configurationError(): string | undefined {
    const problem = this.#registration.problem;
    if (problem) return problem.describe(this.localName);
    return this.#registration.error === undefined ? undefined : this.#loadFailureMessage();
  }

  /**
   * Checks the attributes again at once (Lit has already set the property), so an invalid value is
   * reported synchronously and a load of MSAL for the old values is outdated before it completes.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'id') this.requestUpdate();
    if (old !== value) this.#registration.sync();
  }

  /** Also waits for MSAL to load and the provider to be created (or to fail). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let current = this.#registration.current; current; current = this.#registration.current) {
      await current.ready;
      complete = (await super.getUpdateComplete()) && complete;
      if (this.#registration.current === current) break;
    }
    return complete;
  }

  protected override render(): TemplateResult | typeof nothing {
    const problem = this.#registration.problem;
    if (problem) {
      return renderErrorPanel(
        configurationView(
          problem.describe(this.localName),
          'Fix the attribute named above; the provider is not registered until it is valid.',
        ),
      );
    }
    if (this.#registration.error === undefined) return nothing;
    return renderErrorPanel({
      ...describeError(this.#registration.error),
      userMessage: userMessageOf(CalloutErrorCode.configurationError),
      message: this.#loadFailureMessage(),
      hint: 'Serve the sso-callout/msal chunk next to the define entry (and allow it in CSP script-src); the element tries again when it reconnects or an attribute changes.',
    });
  }

  #loadFailureMessage(): string {
    return `<${this.localName}> could not load MSAL (sso-callout/msal): ${describeError(this.#registration.error).message}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-msal': CalloutMsal;
  }
}
