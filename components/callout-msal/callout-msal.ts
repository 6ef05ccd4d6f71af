import type { MsalProviderOptions } from '../../src/msal.js';
import type { LazyProviderSpec } from '../shared/lazy-provider-registration.js';
import { ProviderElement } from '../shared/provider-element.js';
import { msalSpec } from './msal-registration.js';

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
 * @fires {CustomEvent<CalloutProviderChangeDetail>} callout-provider-change - The provider was registered, replaced or removed;
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
export class CalloutMsal extends ProviderElement<MsalProviderOptions> {
  static override properties = {
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
    nestedAppAuth: { attribute: false },
    platformBroker: { attribute: 'platform-broker' },
    msal: { attribute: false },
  };

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

  /**
   * Teams tabs and Outlook/Office add-ins (property only): `nestedAppAuth` of
   * `sso-callout/nested-app-auth`, so tokens come from the host when the page runs in one.
   */
  nestedAppAuth: MsalProviderOptions['nestedAppAuth'];

  /**
   * Present (`platform-broker`, no value) turns on the device's platform broker (Windows: Edge's
   * DOM API or the Windows Accounts extension): silent tokens without third-party cookies for
   * the broker's account. Entra ID only; see docs/msal.md.
   */
  platformBroker: string | null = null;

  /** MSAL configuration passthrough (knownAuthorities, authorityMetadata, system …); property only. */
  msal: MsalProviderOptions['msal'];

  protected readonly library = 'MSAL';

  protected readonly entry = 'sso-callout/msal';

  protected providerSpec(): LazyProviderSpec<MsalProviderOptions> {
    return msalSpec(this, (option) => this.blame(option, 'client-id'));
  }
}

export type { CalloutProviderChangeDetail } from '../shared/provider-element.js';

declare global {
  interface HTMLElementTagNameMap {
    'callout-msal': CalloutMsal;
  }
}
