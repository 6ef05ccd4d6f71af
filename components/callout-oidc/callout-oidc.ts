import { expectedTokenEndpoints } from '../../src/oidc/check-options.js';
import type { OidcProviderOptions } from '../../src/oidc.js';
import type { LazyProviderSpec } from '../shared/lazy-provider-registration.js';
import { ProviderElement } from '../shared/provider-element.js';
import { loadOidc } from './load-oidc.js';
import { parseOidcAttributes } from './oidc-attributes.js';

/**
 * Declares an OpenID Connect provider (Okta, Auth0, Ping, Keycloak, Salesforce as identity
 * provider …): creates `oidcProvider(...)` from the attributes and registers it under the
 * element's `id` in the client (the nearest context provider's, else the page's default), so
 * `<callout-credential provider="…">` can use it. It mirrors `<callout-msal>`.
 *
 * Timing: the attributes are checked synchronously when the element connects and whenever one
 * changes (`configurationError` is set right away), and a valid declaration registers the
 * provider at once, then fires `callout-provider-change`. oidc-client-ts (`sso-callout/oidc`) is
 * loaded with a dynamic `import()` the first time a valid element connects — a chunk of its own,
 * so pages that never use this element never download it — and until it has loaded, the
 * registered provider is a stand-in whose token requests, sign-in and sign-out wait for it.
 * `updateComplete` resolves only after the library has loaded and the provider was created (or
 * failed). When an attribute changes, the old provider is removed (the client forgets its tokens)
 * and a new one registered; when the element disconnects, its provider is removed. An invalid
 * attribute shows a visible error naming it and logs it with `console.error`; otherwise the
 * element takes no space.
 *
 * @summary Declarative OpenID Connect auth provider.
 *
 * @tagname callout-oidc
 *
 * @attr {string} id - The provider's name, used by `<callout-credential provider="…">`. Required unless `name` is set.
 * @attr {string} name - The provider's name instead of `id` (use it inside LWC templates, whose synthetic shadow rewrites ids).
 *
 * @csspart error - The configuration error panel (only when an attribute is invalid or the library failed to load).
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
 * <callout-oidc id="okta" authority="https://contoso.okta.com/oauth2/default" client-id="0oa1b2c3d4"
 *               scopes="profile offline_access orders.read" login-hint="jane@contoso.com"></callout-oidc>
 * ```
 */
export class CalloutOidc extends ProviderElement<OidcProviderOptions> {
  static override properties = {
    authority: {},
    clientId: { attribute: 'client-id' },
    redirectUri: { attribute: 'redirect-uri' },
    returnUri: { attribute: 'return-uri' },
    postLogoutRedirectUri: { attribute: 'post-logout-redirect-uri' },
    loginHint: { attribute: 'login-hint' },
    interaction: {},
    scopes: {},
    store: {},
    signOutScope: { attribute: 'sign-out-scope' },
    oidc: { attribute: false },
  };

  /** The issuer URL, where `/.well-known/openid-configuration` is found. */
  authority: string | null = null;

  /** The client id of this app at the identity provider (a public client with PKCE). */
  clientId: string | null = null;

  /** The callback page for popup and iframe answers (default `<origin>/oidc-callback.html`). */
  redirectUri: string | null = null;

  /** With `interaction="redirect"`: the page the identity provider returns to (default this page). */
  returnUri: string | null = null;

  /** Where a global sign-out returns to (default `redirect-uri`). */
  postLogoutRedirectUri: string | null = null;

  /** The host page's user (username or email), sent as `login_hint`. */
  loginHint: string | null = null;

  /** `popup` (default), `redirect` or `none`. */
  interaction: string | null = null;

  /** Scopes asked for at sign-in besides `openid`, separated by spaces (default `profile offline_access`). */
  scopes: string | null = null;

  /** Where oidc-client-ts keeps the user: `memory` (default), `session` or `local`. */
  store: string | null = null;

  /** `local` (default) or `global` (also ends the identity provider's session). */
  signOutScope: string | null = null;

  /** oidc-client-ts `UserManager` settings passthrough (`metadata`, `extraQueryParams` …); property only. */
  oidc: OidcProviderOptions['oidc'];

  protected readonly library = 'oidc-client-ts';

  protected readonly entry = 'sso-callout/oidc';

  protected providerSpec(): LazyProviderSpec<OidcProviderOptions> {
    return {
      read: () => parseOidcAttributes(this, this.oidc),
      load: async () => (await loadOidc()).oidcProvider,
      tokenEndpoints: expectedTokenEndpoints,
      blame: (option) => this.blame(option, 'client-id'),
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-oidc': CalloutOidc;
  }
}
