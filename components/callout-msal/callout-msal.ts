import { nothing, type TemplateResult } from 'lit';
import { type Callout, CalloutErrorCode, isCalloutError } from '../../src/index.js';
import type { MsalAuthProvider, MsalProviderOptions } from '../../src/msal.js';
import { errorPanelStyles, invalidOnlyStyles, tokenStyles } from '../shared/base.styles.js';
import { CalloutElement, clientOf } from '../shared/callout-element.js';
import { configurationView, describeError } from '../shared/describe-error.js';
import { renderErrorPanel } from '../shared/error-panel.js';
import { fire } from '../shared/fire.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';
import { logOnce } from '../shared/log-once.js';
import { loadMsal } from './load-msal.js';
import { attributeOfMsalError, parseMsalAttributes } from './msal-attributes.js';

/** A provider being created: MSAL is loading for these attributes and this client. */
interface PendingLoad {
  client: Callout;
  signature: string;
  done: Promise<void>;
}

/**
 * Declares an Azure AD (Entra ID) provider with MSAL: creates `msalProvider(...)` from the
 * attributes and registers it under the element's `id` in the client (the nearest context
 * provider's, else the page's default), so `<callout-credential provider="…">` can use it.
 *
 * Timing: the attributes are checked synchronously when the element connects and whenever one
 * changes (`configurationError` is set right away). MSAL itself (`sso-callout/msal` and
 * `@azure/msal-browser`) is loaded with a dynamic `import()` the first time a valid element
 * connects — a separate chunk, so pages that never use this element never download MSAL — and
 * the provider is registered as soon as it has loaded.
 * `updateComplete` resolves only after that, and `callout-provider-change` fires. A load that was
 * overtaken (the attributes changed again, or the element disconnected) registers nothing.
 * Callouts declared before the provider is registered run by themselves once it is.
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
 * @csspart error-message - The sentence naming the attribute.
 * @csspart error-hint - What to change.
 * @csspart error-details - The details toggle.
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
    problem: { attribute: false },
    loadFailure: { attribute: false },
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

  private problem: InvalidAttribute | undefined;
  private loadFailure: unknown;

  /** `id` is the provider's name, so a change of it re-registers the provider. */
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: Lit's getter must run with this subclass as `this`.
    return [...super.observedAttributes, 'id'];
  }

  #registeredIn: Callout | undefined;
  #registeredAs: string | undefined;
  #provider: MsalAuthProvider | undefined;
  #signature: string | undefined;
  #pending: PendingLoad | undefined;
  /** The attempt that failed (MSAL did not load, or rejected the options): not retried as is. */
  #failed: { client: Callout; signature: string } | undefined;
  /** Bumped whenever a load in flight becomes outdated; a load registers only if it is current. */
  #generation = 0;
  #reported = new Set<string>();
  /** Between connectedCallback and disconnectedCallback (unlike `isConnected` during an upgrade). */
  #connected = false;

  /**
   * The name the provider is registered under in the client, or `undefined` while invalid,
   * loading or disconnected. The provider itself is not exposed: it hands out tokens (`getToken`),
   * and anyone who reaches the element could call it. Code that owns the client reaches it with
   * `callout.providers.get(name)`.
   */
  get registeredAs(): string | undefined {
    return this.#provider ? this.#registeredAs : undefined;
  }

  /** The sentence describing the invalid attribute (or the failed load of MSAL), or `undefined`. */
  get configurationError(): string | undefined {
    if (this.problem) return this.problem.describe(this.localName);
    return this.loadFailure === undefined ? undefined : this.#loadFailureMessage();
  }

  /**
   * Checks the attributes again at once (Lit has already set the property), so an invalid value is
   * reported synchronously and a load of MSAL for the old values is outdated before it completes.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'id') this.requestUpdate();
    if (this.#connected && old !== value) this.#sync();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connected = true;
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connected = false;
    this.#failed = undefined;
    this.#unregister();
  }

  /** Also waits for MSAL to load and the provider to be registered (or to fail). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending = this.#pending; pending; pending = this.#pending) {
      await pending.done;
      complete = (await super.getUpdateComplete()) && complete;
      if (this.#pending === pending) break;
    }
    return complete;
  }

  protected override willUpdate(): void {
    this.#sync();
  }

  protected override updated(): void {
    this.toggleAttribute('invalid', this.problem !== undefined || this.loadFailure !== undefined);
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.loadFailure !== undefined) {
      return renderErrorPanel({
        ...describeError(this.loadFailure),
        message: this.#loadFailureMessage(),
        hint: 'Serve the sso-callout/msal chunk next to the define entry (and allow it in CSP script-src); the element tries again when it reconnects or an attribute changes.',
      });
    }
    if (!this.problem) return nothing;
    return renderErrorPanel(
      configurationView(
        this.problem.describe(this.localName),
        'Fix the attribute named above; the provider is not registered until it is valid.',
      ),
    );
  }

  /**
   * Brings the client's providers in line with the attributes (idempotent): checks them now, and
   * starts loading MSAL to create the provider unless it is registered or loading already.
   */
  #sync(): void {
    if (!this.#connected) return;
    const parsed = parseMsalAttributes(this, this.msal);
    if (parsed instanceof InvalidAttribute) {
      this.#failed = undefined;
      this.#fail(parsed);
      return;
    }
    const client = clientOf(this);
    const signature = JSON.stringify([parsed.name, parsed.options]);
    if (
      this.#provider &&
      this.#registeredIn === client &&
      this.#signature === signature &&
      client.providers.get(parsed.name) === this.#provider
    ) {
      return;
    }
    for (const attempt of [this.#pending, this.#failed]) {
      if (attempt && attempt.client === client && attempt.signature === signature) return;
    }
    this.#unregister();
    this.#failed = undefined;
    this.problem = undefined;
    this.loadFailure = undefined;
    const generation = this.#generation;
    const done = loadMsal().then(
      ({ msalProvider }) => {
        if (generation !== this.#generation) return;
        this.#pending = undefined;
        this.#register(client, parsed.name, signature, () => msalProvider(parsed.options));
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#pending = undefined;
        this.#failed = { client, signature };
        this.loadFailure = error;
        logOnce(this.#reported, this.#loadFailureMessage());
        this.#changed();
      },
    );
    this.#pending = { client, signature, done };
  }

  #register(client: Callout, name: string, signature: string, create: () => MsalAuthProvider): void {
    try {
      const provider = create();
      client.providers.define(name, provider, { owner: this });
      this.#provider = provider;
      this.#registeredIn = client;
      this.#registeredAs = name;
      this.#signature = signature;
      this.#changed();
    } catch (error) {
      const message = isCalloutError(error) || error instanceof Error ? error.message : String(error);
      const conflict = isCalloutError(error) && error.code === CalloutErrorCode.providerConflict;
      const attribute = conflict
        ? this.hasAttribute('name')
          ? 'name'
          : 'id'
        : attributeOfMsalError(message);
      const value = this.getAttribute(attribute);
      this.#fail(new InvalidAttribute({ attribute, value, problem: message }));
      this.#failed = { client, signature };
    }
  }

  #loadFailureMessage(): string {
    return `<${this.localName}> could not load MSAL (sso-callout/msal): ${describeError(this.loadFailure).message}`;
  }

  #fail(problem: InvalidAttribute): void {
    this.#unregister();
    this.problem = problem;
    this.loadFailure = undefined;
    logOnce(this.#reported, problem.describe(this.localName));
    this.#changed();
  }

  /** Removes the registered provider and makes any load in flight outdated. */
  #unregister(): void {
    this.#generation++;
    this.#pending = undefined;
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
    fire(this, 'callout-provider-change', { provider: this.registeredAs, problem: this.configurationError });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-msal': CalloutMsal;
  }
}
