/**
 * The checks of `msalProvider` options that need no MSAL: this module imports nothing of
 * `@azure/msal-browser`, so `<callout-msal>` runs the same checks on its attributes before MSAL
 * has loaded, and the provider runs them again when it is created (configuration.ts).
 */
import type { MsalProviderOptions } from './options.js';
import { checkPlatformBroker } from './platform-broker.js';

/** The options {@link checkMsalOptions} can find at fault, named as in `MsalProviderOptions`. */
export type MsalOptionName =
  | 'clientId'
  | 'authority'
  | 'tenant'
  | 'redirectUri'
  | 'interaction'
  | 'cache'
  | 'platformBroker';

/** An option of `msalProvider` that cannot work. */
export interface MsalOptionProblem {
  /**
   * The option at fault: `tenant` when the authority built from it is wrong, `authority` also
   * when it comes from `msal.auth.authority`, `clientId` also for `msal.auth.clientId`.
   */
  option: MsalOptionName;
  /** The value at fault, or `undefined` when the option is missing. */
  value: string | undefined;
  /** What is wrong and what it must be, as a clause that follows "… is invalid: " (`it is required …`, `it must be …`). */
  problem: string;
}

/** The authority when neither `authority` nor `msal.auth.authority` is given. */
function defaultAuthority(tenant: string | undefined): string {
  return `https://login.microsoftonline.com/${tenant ?? 'organizations'}`;
}

/** The authority the provider will use: `authority`, else `msal.auth.authority`, else built from `tenant`. */
export function authorityOf(options: MsalProviderOptions): string {
  return options.authority ?? options.msal?.auth?.authority ?? defaultAuthority(options.tenant);
}

/** The redirect URI the provider will use, as given: `redirectUri`, else `msal.auth.redirectUri`, else `<origin>/redirect.html`. */
export function redirectUriOf(options: MsalProviderOptions): string {
  return (
    options.redirectUri ??
    options.msal?.auth?.redirectUri ??
    `${globalThis.location?.origin ?? ''}/redirect.html`
  );
}

const choices = {
  interaction: ['popup', 'redirect', 'none'],
  cache: ['memory', 'session', 'local'],
} as const;

/**
 * Finds the first option of `options` that cannot work, checking what MSAL would reject only
 * later, or never: a missing client id; an authority that is not an https URL (MSAL refuses
 * `http:` even on localhost); a redirect URI that is not a URL or not on this page's origin (the
 * answer comes back over a BroadcastChannel, which stays within one origin); an `interaction` or
 * `cache` outside its values; a `platformBroker` that is not a boolean (platform-broker.ts).
 * Returns `undefined` when none is wrong. Synchronous, pure (reads only `location.origin`), never
 * throws. Not for an app's own `instance`, which brings its own configuration.
 */
export function checkMsalOptions(options: MsalProviderOptions): MsalOptionProblem | undefined {
  if (!(options.clientId ?? options.msal?.auth?.clientId)) {
    return {
      option: 'clientId',
      value: undefined,
      problem: 'it is required: the "Application (client) ID" of the app registration',
    };
  }
  return (
    checkAuthority(options) ??
    checkRedirectUri(options) ??
    checkChoices(options) ??
    checkPlatformBroker(options)
  );
}

function checkAuthority(options: MsalProviderOptions): MsalOptionProblem | undefined {
  const authority = authorityOf(options);
  const fromTenant = options.authority === undefined && options.msal?.auth?.authority === undefined;
  const parsed = URL.parse(authority);
  if (!parsed) {
    return {
      option: fromTenant ? 'tenant' : 'authority',
      value: fromTenant ? options.tenant : authority,
      problem: `it must make an https URL such as https://login.microsoftonline.com/<tenant>, not ${authority}`,
    };
  }
  if (parsed.protocol !== 'https:') {
    return {
      option: 'authority',
      value: authority,
      problem: 'MSAL accepts only https authorities (authority_uri_insecure), even on localhost',
    };
  }
  return undefined;
}

function checkRedirectUri(options: MsalProviderOptions): MsalOptionProblem | undefined {
  const origin = globalThis.location?.origin;
  if (!origin) return undefined;
  const redirectUri = redirectUriOf(options);
  const target = URL.parse(redirectUri, origin);
  if (!target) {
    return {
      option: 'redirectUri',
      value: redirectUri,
      problem: 'it must be a URL',
    };
  }
  if (target.origin === origin) return undefined;
  return {
    option: 'redirectUri',
    value: redirectUri,
    problem: `it must be on this page's origin (${origin}): the identity provider's answer is handed over within one origin`,
  };
}

function checkChoices(options: MsalProviderOptions): MsalOptionProblem | undefined {
  for (const option of ['interaction', 'cache'] as const) {
    const value: unknown = options[option];
    const allowed: readonly string[] = choices[option];
    if (value === undefined || allowed.includes(value as string)) continue;
    const list = allowed.map((choice) => `"${choice}"`).join(', ');
    return {
      option,
      value: String(value),
      problem: `it must be one of ${list}`,
    };
  }
  return undefined;
}
