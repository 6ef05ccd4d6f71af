/**
 * `sso-callout/components`: the element classes, the controller and the context key. Importing
 * this module registers nothing; import `sso-callout/define` (or each element's `define.js`) to
 * register the elements, or register them under your own names.
 */

export {
  CalloutCredential,
  type CalloutCredentialChangeDetail,
} from './callout-credential/callout-credential.js';
export {
  type CalloutErrorDetail,
  CalloutGet,
  CalloutGetState,
  type CalloutRenderable,
  type CalloutRenderer,
  type CalloutResponseDetail,
} from './callout-get/callout-get.js';
export { CalloutLog } from './callout-log/callout-log.js';
export { type LogEntry, LogKind } from './callout-log/log-entry.js';
export type { TokenView } from './callout-log/token-view.js';
export { CalloutLogin, CalloutLoginState, type CalloutSignInDetail } from './callout-login/callout-login.js';
export { CalloutMsal, type CalloutProviderChangeDetail } from './callout-msal/callout-msal.js';
export { CalloutOidc } from './callout-oidc/callout-oidc.js';
export {
  CalloutController,
  type CalloutControllerOptions,
  type CalloutResult,
  type ValueOrGetter,
} from './controllers/callout-controller.js';
export { calloutContext } from './shared/callout-context.js';
export { CalloutElement, clientOf, lookupOf, type ShadowMode } from './shared/callout-element.js';
export { ClientLookup, type ClientLookupOptions } from './shared/client-lookup.js';
export { describeError, type ErrorView } from './shared/describe-error.js';
