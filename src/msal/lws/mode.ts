import { CalloutError } from '../../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../../diagnostics/error-codes.js';

/**
 * Whether the provider adapts MSAL to Salesforce Lightning Web Security: `'auto'` (default)
 * detects the sandbox, `true` forces the adaptations, `false` turns them off.
 */
export type MsalLwsMode = 'auto' | boolean;

/**
 * Whether this code runs inside a Lightning Web Security sandbox.
 *
 * The probe is the LWS behaviour that matters most to MSAL: objects created in the sandbox cross
 * a membrane when they reach a platform API, and `Map`s no longer survive a structured clone
 * (`structuredClone(new Map())` throws `DataCloneError`), with or without LWS's feature gates. A
 * plain browser always clones a `Map`. The probe has no side effect and runs once per call.
 */
export function detectLws(): boolean {
  if (typeof structuredClone !== 'function') return false;
  try {
    structuredClone(new Map([[1, 1]]));
    return false;
  } catch {
    return true;
  }
}

/** Resolves an `lws` option to on/off, detecting the sandbox for `'auto'` (or no option). */
export function resolveLwsMode(mode: MsalLwsMode | undefined): boolean {
  return mode === undefined || mode === 'auto' ? detectLws() : mode;
}

/**
 * Throws `configuration_error` when MSAL would keep its cache in `localStorage` under Lightning
 * Web Security. MSAL's `localStorage` cache announces every write — access and refresh tokens
 * included — to the origin's other tabs on a `BroadcastChannel` (`msal.broadcast.cache`); in an
 * org without LWS's channel-name gate every namespace on the page can listen on it, and tokens
 * never cross a window boundary under LWS. Checked when the provider is created.
 */
export function refuseSharedCacheUnderLws(cacheLocation: string | undefined): void {
  if (cacheLocation !== 'localStorage') return;
  throw new CalloutError({
    code: CalloutErrorCode.configurationError,
    message:
      "MSAL cache 'local' is refused under Lightning Web Security: MSAL shares that cache between tabs over a BroadcastChannel, tokens included",
    hint: "Use cache: 'session' (the default) or 'memory' for the MSAL provider inside Salesforce Lightning.",
  });
}
