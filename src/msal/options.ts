import { BrowserCacheLocation, type Configuration, type IPublicClientApplication } from '@azure/msal-browser';
import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { MsalLwsMode } from './lws/mode.js';

/** How the provider may interact with the user when silent acquisition cannot serve. */
export const MsalInteraction = {
  /** A popup, opened only from a user gesture (otherwise `interaction_required` is raised). */
  popup: 'popup',
  /** A full-page redirect to Azure AD and back. */
  redirect: 'redirect',
  /** Never: raise `interaction_required` (or the more precise code) and let the app decide. */
  none: 'none',
} as const;

/** One of {@link MsalInteraction}. */
export type MsalInteraction = (typeof MsalInteraction)[keyof typeof MsalInteraction];

/** Where MSAL keeps its own cache (ID token, refresh token, access tokens). */
export type MsalCacheLocation = 'memory' | 'session' | 'local';

/** Options of `msalProvider`. */
export interface MsalProviderOptions {
  /** Application (client) id of the SPA app registration. Required unless `instance` is given. */
  clientId?: string;
  /** `https://login.microsoftonline.com/<tenant>`; default built from `tenant`, else `…/organizations`. */
  authority?: string;
  /** Tenant id or domain, used when `authority` is omitted. */
  tenant?: string;
  /**
   * The page that hands Azure AD's answer back to MSAL (ships as `redirect.html`): registered as a
   * "Single-page application" redirect URI, same origin, no COOP. Default `<origin>/redirect.html`.
   */
  redirectUri?: string;
  /** The host page's user (UPN or email), or an async function that finds it. Resolved once. */
  loginHint?: string | (() => Promise<string | undefined>);
  /** Azure AD session id of the host page's sign-in, an alternative to `loginHint` for ssoSilent. */
  sid?: string;
  /** Home realm hint (`contoso.com`) to skip the account-type choice on interactive sign-in. */
  domainHint?: string;
  /** What to do when Azure AD needs the user. Default `popup`. */
  interaction?: MsalInteraction;
  /**
   * API scopes requested at interactive sign-in (`signIn()`) in addition to `openid` and
   * `profile`, so the user consents to the API up front and later tokens come silently.
   * Example: `['api://orders/Orders.Read']`.
   */
  scopes?: string[];
  /** Client capabilities; `['CP1']` opts in to Continuous Access Evaluation (claims challenges). */
  clientCapabilities?: string[];
  /** Where MSAL caches. Default `session` (survives reloads, not the tab). */
  cache?: MsalCacheLocation;
  /** An app's existing (not necessarily initialized) PublicClientApplication, shared instead of creating one. */
  instance?: IPublicClientApplication;
  /** Passthrough MSAL configuration (knownAuthorities, authorityMetadata, system …); ours wins on conflicts. */
  msal?: Partial<Configuration>;
  /**
   * What `signOut()` ends: `local` forgets this app's tokens and account (the Azure AD session,
   * used by the host page, stays); `global` also ends the Azure AD session per `interaction`.
   * Default `local`.
   */
  signOutScope?: 'local' | 'global';
  /**
   * Salesforce Lightning Web Security: `'auto'` (default) adapts MSAL when the code runs inside
   * the LWS sandbox, `true` forces the adaptations, `false` never applies them. Under LWS,
   * `redirectUri` must be the static resource's `redirect.html` (see docs/salesforce.md).
   */
  lws?: MsalLwsMode;
  /**
   * Under LWS (no popups): URL of the static resource's `sign-in.html`. `signInUrl()` then gives
   * the link to show (it carries only the namespace and the login hint: the page's client id,
   * authority and scopes are fixed when the static resource is built, and must match this
   * provider's); after the user signs in there, the provider signs in silently and resumes.
   */
  signInPage?: string;
  /** The LWS namespace of the components, for the sign-in page's hand-back. Default `c`. */
  lwsNamespace?: string;
}

const cacheLocations = {
  memory: BrowserCacheLocation.MemoryStorage,
  session: BrowserCacheLocation.SessionStorage,
  local: BrowserCacheLocation.LocalStorage,
} as const;

/**
 * Builds MSAL's configuration from provider options and checks what MSAL would only reject later
 * (or never): a missing client id, a non-https authority, a redirect URI on another origin.
 * Throws `configuration_error` with a hint naming the option to fix.
 */
export function buildMsalConfiguration(options: MsalProviderOptions): Configuration {
  const passthrough = options.msal ?? {};
  const clientId = options.clientId ?? passthrough.auth?.clientId;
  if (!clientId) {
    throw configurationError(
      'msalProvider needs a clientId',
      'Pass clientId: the "Application (client) ID" of the app registration in Entra ID (or pass an existing PublicClientApplication as instance).',
    );
  }
  const authority =
    options.authority ??
    passthrough.auth?.authority ??
    `https://login.microsoftonline.com/${options.tenant ?? 'organizations'}`;
  let parsed: URL;
  try {
    parsed = new URL(authority);
  } catch (error) {
    throw configurationError(
      `msalProvider authority "${authority}" is not a URL`,
      'Pass authority as https://login.microsoftonline.com/<tenant id or domain>.',
      error,
    );
  }
  if (parsed.protocol !== 'https:') {
    throw configurationError(
      `msalProvider authority "${authority}" is not https (authority_uri_insecure)`,
      'MSAL accepts only https authorities, even on localhost: use https://login.microsoftonline.com/<tenant>, or for an emulator a fake https host listed in msal.auth.knownAuthorities with msal.auth.authorityMetadata.',
    );
  }
  const origin = globalThis.location?.origin ?? '';
  const redirectUri = options.redirectUri ?? passthrough.auth?.redirectUri ?? `${origin}/redirect.html`;
  try {
    if (origin && new URL(redirectUri, origin).origin !== origin) {
      throw configurationError(
        `msalProvider redirectUri "${redirectUri}" is not on this page's origin (${origin})`,
        "Host redirect.html on the page's own origin and register that URL as a Single-page application redirect URI: the response is handed over with a BroadcastChannel, which works only within one origin.",
      );
    }
  } catch (error) {
    if (error instanceof CalloutError) throw error;
    throw configurationError(
      `msalProvider redirectUri "${redirectUri}" is not a URL`,
      'Pass an absolute redirectUri such as https://app.contoso.com/redirect.html.',
      error,
    );
  }
  const capabilities = options.clientCapabilities ?? passthrough.auth?.clientCapabilities;
  return {
    ...passthrough,
    auth: {
      ...passthrough.auth,
      clientId,
      authority,
      redirectUri: new URL(redirectUri, origin || undefined).href,
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

function configurationError(message: string, hint: string, cause?: unknown): CalloutError {
  return new CalloutError({
    code: CalloutErrorCode.configurationError,
    message,
    hint,
    ...(cause === undefined ? {} : { cause }),
  });
}
