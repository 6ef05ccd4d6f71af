import { InMemoryWebStorage, type UserManagerSettings, WebStorageStateStore } from 'oidc-client-ts';
import { callbackUriOf } from './check-options.js';
import type { OidcProviderOptions, OidcStore } from './options.js';

/** The scopes asked for at every sign-in when `scopes` is not given (besides `openid`). */
const defaultScopes = ['profile', 'offline_access'];

/** `openid`, the configured scopes and `extra`, each once, in that order. */
export function signInScopes(options: OidcProviderOptions, extra: Iterable<string> = []): string[] {
  return [...new Set(['openid', ...(options.scopes ?? defaultScopes), ...extra])];
}

/** The page the identity provider returns a full-page redirect to: `returnUri`, else this page. */
export function returnUriOf(options: OidcProviderOptions): string {
  return options.returnUri ?? `${location.origin}${location.pathname}`;
}

function storage(store: OidcStore | undefined): Storage {
  if (store === 'local') return localStorage;
  if (store === 'session') return sessionStorage;
  return new InMemoryWebStorage();
}

/**
 * The `UserManager` settings of `options`: code + PKCE, popup and iframe answers at the callback
 * page, full-page redirects back to `returnUri`; the user kept per `store` (in memory by
 * default); the sign-in state (PKCE verifier, nonce — no token) in memory, or in sessionStorage
 * when a full-page redirect must find it after the page comes back, under a key prefix of this
 * provider's own (its authority and client id), so two providers on one page never read, redeem,
 * fail or remove each other's. oidc-client-ts's own timers stay off — no automatic silent renew,
 * no session monitor: the client's token store decides when to renew. The `oidc` passthrough
 * comes first, so ours win.
 */
export function userManagerSettings(options: OidcProviderOptions): UserManagerSettings {
  const callback = callbackUriOf(options);
  return {
    ...options.oidc,
    authority: options.authority,
    client_id: options.clientId,
    redirect_uri: returnUriOf(options),
    popup_redirect_uri: callback,
    silent_redirect_uri: callback,
    post_logout_redirect_uri: options.postLogoutRedirectUri ?? callback,
    popup_post_logout_redirect_uri: options.postLogoutRedirectUri ?? callback,
    response_type: 'code',
    disablePKCE: false,
    scope: signInScopes(options).join(' '),
    userStore: new WebStorageStateStore({ store: storage(options.store) }),
    stateStore: new WebStorageStateStore({
      prefix: `sso-callout.oidc.${JSON.stringify([options.authority, options.clientId])}.`,
      store: options.interaction === 'redirect' ? sessionStorage : new InMemoryWebStorage(),
    }),
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
    validateSubOnSilentRenew: true,
    revokeTokensOnSignout: false,
    silentRequestTimeoutInSeconds: options.silentTimeoutSeconds ?? 10,
  };
}
