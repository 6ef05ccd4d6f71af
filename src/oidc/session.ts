import type { User, UserManager } from 'oidc-client-ts';
import { CalloutError } from '../diagnostics/callout-error.js';
import type { AccessToken, Account, TokenSource } from '../types.js';
import { fromOidcError, type OidcFailureContext } from './errors.js';
import type { OidcProviderOptions } from './options.js';
import { signInScopes } from './settings.js';

/** A token handed out this many seconds before it expires is too close to expiry to hand out again. */
const minimumLifetimeSeconds = 30;

/** How many of the tokens oidc-client-ts held lately the session remembers, to redact them from errors. */
const maxSecrets = 12;

/** The {@link Account} of a user oidc-client-ts holds: `sub`, the first name it has, the display name. */
export function toAccount(user: User): Account {
  const profile = user.profile;
  const username = [profile.preferred_username, profile.email, profile.sub].find(
    (name): name is string => typeof name === 'string' && name !== '',
  );
  return {
    id: profile.sub,
    username: username ?? profile.sub,
    ...(typeof profile.name === 'string' ? { name: profile.name } : {}),
  };
}

/** Whether `hint` names `user`: its `preferred_username`, `email` or `login_hint` claim (any case). */
function matchesHint(user: User, hint: string): boolean {
  const { preferred_username, email, login_hint } = user.profile as Record<string, unknown>;
  const wanted = hint.toLowerCase();
  return [preferred_username, email, login_hint].some(
    (name) => typeof name === 'string' && name.toLowerCase() === wanted,
  );
}

/** The key of a set of scopes, as the store builds it: lower-cased, de-duplicated, sorted. */
const scopeKey = (scopes: readonly string[]): string =>
  [...new Set(scopes.map((scope) => scope.toLowerCase()))].sort().join(' ');

/**
 * What the jobs of one OIDC provider share (silent.ts, interaction.ts, sign-out.ts): its options
 * and `UserManager`, the account and its subscribers, and which token each scope set was last
 * handed — the provider never hands the same token twice for one scope set, so a renewal the
 * client's store asks for always yields a new token.
 */
export class OidcSession {
  readonly options: OidcProviderOptions;
  readonly manager: UserManager;
  /** Scopes a token demand needed the user for: asked for at the next sign-in. */
  readonly wantedScopes = new Set<string>();
  /** The claims (JSON) of the last claims challenge that needed the user: asked for at the next interactive sign-in. */
  wantedClaims: string | undefined;
  /** The claims (JSON) the held user's token was issued for (an iframe or sign-in that asked for them). */
  grantedClaims: string | undefined;
  /** Start-up: a full-page redirect's answer handled (if this page holds one), the stored user loaded. */
  startup: Promise<void> = Promise.resolve();
  /** A failed full-page redirect sign-in, reported by the next `getToken`. */
  redirectFailure: CalloutError | undefined;
  /** Set by `signOut()`: no silent sign-in (which would sign the same user back in) until `signIn()`. */
  signedOut = false;
  disposed = false;
  /** When the provider took the account it holds now (ms): older sign-outs from other tabs are stale. */
  accountSince: number | undefined;
  /** The network acquisition running (one at a time: refresh tokens rotate). */
  network: Promise<unknown> | undefined;
  readonly #handed = new Map<string, string>();
  /** Refresh, access and ID tokens of the users oidc-client-ts held lately (refresh tokens rotate). */
  readonly #secrets: string[] = [];
  readonly #listeners = new Set<(account?: Account) => void>();
  #account: Account | undefined;

  constructor(options: OidcProviderOptions, manager: UserManager) {
    this.options = options;
    this.manager = manager;
  }

  /** The signed-in account the provider uses now, or `undefined`. */
  get account(): Account | undefined {
    return this.#account;
  }

  /** Sets the account and tells subscribers when it changed (by id). */
  setAccount(account: Account | undefined): void {
    if (account?.id === this.#account?.id) {
      this.#account = account;
      return;
    }
    this.#account = account;
    this.accountSince = account ? Date.now() : undefined;
    if (!account) {
      this.#handed.clear();
      this.grantedClaims = undefined;
    }
    for (const listener of [...this.#listeners]) listener(account);
  }

  /** Calls `listener` with the account each time it changes; returns the unsubscribe function. */
  subscribe(listener: (account?: Account) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The failure context of `step` for `scopes`, for {@link fromOidcError}: with every token of a
   * user this session read lately, so that a server quoting the refresh token it was sent (or
   * any other) leaves it in no message or cause.
   */
  context(step: string, scopes: readonly string[] = []): OidcFailureContext {
    const { authority, clientId } = this.options;
    return { step, authority, clientId, scopes, secrets: [...this.#secrets] };
  }

  /** Remembers the tokens of `user` for {@link context} (the newest {@link maxSecrets}). */
  #remember(user: User): void {
    for (const token of [user.refresh_token, user.access_token, user.id_token]) {
      if (!token || this.#secrets.includes(token)) continue;
      this.#secrets.push(token);
      if (this.#secrets.length > maxSecrets) this.#secrets.shift();
    }
  }

  /** `openid`, the configured scopes, those that needed the user and `extra`. */
  scopesFor(extra: readonly string[] = []): string[] {
    return signInScopes(this.options, [...this.wantedScopes, ...extra]);
  }

  /** A sign-in that asked for the wanted claims succeeded: the held token carries them. */
  claimsGranted(): void {
    this.grantedClaims = this.wantedClaims;
    this.wantedClaims = undefined;
  }

  /** The authorize request's extra query parameters (the `oidc` passthrough's) with `claims` (OIDC Core 5.5). */
  queryWithClaims(claims: string): Record<string, string | number | boolean> {
    return { ...this.manager.settings.extraQueryParams, claims };
  }

  /** The user oidc-client-ts holds, if it has an access token covering `scopes`. */
  async user(scopes: readonly string[]): Promise<User | undefined> {
    const user = await this.manager.getUser();
    if (user) this.#remember(user);
    if (!user?.access_token) return undefined;
    const granted = new Set(user.scopes.map((scope) => scope.toLowerCase()));
    return scopes.every((scope) => granted.has(scope.toLowerCase())) ? user : undefined;
  }

  /**
   * The held token for `scopes`, unless that scope set was already handed it, or it expires
   * within 30 seconds (`source: 'cache'`, or `fresh` right after a sign-in).
   */
  async cached(scopes: readonly string[], source: TokenSource = 'cache'): Promise<AccessToken | undefined> {
    const user = await this.user(scopes);
    if (!user || this.#handed.get(scopeKey(scopes)) === user.access_token) return undefined;
    if ((user.expires_in ?? 0) <= minimumLifetimeSeconds) return undefined;
    return this.token(user, scopes, source);
  }

  /** The token of `user` for `scopes`, remembered as handed to that scope set. */
  token(user: User, scopes: readonly string[], source: TokenSource): AccessToken {
    this.#handed.set(scopeKey(scopes), user.access_token);
    const expiresAt = user.expires_at ?? Math.floor(Date.now() / 1000) + 300;
    return {
      accessToken: user.access_token,
      expiresOn: new Date(expiresAt * 1000),
      scopes: user.scopes,
      account: toAccount(user),
      source,
    };
  }

  /**
   * Accepts the user a flow (`step`) returned when it is the user the page expects — the login
   * hint and the account already signed in — and makes it the account. Otherwise forgets it (and
   * its tokens) before anyone can use them and rejects with `account_mismatch`.
   */
  async accept(user: User, step: string): Promise<User> {
    this.#remember(user);
    const hint = this.options.loginHint;
    const current = this.#account;
    const received = toAccount(user);
    const why =
      hint && !matchesHint(user, hint)
        ? `the login hint is ${hint}`
        : current && current.id !== received.id
          ? `${current.username} is signed in`
          : undefined;
    if (why === undefined) {
      this.setAccount(received);
      return user;
    }
    await this.manager.removeUser();
    throw new CalloutError({
      code: 'account_mismatch',
      message: `OpenID Connect ${step} returned ${received.username}, but ${why}; the result was refused`,
      hint: 'Sign in as the user the page expects (its loginHint), or sign out first to change users.',
    });
  }

  /** Runs `step` for `scopes`, turning what oidc-client-ts throws into a `CalloutError`. */
  async run<T>(step: string, scopes: readonly string[], action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw fromOidcError(error, this.context(step, scopes));
    }
  }
}
