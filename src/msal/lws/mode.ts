/**
 * Whether the provider runs inside Lightning Web Security, and what it refuses there. The probe
 * itself is the core's (`insideLws`, which cross-tab coordination uses too): one rule for "are we
 * in the sandbox". This module is part of the provider's own chunk; the adaptations are not
 * (adaptations.ts).
 */

import { insideLws } from '../../tokens/cross-tab-mode.js';
import { msalError } from '../errors.js';
import type { MsalLwsMode } from '../options.js';

/** Resolves an `lws` option to on/off, detecting the sandbox for `'auto'` (or no option). */
export function resolveLwsMode(mode: MsalLwsMode | undefined): boolean {
  return mode === undefined || mode === 'auto' ? insideLws() : mode;
}

/**
 * Throws `configuration_error` when MSAL would keep its cache in `localStorage` under Lightning
 * Web Security. MSAL's `localStorage` cache announces every write — access and refresh tokens
 * included — to the origin's other tabs on a `BroadcastChannel` (`msal.broadcast.cache`); in an
 * org without LWS's channel-name gate every namespace on the page can listen on it, and tokens
 * never cross a window boundary under LWS. Checked when the provider is created. The error's
 * `option` is `from`: `cache` when the provider built MSAL's configuration (only `cache: 'local'`
 * chooses `localStorage` there), `instance` for an MSAL instance the app configured itself.
 */
export function refuseSharedCacheUnderLws(
  cacheLocation: string | undefined,
  from: 'cache' | 'instance',
): void {
  if (cacheLocation !== 'localStorage') return;
  throw msalError(
    'configuration_error',
    "MSAL's localStorage cache is refused under Lightning Web Security: MSAL shares that cache between tabs over a BroadcastChannel, tokens included",
    "Use cache: 'session' (the default) or 'memory' for the MSAL provider inside Salesforce Lightning.",
    undefined,
    from,
  );
}
