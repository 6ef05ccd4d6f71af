/**
 * `sso-callout/msal`: the Azure AD (Entra ID) provider. The only entry that loads
 * `@azure/msal-browser`, so pages using other providers do not pay for it.
 */

export {
  type MsalCacheLocation,
  MsalInteraction,
  type MsalProviderOptions,
} from './providers/msal-options.js';
export {
  type MsalAuthProvider,
  msalProvider,
} from './providers/msal-provider.js';
