import { nothing, type TemplateResult } from 'lit';
import { CalloutErrorCode, isCalloutError, type ResolvedCredential } from '../../src/index.js';
import { errorPanelStyles, invalidOnlyStyles, tokenStyles } from '../shared/base.styles.js';
import { CalloutElement } from '../shared/callout-element.js';
import { configurationView } from '../shared/describe-error.js';
import { renderErrorPanel } from '../shared/error-panel.js';
import { fire } from '../shared/fire.js';
import { Registration } from '../shared/registration.js';
import { type CredentialDeclaration, credentialRegistration } from './credential-registration.js';

/**
 * Declares a named credential: `callout:Name/path` then resolves below `url`, with a token from
 * `provider` for `scopes`. The credential is defined in the client (the nearest context
 * provider's, else the page's default) when the element connects, redefined when an attribute
 * changes (requests through it re-run), and deleted when the element disconnects.
 *
 * An invalid attribute is never a silent failure: the element becomes visible with an error panel
 * naming the attribute, logs `console.error` with the same sentence once, and removes any earlier
 * definition of that name it made. Otherwise it takes no space.
 *
 * Markup cannot widen trust. A name keeps its first definition: a second element (or code)
 * declaring it with another URL, scopes or provider is refused (`credential_conflict`: the element
 * is `invalid`, shows the error, logs it once, and the client fires `error`) until the first
 * definition is removed by its owner — its element disconnects, or code calls
 * `callout.credentials.delete(name)`. An identical declaration is accepted and shares the
 * definition, which stays until the last declaring element disconnects. When the page's `<head>`
 * has `<meta name="sso-callout-allowed-origins" content="https://api.contoso.com …">`, a credential
 * on another origin is refused the same way (`origin_not_allowed`); so is one outside the client's
 * `allowedOrigins`. Markup in the body cannot declare or change that list (see
 * `pageAllowedOrigins`).
 *
 * @summary Declarative named credential (Salesforce's Named Credential, in the browser).
 *
 * @tagname callout-credential
 *
 * @csspart error - The configuration error panel (only when an attribute is invalid).
 * @csspart error-message - What the user reads (the page is not set up correctly).
 * @csspart error-details - The details toggle, for developers.
 * @csspart error-developer-message - Inside the details: the sentence naming the attribute.
 * @csspart error-hint - Inside the details: what to change.
 *
 * @cssprop --callout-color-error - Error text and border.
 * @cssprop --callout-color-error-background - Error panel background.
 * @cssprop --callout-spacing - Panel padding.
 *
 * @fires {CustomEvent<CalloutCredentialChangeDetail>} callout-credential-change - The credential was defined or removed; `detail.credential`
 *   is the definition (or `undefined`), `detail.problem` the invalid attribute's sentence.
 *
 * @example
 * ```html
 * <callout-credential name="Orders" provider="aad" url="https://api.contoso.com/v1/"
 *                     scopes="api://orders/Orders.Read" refresh-on="401 403"></callout-credential>
 * ```
 */
export class CalloutCredential extends CalloutElement {
  static override styles = [tokenStyles, errorPanelStyles, invalidOnlyStyles];

  static override properties = {
    name: { reflect: true },
    url: {},
    provider: {},
    scopes: {},
    refreshOn: { attribute: 'refresh-on' },
    timeout: {},
  };

  /** Name used in `callout:Name/path`: letters, digits, `_`, `-`, starting with a letter. */
  name: string | null = null;

  /** Absolute API base URL; paths resolve strictly below it. */
  url: string | null = null;

  /** Name of the auth provider (a `<callout-msal>` id, or a provider registered in code). */
  provider: string | null = null;

  /** Scopes, separated by spaces or commas. */
  scopes: string | null = null;

  /** Statuses that make the client refresh the token and retry once, such as `401 403`. Default `401`. */
  refreshOn: string | null = null;

  /** Per-attempt timeout in milliseconds. */
  timeout: string | null = null;

  readonly #registration: Registration<CredentialDeclaration, ResolvedCredential> = new Registration(
    this,
    credentialRegistration(this, () =>
      fire<CalloutCredentialChangeDetail>(this, 'callout-credential-change', {
        credential: this.credential,
        problem: this.configurationError,
      }),
    ),
  );

  /** The credential as defined in the client, or `undefined` while invalid or disconnected. */
  get credential(): ResolvedCredential | undefined {
    return this.#registration.current;
  }

  /** The sentence describing the invalid attribute, or `undefined` when the attributes are valid. */
  get configurationError(): string | undefined {
    return this.#registration.problem?.describe(this.localName);
  }

  protected override render(): TemplateResult | typeof nothing {
    const problem = this.#registration.problem;
    if (!problem) return nothing;
    // Why the client refused a valid declaration (a conflict, a disallowed origin), if it did.
    const error = this.#registration.error;
    const refusal =
      isCalloutError(error) && error.code !== CalloutErrorCode.invalidCredential ? error : undefined;
    return renderErrorPanel(
      configurationView(
        problem.describe(this.localName),
        refusal?.hint ?? 'Fix the attribute named above; the credential is not registered until it is valid.',
        refusal?.code ?? CalloutErrorCode.invalidCredential,
      ),
    );
  }
}

/** `detail` of `callout-credential-change`. */
export interface CalloutCredentialChangeDetail {
  /** The credential as defined now; absent while invalid or removed. */
  credential?: ResolvedCredential;
  /** What is wrong with the declaration, when it is invalid or refused. */
  problem?: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-credential': CalloutCredential;
  }
  interface HTMLElementEventMap {
    'callout-credential-change': CustomEvent<CalloutCredentialChangeDetail>;
  }
}
