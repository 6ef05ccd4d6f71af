/**
 * The `platformBroker` option: MSAL's platform broker (Web Account Manager on Windows), reached
 * through Edge's `navigator.platformAuthentication` DOM API or the "Windows Accounts" browser
 * extension. This module decides nothing MSAL decides; it turns the option into MSAL's two
 * settings, checks what MSAL would reject later (or never), and tells the silent chain when the
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

const problem = (value: unknown, text: string): MsalOptionProblem => ({
  option: 'platformBroker',
  value: value === undefined ? undefined : String(value),
  problem: text,
});

/**
 * Finds what cannot work with the platform broker, before MSAL would fail on it: an option that
 * is not a boolean; the broker with `protocolMode: 'OIDC'` (MSAL throws
 * `cannot_allow_platform_broker` when it is created: the broker serves Entra ID only); MSAL's DOM
 * setting without the broker (MSAL throws `invalid_platform_broker_configuration` at the first
 * token). Synchronous and pure; `undefined` when nothing is wrong.
 */
export function checkPlatformBroker(options: MsalProviderOptions): MsalOptionProblem | undefined {
  const value: unknown = options.platformBroker;
  if (value !== undefined && typeof value !== 'boolean') {
    return problem(value, 'it must be true or false');
  }
  const msal = options.msal ?? {};
  const on = value ?? msal.system?.allowPlatformBroker === true;
  if (on && msal.system?.protocolMode === 'OIDC') {
    return problem(
      value ?? 'msal.system.allowPlatformBroker',
      "the platform broker signs in to Entra ID only, and MSAL refuses it with msal.system.protocolMode 'OIDC'",
    );
  }
  if (!on && value === undefined && msal.experimental?.allowPlatformBrokerWithDOM === true) {
    return problem(
      undefined,
      'msal.experimental.allowPlatformBrokerWithDOM needs the broker itself on, or MSAL fails every token (invalid_platform_broker_configuration)',
    );
  }
  return undefined;
}

/**
 * `platformBroker` asked of an app's own `instance`, whose configuration the provider cannot
 * change: a problem when that instance has the broker off.
 */
export function checkInstanceBroker(
  options: MsalProviderOptions,
  configuration: Configuration,
): MsalOptionProblem | undefined {
  if (options.platformBroker !== true || platformBrokerEnabled(configuration)) return undefined;
  return problem(
    true,
    "the app's own instance has system.allowPlatformBroker off, and its configuration cannot change after it is created",
  );
}

/** The hint for a {@link checkPlatformBroker} or {@link checkInstanceBroker} problem. */
export const platformBrokerHint =
  "Pass platformBroker: true (true or false, or the platform-broker attribute), only with Entra ID; for an app's own instance, set system.allowPlatformBroker (and experimental.allowPlatformBrokerWithDOM for Edge) in its configuration.";

/**
 * Whether a silent failure for `account` came from the platform broker's final word: the broker is
 * on, `account` is one the broker answered for (MSAL keeps its `nativeAccountId`), and the broker
 * said the user must interact. `ssoSilent` would only ask the broker again for that account (MSAL
 * routes it there, not to the hidden frame), so the silent chain goes straight to the interaction
 * policy instead.
 */
export function brokerHadFinalSay(
  configuration: Configuration,
  account: AccountInfo | undefined,
  interactionRequired: boolean,
): boolean {
  return interactionRequired && !!account?.nativeAccountId && platformBrokerEnabled(configuration);
}

/**
 * Whether a forced renewal for `account` must skip MSAL's memory cache of the broker's tokens:
 * for an account the broker answered for, MSAL serves `forceRefresh` from that cache unless the
 * lookup policy skips it, so a token the API just refused would come back again.
 */
export function skipBrokerCache(
  configuration: Configuration,
  account: AccountInfo,
  forceRefresh: boolean | undefined,
): boolean {
  return forceRefresh === true && !!account.nativeAccountId && platformBrokerEnabled(configuration);
}
