/**
 * The `platformBroker` option: MSAL's platform broker (Web Account Manager on Windows), reached
 * through Edge's `navigator.platformAuthentication` DOM API or the "Windows Accounts" browser
 * extension. This module decides nothing MSAL decides; it turns the option into MSAL's two
 * settings, checks what MSAL would not report, and tells the silent chain when the
 * broker's answer is final. It imports nothing of `@azure/msal-browser` at run time, so
 * `<callout-msal>` runs its checks before MSAL is loaded.
 *
 * What MSAL 5 does once the broker is on (read from its source, not re-implemented here):
 * - `initialize()` looks for the broker once: the DOM API first (`getSupportedContracts` must list
 *   `get-token-and-sign-out`), else the extension's handshake, which a page without the extension
 *   answers at once (the message comes back unclaimed; the handshake timeout is not awaited).
 * - Every authorize request (hidden frame, popup, redirect) carries `nativebroker=1`; when Entra ID
 *   answers with the broker's `accountId` instead of a code, MSAL asks the broker for the token:
 *   no token endpoint request. The account is cached with that `nativeAccountId`.
 * - From then on `acquireTokenSilent`, `ssoSilent` and `acquireTokenPopup` for that account go to
 *   the broker first: no hidden frame, no refresh token, no third-party cookie. Its tokens stay in
 *   MSAL's memory (never in session or local storage).
 * - A broker that says the user must interact gives MSAL's `InteractionRequiredAuthError`; a broker
 *   that is disabled or gone makes MSAL drop it for the page's lifetime and fall back to the web
 *   flow (`token_refresh_required` from `acquireTokenSilent`, then the hidden frame).
 */
import type { AccountInfo, Configuration } from '@azure/msal-browser';
import type { MsalOptionProblem } from './check-options.js';
import type { MsalProviderOptions } from './options.js';

/**
 * MSAL's broker settings for `options.platformBroker`: `system.allowPlatformBroker` and
 * `experimental.allowPlatformBrokerWithDOM` (the Edge DOM API; MSAL falls back to the extension
 * without it), both set to the option's value over the `msal` passthrough's. Without the option,
 * nothing: the passthrough's own settings apply as given.
 */
export function platformBrokerConfiguration(
  options: MsalProviderOptions,
): Pick<Configuration, 'system' | 'experimental'> {
  const on = options.platformBroker;
  if (on === undefined) return {};
  const passthrough = options.msal ?? {};
  return {
    system: { ...passthrough.system, allowPlatformBroker: on },
    experimental: { ...passthrough.experimental, allowPlatformBrokerWithDOM: on },
  };
}

/** Whether MSAL's platform broker is on for `configuration` (the option, or the passthrough's own setting). */
export function platformBrokerEnabled(configuration: Configuration): boolean {
  return configuration.system?.allowPlatformBroker === true;
}

/**
 * Finds a `platformBroker` that cannot work and that MSAL would not report: a value that is not a
 * boolean, and the option asked of an app's own `instance` (`configuration`) whose broker is off
 * (its configuration cannot change once it is created). What MSAL refuses itself — the broker with
 * `protocolMode: 'OIDC'`, its DOM setting without the broker — becomes `configuration_error`
 * through the error table. Synchronous and pure; `undefined` when nothing is wrong.
 */
export function checkPlatformBroker(
  options: MsalProviderOptions,
  configuration?: Configuration,
): MsalOptionProblem | undefined {
  const value: unknown = options.platformBroker;
  const wrong =
    value !== undefined && typeof value !== 'boolean'
      ? 'it must be true or false'
      : value && configuration && !platformBrokerEnabled(configuration)
        ? "the app's own instance has system.allowPlatformBroker off"
        : undefined;
  return wrong ? { option: 'platformBroker', value: String(value), problem: wrong } : undefined;
}

/** The hint for a {@link checkPlatformBroker} problem. */
export const platformBrokerHint =
  "Pass true or false; for an app's own instance, set system.allowPlatformBroker in its configuration.";

/**
 * Whether `account` is one the platform broker answered for (MSAL keeps its `nativeAccountId`)
 * while the broker is on: MSAL then sends its silent requests to the broker first. Two things
 * follow for the silent chain (silent.ts). The broker's "the user must interact" is final:
 * `ssoSilent` would only ask the broker again for that account (MSAL routes it there, not to the
 * hidden frame). And a forced renewal must skip MSAL's memory cache of the broker's tokens, which
 * MSAL otherwise serves despite `forceRefresh`, so a token the API just refused would come back.
 */
export function brokerAccount(configuration: Configuration, account: AccountInfo | undefined): boolean {
  return !!account?.nativeAccountId && platformBrokerEnabled(configuration);
}
