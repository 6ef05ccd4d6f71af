/**
 * The options of `msalProvider`, as types and constants only: this module loads nothing of MSAL,
 * so `<callout-msal>` and the options check (check-options.ts) can use it before MSAL is loaded.
 */
import type { Configuration, IPublicClientApplication } from '@azure/msal-browser';
import type { SignInOptions } from '../types.js';
import type { MsalHost } from './host.js';

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

/**
 * Whether the provider adapts MSAL to Salesforce Lightning Web Security: `'auto'` (default)
 * detects the sandbox, `true` forces the adaptations, `false` turns them off.
 */
export type MsalLwsMode = 'auto' | boolean;

/**
 * Nested app authentication for Teams tabs and Outlook/Office add-ins: the `nestedAppAuth` export
 * of `sso-callout/nested-app-auth`, which brings MSAL's nestable client. Opaque: pass it as is.
 */
export interface MsalNestedAppAuth {
  /** The provider's host: `browser` itself, or, on a page with a host's bridge, built on it (nested-app-auth-client.ts). */
  readonly host: (browser: MsalHost) => MsalHost;
}

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
  /**
   * Use the device's platform broker (Web Account Manager on Windows, through Edge's DOM API or
   * the "Windows Accounts" extension) where the browser offers one: once Entra ID has named the
   * broker's account, silent tokens for it come from the broker, with no hidden iframe and no
   * third-party cookie (see docs/msal.md). Entra ID only. Default off; where no broker is found,
   * nothing changes.
   */
  platformBroker?: boolean;
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
  /**
   * Under LWS: how long `signIn()` waits for the sign-in page to hand a sign-in back, in
   * milliseconds, before it rejects with `timeout`. Default 600 000 (ten minutes).
   */
  signInTimeout?: number;
  /**
   * Nested app authentication (Teams tabs, Outlook and Office add-ins): pass `nestedAppAuth` from
   * `sso-callout/nested-app-auth`. Then, when the host injected its bridge
   * (`window.nestedAppAuthBridge`) before the provider is created, tokens come from the host for
   * the user signed in to it (no hidden iframe, no redirect page; sign-in goes through the host's
   * own window); on other pages the provider signs in as in a browser. Without it (the default)
   * the page never uses a host's bridge, and does not carry MSAL's nestable client. The app
   * registration needs the redirect URI `brk-multihub://<host of the page>` (docs/msal.md).
   * Ignored under Lightning Web Security and for an app's own `instance`.
   */
  nestedAppAuth?: MsalNestedAppAuth;
}

/** What `signIn()` of the MSAL provider accepts. */
export interface MsalSignInOptions extends SignInOptions {
  /**
   * Stops waiting (rejects with `aborted`). Under LWS this ends the wait for the sign-in page's
   * hand-back; a popup or redirect that already started is not closed.
   */
  signal?: AbortSignal;
}
