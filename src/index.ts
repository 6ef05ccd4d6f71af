/**
 * sso-callout core: named credentials, the shared token store and the callout client.
 * Framework-agnostic; the MSAL provider lives in `sso-callout/msal`.
 */
export { type Callout, createCallout, type TokenOptions } from './create-callout.js';
export { isOriginEntry } from './credentials/allowed-origins.js';
export {
  CredentialRegistry,
  type CredentialRegistryOptions,
  type DefineCredentialOptions,
  type ResolvedTarget,
} from './credentials/credential-registry.js';
export type { ResolvedCredential } from './credentials/define-credential.js';
export { calloutScheme, resolveCalloutUrl } from './credentials/resolve-callout-url.js';
export { isInside } from './credentials/url-containment.js';
export { getDefaultCallout, setDefaultCallout } from './default-callout.js';
export { CalloutError, type CalloutErrorInit, isCalloutError } from './diagnostics/callout-error.js';
export { CalloutErrorCode, interactionErrorCodes } from './diagnostics/error-codes.js';
export { defaultHints } from './diagnostics/hints.js';
export { needsSignIn } from './diagnostics/needs-sign-in.js';
export * from './events.js';
export { type AuthChallenge, decodeClaims, parseChallenges } from './http/challenge.js';
export type { CalloutRequestOptions } from './http/send.js';
export {
  type FunctionProviderOptions,
  type FunctionTokenResult,
  functionProvider,
} from './providers/function-provider.js';
export { ProviderRegistry } from './providers/provider-registry.js';
export type { TokenContext, TokenStore } from './tokens/token-store.js';
export type * from './types.js';
