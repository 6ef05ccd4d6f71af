import { nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { CalloutErrorCode } from '../../src/index.js';
import { errorPanelStyles, invalidOnlyStyles, tokenStyles } from './base.styles.js';
import { CalloutElement } from './callout-element.js';
import { configurationView, describeError } from './describe-error.js';
import { attributeForOption } from './error-option.js';
import { renderErrorPanel } from './error-panel.js';
import { fire } from './fire.js';
import {
  type LazyProviderSpec,
  lazyProviderRegistration,
  type ProviderDeclaration,
  type ProviderRegistered,
} from './lazy-provider-registration.js';
import { Registration } from './registration.js';
import { userMessageOf } from './user-messages.js';

/**
 * Base class of the elements that declare a provider whose library loads on demand
 * (`<callout-msal>`, `<callout-oidc>`): registers the provider under the element's `name` or
 * `id` in its client, a stand-in at once and the real provider once its module has loaded
 * (see `lazyProviderRegistration`); re-registers it when an attribute, the `id` or the client
 * changes; removes it when the element disconnects; shows and logs an invalid attribute or a
 * failed load. `updateComplete` resolves only after the module has loaded and the provider was
 * created (or failed). Subclasses say how to read their attributes and load their provider
 * ({@link providerSpec}) and which library and entry they load ({@link library}, {@link entry}).
 *
 * @fires {CustomEvent<CalloutProviderChangeDetail>} callout-provider-change - The provider was registered, replaced or removed.
 */
export abstract class ProviderElement<O> extends CalloutElement {
  static override styles = [tokenStyles, errorPanelStyles, invalidOnlyStyles];

  static override properties: PropertyDeclarations = { name: {} };

  /**
   * The provider's name, when it cannot be the element's `id` — LWC's synthetic shadow rewrites
   * ids in templates (`aad` becomes `aad-12`), so inside Lightning components use `name`.
   */
  name: string | null = null;

  /** `id` is the provider's name, so a change of it re-registers the provider. */
  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: Lit's getter must run with this subclass as `this`.
    return [...super.observedAttributes, 'id'];
  }

  readonly #registration: Registration<ProviderDeclaration<O>, ProviderRegistered> = new Registration(
    this,
    lazyProviderRegistration(this, this.providerSpec(), {
      changed: () =>
        fire<CalloutProviderChangeDetail>(this, 'callout-provider-change', {
          provider: this.registeredAs,
          problem: this.configurationError,
        }),
      failed: (registered, problem, error) => this.#registration.fail(registered, problem, error),
    }),
  );

  /**
   * How this element reads its attributes and creates its provider. Called once, while the
   * element is constructed: what it returns may read the element's properties only when called.
   */
  protected abstract providerSpec(): LazyProviderSpec<O>;

  /** The library the provider is built on, for the load-failure message: `MSAL`. */
  protected abstract readonly library: string;

  /** The package entry the provider comes from (a chunk loaded on demand): `sso-callout/msal`. */
  protected abstract readonly entry: string;

  /**
   * The name the provider is registered under in the client (from the moment the attributes are
   * valid, while its module still loads), or `undefined` while invalid or disconnected. The
   * provider itself is not exposed: it hands out tokens (`getToken`), and anyone who reaches the
   * element could call it. Code that owns the client reaches it with `callout.providers.get(name)`.
   */
  get registeredAs(): string | undefined {
    return this.#registration.current?.name;
  }

  /** The sentence describing the invalid attribute (or the failed load of the module), or `undefined`. */
  get configurationError(): string | undefined {
    const problem = this.#registration.problem;
    if (problem) return problem.describe(this.localName);
    return this.#registration.error === undefined ? undefined : this.#loadFailureMessage();
  }

  /**
   * Checks the attributes again at once (Lit has already set the property), so an invalid value is
   * reported synchronously and a load for the old values is outdated before it completes.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'id') this.requestUpdate();
    if (old !== value) this.#registration.sync();
  }

  /** Also waits for the module to load and the provider to be created (or to fail). */
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
      hint: `Serve the ${this.entry} chunk next to the define entry (and allow it in CSP script-src); the element tries again when it reconnects or an attribute changes.`,
    });
  }

  /**
   * The attribute a provider option names (`clientId` → `client-id`), else `fallback`; the
   * provider's name is `name` when set, else `id`.
   */
  protected blame(option: string | undefined, fallback: string): { attribute: string; value: string | null } {
    if (option === 'name' && !this.name) return { attribute: 'id', value: this.id };
    return attributeForOption(this, option, fallback);
  }

  #loadFailureMessage(): string {
    return `<${this.localName}> could not load ${this.library} (${this.entry}): ${describeError(this.#registration.error).message}`;
  }
}

/** `detail` of `callout-provider-change`. */
export interface CalloutProviderChangeDetail {
  /** The name the provider is registered under; absent while invalid or removed. */
  provider?: string;
  /** What is wrong with the declaration, when it is invalid or refused. */
  problem?: string;
}

declare global {
  interface HTMLElementEventMap {
    'callout-provider-change': CustomEvent<CalloutProviderChangeDetail>;
  }
}
