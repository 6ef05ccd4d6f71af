/**
 * sso-callout core: named credentials, the shared token store and the callout client.
 * Framework-agnostic; the MSAL provider lives in `sso-callout/msal`. Everything exported here is
 * public, versioned API and documented in docs/core.md ("Public API"); the rest of `src/` is
 * internal and may change in any release.
 */
export { type Callout, createCallout, type TokenOptions } from './create-callout.js';
export { isOriginEntry } from './credentials/allowed-origins.js';
export type {
  CredentialRegistry,
  DefineCredentialOptions,
  ResolvedTarget,
} from './credentials/credential-registry.js';
export type { ResolvedCredential } from './credentials/define-credential.js';
export { calloutScheme } from './credentials/resolve-callout-url.js';
export { getDefaultCallout, setDefaultCallout, subscribeDefaultCallout } from './default-callout.js';
export { CalloutError, type CalloutErrorInit, isCalloutError } from './diagnostics/callout-error.js';
export type {
  DiagnoseOptions,
  Diagnosis,
  DiagnosisCheck,
  DiagnosisCheckId,
  DiagnosisStatus,
  ProviderDiagnosisContext,
} from './diagnostics/diagnosis.js';
export { CalloutErrorCode } from './diagnostics/error-codes.js';
export { needsSignIn } from './diagnostics/needs-sign-in.js';
export type {
  AbortEventDetail,
  AccountEventDetail,
  CalloutEventMap,
  CalloutEventName,
  CalloutEvents,
  ErrorEventDetail,
  InteractionRequiredEventDetail,
  RequestEventDetail,
  ResponseEventDetail,
  RetryEventDetail,
  RetryReason,
  TokenEventDetail,
} from './events.js';
export type { CalloutRequestOptions } from './http/send.js';
export {
  type FunctionProviderOptions,
  type FunctionTokenResult,
  functionProvider,
} from './providers/function-provider.js';
export type { ProviderDefineOptions, ProviderRegistry } from './providers/provider-registry.js';
export type * from './types.js';
