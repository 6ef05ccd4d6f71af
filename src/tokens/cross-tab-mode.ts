import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';

/**
 * How tabs coordinate: `signals` (the default) sends locks and "acquired" / "signed out" signals
 * only, never a token; `share-tokens` also sends each acquired token to the other tabs.
 */
export type CrossTabMode = 'signals' | 'share-tokens';

/**
 * Whether this code runs inside a Salesforce Lightning Web Security sandbox. The same probe as the
 * MSAL provider's, kept here so the core needs no provider code: in the sandbox a `Map` no longer
 * survives a structured clone (with or without LWS's feature gates); a plain browser clones it.
 */
export function insideLws(): boolean {
  if (typeof structuredClone !== 'function') return false;
  try {
    structuredClone(new Map([[1, 1]]));
    return false;
  } catch {
    return true;
  }
}

/**
 * Resolves the `crossTab` option: `undefined` (off) for `false`, `signals` for `true` or no
 * option, `share-tokens` when asked explicitly. Called once, when the client is created.
 *
 * @throws CalloutError `configuration_error` for any other value, and for `'share-tokens'` inside
 * Lightning Web Security: there every same-origin context — other namespaces' code included — could
 * listen on the channel, so tokens never cross a window boundary.
 */
export function crossTabMode(option: unknown): CrossTabMode | undefined {
  if (option === false) return undefined;
  if (option === undefined || option === true) return 'signals';
  const lws = option === 'share-tokens' && insideLws();
  if (option === 'share-tokens' && !lws) return option;
  throw new CalloutError({
    code: CalloutErrorCode.configurationError,
    option: 'crossTab',
    message: lws
      ? "crossTab: 'share-tokens' is refused under Lightning Web Security: tokens never leave the tab there"
      : `crossTab must be true, false or 'share-tokens' (got ${String(option)})`,
    hint: "Use crossTab: true (the default: tabs coordinate with locks and signals, no token leaves the tab) or false; 'share-tokens' only outside Lightning Web Security.",
  });
}
