import { BrowserCacheLocation, type Configuration } from '@azure/msal-browser';
import type { CalloutError } from '../diagnostics/callout-error.js';
import {
  authorityOf,
  checkMsalOptions,
  type MsalOptionName,
  type MsalOptionProblem,
  redirectUriOf,
} from './check-options.js';
import { msalError } from './errors.js';
import type { MsalProviderOptions } from './options.js';
import { platformBrokerConfiguration, platformBrokerHint } from './platform-broker.js';

const cacheLocations = {
  memory: BrowserCacheLocation.MemoryStorage,
  session: BrowserCacheLocation.SessionStorage,
  local: BrowserCacheLocation.LocalStorage,
} as const;

const choose = 'Pass one of the values named, or leave it out.';

/** What to change, per option {@link checkMsalOptions} can find at fault. */
const optionHints: Record<MsalOptionName, string> = {
  clientId:
    'Pass clientId from the app registration in Entra ID (or an app’s PublicClientApplication as instance).',
  authority:
    'Pass https://login.microsoftonline.com/<tenant>, or the https URL of another OpenID Connect server (an emulator: a fake https host in msal.auth.knownAuthorities).',
  tenant: 'Pass a tenant id or domain, or authority instead.',
  redirectUri:
    "Host redirect.html on the page's own origin; register it as a Single-page application redirect URI.",
  interaction: choose,
  cache: choose,
  platformBroker: platformBrokerHint,
};

/** The `configuration_error` for an option {@link checkMsalOptions} found at fault. */
export function msalOptionError(problem: MsalOptionProblem): CalloutError {
  const value = problem.value === undefined ? '' : ` "${problem.value}"`;
  return msalError(
    'configuration_error',
    `msalProvider option ${problem.option}${value} is invalid: ${problem.problem}`,
    optionHints[problem.option],
    undefined,
    problem.option,
  );
}

/**
 * Builds MSAL's configuration from provider options: the `msal` passthrough, with ours winning on
 * conflicts (client id, authority, absolute redirect URI, client capabilities, cache location,
 * the platform broker).
 * Throws `configuration_error` at once for an option that cannot work ({@link checkMsalOptions}).
 */
export function buildMsalConfiguration(options: MsalProviderOptions): Configuration {
  const problem = checkMsalOptions(options);
  if (problem) throw msalOptionError(problem);
  const passthrough = options.msal ?? {};
  const capabilities = options.clientCapabilities ?? passthrough.auth?.clientCapabilities;
  return {
    ...passthrough,
    ...platformBrokerConfiguration(options),
    auth: {
      ...passthrough.auth,
      // checkMsalOptions made sure there is one.
      clientId: options.clientId ?? passthrough.auth?.clientId ?? '',
      authority: authorityOf(options),
      redirectUri: new URL(redirectUriOf(options), globalThis.location?.origin).href,
      ...(capabilities ? { clientCapabilities: [...capabilities] } : {}),
    },
    cache: {
      ...passthrough.cache,
      cacheLocation: cacheLocations[options.cache ?? 'session'],
    },
  };
}

/** The endpoints of `authority` the core must never send tokens to: the whole authority host. */
export function authorityEndpoints(configuration: Configuration): string[] {
  const endpoints: string[] = [];
  const authority = configuration.auth.authority;
  if (authority) endpoints.push(`${new URL(authority).origin}/`);
  const metadata = configuration.auth.authorityMetadata;
  if (metadata) {
    try {
      const parsed = JSON.parse(metadata) as { token_endpoint?: unknown };
      if (typeof parsed.token_endpoint === 'string') endpoints.push(parsed.token_endpoint);
    } catch {
      // MSAL reports malformed metadata itself when it initializes.
    }
  }
  return endpoints;
}
