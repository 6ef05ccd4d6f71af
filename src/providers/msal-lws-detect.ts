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
