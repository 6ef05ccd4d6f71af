import { nothing, type TemplateResult } from 'lit';
import {
  type Callout,
  type CalloutError,
  CalloutErrorCode,
  isCalloutError,
  type ResolvedCredential,
} from '../../src/index.js';
import { errorPanelStyles, invalidOnlyStyles, tokenStyles } from '../shared/base.styles.js';
import { CalloutElement, clientOf } from '../shared/callout-element.js';
import { configurationView } from '../shared/describe-error.js';
import { renderErrorPanel } from '../shared/error-panel.js';
import { fire } from '../shared/fire.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';
import { logOnce } from '../shared/log-once.js';
import { allowedOriginsMetaName, pageAllowedOrigins } from '../shared/page-allowed-origins.js';
import { attributeOf, parseCredentialAttributes } from './credential-attributes.js';

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
 * @csspart error-message - The sentence naming the attribute.
 * @csspart error-hint - What to change.
 * @csspart error-details - The details toggle.
 *
 * @cssprop --callout-color-error - Error text and border.
 * @cssprop --callout-color-error-background - Error panel background.
 * @cssprop --callout-spacing - Panel padding.
 *
 * @fires {CustomEvent<{ credential?: ResolvedCredential; problem?: string }>} callout-credential-change - The credential was defined or removed; `detail.credential`
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
    problem: { attribute: false },
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

  private problem: InvalidAttribute | undefined;

  #registeredIn: Callout | undefined;
  #registered: ResolvedCredential | undefined;
  #reported = new Set<string>();
  /** Why the client refused the definition (a conflict, a disallowed origin), for the panel. */
  #refusal: CalloutError | undefined;
  /** The declaration the client refused, and in which client: not attempted again as is. */
  #refused: { client: Callout; attempt: string } | undefined;

  /** The credential as defined in the client, or `undefined` while invalid or disconnected. */
  get credential(): ResolvedCredential | undefined {
    return this.#registered;
  }

  /** The sentence describing the invalid attribute, or `undefined` when the attributes are valid. */
  get configurationError(): string | undefined {
    return this.problem?.describe(this.localName);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#refused = undefined;
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
    const refusal = this.#refusal;
    return renderErrorPanel(
      configurationView(
        this.problem.describe(this.localName),
        refusal?.hint ?? 'Fix the attribute named above; the credential is not registered until it is valid.',
        refusal?.code ?? CalloutErrorCode.invalidCredential,
      ),
    );
  }

  /** Brings the client's registry in line with the attributes (idempotent). */
  #sync(): void {
    if (!this.isConnected) return;
    const parsed = parseCredentialAttributes(this);
    if (parsed instanceof InvalidAttribute) {
      this.#fail(parsed);
      return;
    }
    const client = clientOf(this);
    const current = this.#registered;
    if (
      this.#registeredIn === client &&
      current &&
      client.credentials.get(current.name) === current &&
      sameDefinition(current, parsed.name, parsed.definition)
    ) {
      return;
    }
    const pageOrigins = pageAllowedOrigins();
    // A refused declaration is not retried by itself, or it would take the name over (and its
    // token) as soon as the first definition's owner leaves: only new attributes or a reconnect do.
    const attempt = JSON.stringify([parsed.name, parsed.definition, pageOrigins]);
    if (this.#refused?.client === client && this.#refused.attempt === attempt) return;
    this.#unregister();
    this.#refused = undefined;
    try {
      this.#registered = client.credentials.define(parsed.name, parsed.definition, {
        owner: this,
        ...(pageOrigins
          ? {
              allowedOrigins: pageOrigins,
              allowedOriginsSource: `the page's <meta name="${allowedOriginsMetaName}">`,
            }
          : {}),
      });
      this.#registeredIn = client;
      this.problem = undefined;
      this.#refusal = undefined;
      this.#changed();
    } catch (error) {
      const message = isCalloutError(error) || error instanceof Error ? error.message : String(error);
      const { attribute, value } = attributeOf(message, this);
      const reason = message.replace(
        /^Credential "[^"]*" (is invalid|is not allowed|has an invalid url ("(?:[^"\\]|\\.)*"|\S+)): /,
        '',
      );
      const refused = isCalloutError(error) && error.code !== CalloutErrorCode.invalidCredential;
      this.#fail(new InvalidAttribute({ attribute, value, problem: reason }), refused ? error : undefined);
      if (refused) this.#refused = { client, attempt };
    }
  }

  #fail(problem: InvalidAttribute, refusal?: CalloutError): void {
    this.#unregister();
    this.problem = problem;
    this.#refusal = refusal;
    logOnce(this.#reported, problem.describe(this.localName));
    this.#changed();
  }

  #unregister(): void {
    const client = this.#registeredIn;
    const current = this.#registered;
    this.#registeredIn = undefined;
    this.#registered = undefined;
    if (client && current && client.credentials.get(current.name) === current) {
      if (client.credentials.release(current.name, this)) this.#changed();
    }
  }

  #changed(): void {
    fire(this, 'callout-credential-change', {
      credential: this.#registered,
      problem: this.configurationError,
    });
  }
}

function sameDefinition(
  current: ResolvedCredential,
  name: string,
  definition: {
    url: string;
    provider: string;
    scopes: string[];
    refreshOn?: number[];
    timeout?: number | false;
  },
): boolean {
  return (
    current.name === name &&
    current.base.href ===
      new URL(definition.url.endsWith('/') ? definition.url : `${definition.url}/`).href &&
    current.provider === definition.provider &&
    current.scopes.join(' ') === definition.scopes.join(' ') &&
    current.refreshOn.join(' ') === (definition.refreshOn ?? [401]).join(' ') &&
    current.timeout === definition.timeout
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-credential': CalloutCredential;
  }
}
