import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
} from '@azure/msal-browser';
import type { CalloutError } from '../diagnostics/callout-error.js';
import type { AccessToken, Account, TokenSource } from '../types.js';
import { toAccount } from './account.js';
import { acceptAccount, type ExpectedAccount } from './account-check.js';
import { aadstsCode, fromMsalError, type MsalFailureContext, msalError, msalErrorCode } from './errors.js';
import type { MsalHost } from './host.js';
import type { MsalProviderOptions } from './options.js';

const oidcScopes = ['openid', 'profile', 'offline_access'];

/** What a session is made of (see {@link MsalSession}). */
export interface MsalSessionInit {
  options: MsalProviderOptions;
  clientId: string;
  redirectUri: string;
  /** The configured authority (URL), named in hints. */
  authority: string | undefined;
  /** MSAL's configuration (built from the options, or the app's instance's). */
  configuration: Configuration;
  /** Chooses the host (plain browser or LWS) for this session; called once, by the constructor. */
  host: (session: MsalSession) => MsalHost;
}

/**
 * The state one MSAL provider's jobs share: its settings, its host, the MSAL instance once the
 * host created it, and the account — which account tokens are acquired for, whether the user
 * signed out, the scopes to consent at the next sign-in. The provider (provider.ts) owns one and
 * hands it to the jobs (startup, silent, interaction, sign-out, the LWS host); nothing outside
 * src/msal/ sees it.
 */
export class MsalSession {
  readonly options: MsalProviderOptions;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly authority: string | undefined;
  readonly configuration: Configuration;
  readonly host: MsalHost;
  /** The configured login hint, once start-up resolved it. */
  loginHint: string | undefined;
  /** After signOut(), silent SSO would sign the user straight back in; wait for signIn(). */
  signedOut = false;
  /** When the provider took the account it holds now (ms): older sign-outs from other tabs are stale. */
  accountSince: number | undefined;
  /** dispose() ran: every call is refused. */
  disposed = false;
  /** The page came back from a sign-in redirect with an error: reported by the next getToken. */
  redirectFailure: CalloutError | undefined;
  /**
   * When the user last signed in interactively (popup, redirect, LWS sign-in page): the identity
   * provider's session exists, which tells a frame that cannot see it (third-party cookies) from
   * a session that ended (silent-failure.ts).
   */
  interactiveAt: number | undefined;
  /** How the last silent sign-in through the hidden frame ended, for `diagnose()`: `ok` or a code. */
  lastSilent: { at: number; outcome: string } | undefined;
  /** Scopes that needed interaction, consented to on the next sign-in. */
  readonly wantedScopes = new Set<string>();
  /** Start-up (startup.ts), set by the provider right after construction. */
  startup: Promise<void> = Promise.resolve();
  #app: IPublicClientApplication | undefined;
  #account: AccountInfo | undefined;
  readonly #listeners = new Set<(account?: Account) => void>();

  constructor(init: MsalSessionInit) {
    this.options = init.options;
    this.clientId = init.clientId;
    this.redirectUri = init.redirectUri;
    this.authority = init.authority;
    this.configuration = init.configuration;
    this.host = init.host(this);
  }

  /** The MSAL instance. Only after start-up created it: every MSAL call awaits start-up first. */
  get app(): IPublicClientApplication {
    if (!this.#app) throw new Error('MSAL used before start-up');
    return this.#app;
  }

  /** The MSAL instance if the host created it already (under LWS it comes once the adaptations loaded). */
  get created(): IPublicClientApplication | undefined {
    return this.#app;
  }

  /** Called by start-up as soon as the host has created (or adopted) the instance. */
  adopt(app: IPublicClientApplication): void {
    this.#app = app;
  }

  /** The account the provider uses now, or `undefined` when none is signed in. */
  get account(): AccountInfo | undefined {
    return this.#account;
  }

  /** Sets the account (and MSAL's active account); tells subscribers when it changed. */
  setAccount(account: AccountInfo | undefined): void {
    const before = this.#account?.homeAccountId;
    this.#account = account;
    if (account) this.#app?.setActiveAccount(account);
    if (before === account?.homeAccountId) return;
    this.accountSince = account ? Date.now() : undefined;
    const current = account ? toAccount(account) : undefined;
    for (const listener of this.#listeners) listener(current);
  }

  /** The user signed in (`account`): forget a sign-out and the scopes that waited for a sign-in. */
  signedIn(account: AccountInfo | undefined): void {
    this.interactiveAt = Date.now();
    this.signedOut = false;
    this.wantedScopes.clear();
    this.setAccount(account);
  }

  /** Calls `listener` with the new account whenever it changes; returns the unsubscribe function. */
  subscribe(listener: (account?: Account) => void): () => void {
    if (!this.disposed) this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Marks the session disposed and drops its subscribers. */
  dispose(): void {
    this.disposed = true;
    this.#listeners.clear();
  }

  /** What an interactive request tells the identity provider about the user: login and domain hints. */
  userHints(): { loginHint?: string; domainHint?: string } {
    const { loginHint } = this;
    const { domainHint } = this.options;
    return { ...(loginHint ? { loginHint } : {}), ...(domainHint ? { domainHint } : {}) };
  }

  /** Scopes of an interactive sign-in: OpenID's, the `scopes` option's and those that waited for it. */
  signInScopes(): string[] {
    return [...new Set([...oidcScopes, ...(this.options.scopes ?? []), ...this.wantedScopes])];
  }

  /** What error hints need to know about a failed MSAL `step`. */
  context(step: string, scopes: readonly string[]): MsalFailureContext {
    return {
      step,
      scopes,
      redirectUri: this.redirectUri,
      clientId: this.clientId,
      authority: this.authority,
    };
  }

  /**
   * The typed error of a failed `ssoSilent` (the silent chain's, or the LWS sign-in page
   * hand-back's), read more closely where the browser lets the page tell "no session" from
   * "third-party cookies blocked", or a timeout from Chrome's Local Network Access
   * (silent-failure.ts, loaded on the first failure; without it, the usual reading). `earlier`:
   * why MSAL's cache and refresh token could not serve first, if they were tried. Never rejects.
   */
  readSsoFailure(error: unknown, scopes: string[], earlier?: unknown): Promise<CalloutError> {
    const mapped = fromMsalError(error, this.context('ssoSilent', scopes));
    if (this.host.nested?.active) return Promise.resolve(mapped); // A host's bridge: no frame, no cookies.
    const failure = {
      mapped,
      errorCode: msalErrorCode(error),
      aadsts: aadstsCode(error),
      configuration: this.configuration,
      redirectUri: this.redirectUri,
      interactiveAt: this.signedOut ? undefined : this.interactiveAt,
      lws: !this.host.opensWindows,
      earlier,
    };
    return import('./silent-failure.js').then(
      (module) => module.refineSilentFailure(failure, msalError),
      () => mapped,
    );
  }

  /** `result` if it is the `expected` user; else refused (`account_mismatch`) and dropped from MSAL's cache. */
  accept(
    result: AuthenticationResult,
    expected: ExpectedAccount,
    step: string,
  ): Promise<AuthenticationResult> {
    return acceptAccount(this.app, result, expected, step);
  }

  /**
   * The core's token from an MSAL result (which holds no reference to it afterwards); `source` is
   * `broker` whatever the step when the platform broker issued it.
   */
  token(result: AuthenticationResult, source: TokenSource): AccessToken {
    const account = result.account ?? this.#account;
    return {
      accessToken: result.accessToken,
      expiresOn: result.expiresOn ?? new Date(Number.NaN),
      scopes: [...result.scopes],
      ...(account ? { account: toAccount(account) } : {}),
      source: result.fromPlatformBroker ? 'broker' : source,
    };
  }
}
