/**
 * The options of `oidcProvider`, as types and constants only: this module loads nothing of
 * oidc-client-ts, so `<callout-oidc>` and the options check (check-options.ts) can use it before
 * the library is loaded.
 */
import type { UserManagerSettings } from 'oidc-client-ts';
import type { SignInOptions } from '../types.js';

/** How the provider may interact with the user when silent acquisition cannot serve. */
export const OidcInteraction = {
  /** A popup, opened only from a user gesture (otherwise `login_required` … is raised). */
  popup: 'popup',
  /** A full-page redirect to the identity provider and back to `returnUri`. */
  redirect: 'redirect',
  /** Never: raise the typed error and let the app decide. */
  none: 'none',
} as const;

/** One of {@link OidcInteraction}. */
export type OidcInteraction = (typeof OidcInteraction)[keyof typeof OidcInteraction];

/**
 * Where oidc-client-ts keeps the signed-in user (ID, access and refresh token): `memory` (this
 * page only, gone on reload), `session` (sessionStorage: this tab) or `local` (localStorage: every
 * tab of the origin, and any script on it).
 */
export type OidcStore = 'memory' | 'session' | 'local';

/** Options of `oidcProvider`. */
export interface OidcProviderOptions {
  /** The issuer URL, where `/.well-known/openid-configuration` is found: `https://idp.contoso.com/realms/staff`. */
  authority: string;
  /** The client id of the app at the identity provider: a public client (no secret) with PKCE. */
  clientId: string;
  /**
   * The callback page (`import 'sso-callout/oidc-callback'`) on this origin, where popup and
   * hidden-iframe answers land. Register it at the identity provider. Default `<origin>/oidc-callback.html`.
   */
  redirectUri?: string;
  /**
   * With `interaction: 'redirect'`: the page the identity provider sends the browser back to — a
   * page that creates this provider, which completes the sign-in when it loads. Register it too.
   * Default this page's URL without query or fragment.
   */
  returnUri?: string;
  /** Where the identity provider sends the browser after a `global` sign-out. Default `redirectUri`. */
  postLogoutRedirectUri?: string;
  /**
   * Scopes asked for at every sign-in besides `openid` (the API's, and `offline_access` for a
   * refresh token unless the server issues one anyway). Default `['profile', 'offline_access']`.
   * Credentials' scopes are added to them.
   */
  scopes?: string[];
  /** The host page's user (username or email), sent as `login_hint`; every result must be that user. */
  loginHint?: string;
  /** What to do when the identity provider needs the user. Default `popup`. */
  interaction?: OidcInteraction;
  /** Where oidc-client-ts keeps the user. Default `memory`: nothing is written to storage. */
  store?: OidcStore;
  /**
   * What `signOut()` ends: `local` (default) revokes the refresh token (where the server has a
   * revocation endpoint) and forgets the user here; `global` also ends the identity provider's
   * session, by popup or redirect per `interaction` (`none`: local).
   */
  signOutScope?: 'local' | 'global';
  /** How long a hidden-iframe renewal may take, in seconds. Default 10. */
  silentTimeoutSeconds?: number;
  /**
   * Passthrough settings of oidc-client-ts's `UserManager` (`metadata` to skip discovery,
   * `extraQueryParams` such as an Auth0 `audience`, `resource` …); ours win on conflicts.
   */
  oidc?: Partial<UserManagerSettings>;
}

/** What `signIn()` of the OIDC provider accepts (the shared `SignInOptions`). */
export interface OidcSignInOptions extends SignInOptions {
  /** Stops waiting for the popup (it rejects with `aborted`); a redirect that started is not stopped. */
  signal?: AbortSignal;
}
