/**
 * `sso-callout/msal`: the Azure AD (Entra ID) provider. The only entry that loads
 * `@azure/msal-browser`, so pages using other providers do not pay for it. Its Lightning Web
 * Security adaptations are a further chunk, loaded only inside LWS (see `msalProvider`). The
 * provider's modules are in `msal/`, one per job (`msal/provider.ts` wires them).
 */

export {
  type MsalCacheLocation,
  MsalInteraction,
  type MsalLwsMode,
  type MsalNestedAppAuth,
  type MsalProviderOptions,
  type MsalSignInOptions,
} from './msal/options.js';
export {
  type MsalAuthProvider,
  msalProvider,
} from './msal/provider.js';
