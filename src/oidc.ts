/**
 * `sso-callout/oidc`: the provider for any OpenID Connect identity provider. The only entry that
 * loads oidc-client-ts, so pages using other providers do not pay for it. Its modules are in
 * `oidc/`, one per job (`oidc/provider.ts` wires them). The callback page's script is
 * `sso-callout/oidc-callback`.
 */

export {
  OidcInteraction,
  type OidcProviderOptions,
  type OidcSignInOptions,
  type OidcStore,
} from './oidc/options.js';
export { type OidcAuthProvider, oidcProvider } from './oidc/provider.js';
