import {
  type AccountInfo,
  type AuthenticationResult,
  CacheLookupPolicy,
  type Configuration,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
  PublicClientApplication,
} from '@azure/msal-browser';
import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode, interactionErrorCodes } from '../diagnostics/error-codes.js';
import type { AccessToken, Account, AuthProvider, TokenRequest, TokenSource } from '../types.js';
import { pickAccount, toAccount } from './account.js';
import { acceptAccount, type ExpectedAccount } from './account-check.js';
import { fromMsalError, type MsalFailureContext, msalErrorCode } from './errors.js';
import { interactionSettled, runExclusiveInteraction } from './interaction-lock.js';
import { loadMsalLws, type MsalLws } from './lws/load.js';
import { refuseSharedCacheUnderLws, resolveLwsMode } from './lws/mode.js';
import type { SignInListener } from './lws/sign-in-listener.js';
import { signInPageUrl } from './lws/sign-in-url.js';
import { authorityEndpoints, buildMsalConfiguration, type MsalProviderOptions } from './options.js';
import { SignOutChannel } from './sign-out-channel.js';
import { type MsalStart, startMsal } from './startup.js';

/** The MSAL provider: an {@link AuthProvider} with sign-in, sign-out and account tracking. */
export interface MsalAuthProvider extends AuthProvider {
  signIn(): Promise<Account>;
  signOut(): Promise<void>;
  subscribe(listener: (account?: Account) => void): () => void;
  readonly tokenEndpoints: readonly string[];
  /** Resolves once MSAL is initialized and a sign-in redirect (if any) is handled. */
  ready(): Promise<void>;
  /**
   * Under LWS with `signInPage`: the link to the sign-in page (show it as `<a target="_blank">`:
   * popups cannot open in LWS). `undefined` otherwise.
   */
  signInUrl(): string | undefined;
}

/** MSAL errors after which a silent SSO attempt (hidden iframe) may still succeed. */
const ssoRecoverable: ReadonlySet<string> = new Set([
  'invalid_grant',
  'interaction_required',
  'login_required',
  'consent_required',
  'no_tokens_found',
  'refresh_token_expired',
  'bad_token',
  'no_account_error',
]);

/** MSAL errors that mean "the user must interact" (so the policy decides what happens). */
const needsUser: ReadonlySet<string> = new Set([
  'interaction_required',
  'login_required',
  'consent_required',
  'no_account_error',
]);

const oidcScopes = ['openid', 'profile', 'offline_access'];

/**
 * Creates an {@link AuthProvider} that gets Azure AD (Entra ID) access tokens as the host page's
 * signed-in user, with `@azure/msal-browser`.
 *
 * **Start-up** begins at once: `initialize()` then `handleRedirectPromise()`, exactly once per MSAL
 * instance however many providers share it. The account is the one matching `loginHint`, else the
 * active account.
 *
 * **Acquisition** (`getToken`, called by the core's token store only when it has no fresh token),
 * each step only when the previous cannot serve:
 * 1. `acquireTokenSilent`: MSAL's cache (`source: 'cache'`) or its refresh token (`'refresh'`);
 * 2. `ssoSilent` with `loginHint` / `sid`: a hidden iframe against the Azure AD session the host
 *    page signed in with (`'sso-silent'`); concurrent callers share one attempt;
 * 3. interaction per `interaction`: `popup` only while the page has a user gesture
 *    (`navigator.userActivation.isActive`), `redirect`, or `none`. Without a gesture (or with
 *    `none`) a `CalloutError` coded `interaction_required` / `login_required` / `consent_required`
 *    is thrown, and the client fires `interaction-required` so an element can offer "Sign in".
 *
 * Every result (silent, interactive, a redirect's, the LWS sign-in page's hand-back) must be the
 * user the page expects — `loginHint`, `sid` where it was sent, and the account already signed in
 * — or it is refused with `account_mismatch` before its token is used, and its account removed
 * from MSAL's cache (msal-account-check.ts). To change users, `signOut()` first.
 *
 * Only one popup or redirect runs on the page at a time; other demands wait for it and then
 * reuse its result silently. Claims challenges are passed to MSAL (silently first). Every MSAL or
 * AADSTS failure becomes a `CalloutError` whose hint says what to change.
 *
 * Throws `configuration_error` at once for options that cannot work (no client id, http authority,
 * redirect URI on another origin).
 *
 * **Lightning Web Security** (`lws`, detected by default): the adaptations MSAL needs inside the
 * sandbox live in a module of their own (`msal-lws.ts`), loaded with a dynamic `import()` only when
 * LWS is detected or forced, so other pages never download them (a bundle without code splitting,
 * like the Salesforce static resource, inlines them). The load begins as the provider is created
 * (once per page however many providers ask; a failed load is retried by the next provider) and
 * start-up waits for it before `initialize()`: the MSAL instance (the LWS subclass, unless
 * `instance` is given) is created as soon as the adaptations are here, so under LWS a failure to
 * load them or to create it is reported by `ready()` and the first `getToken` / `signIn` instead
 * of being thrown by `msalProvider()`. Every MSAL call already waits for start-up, so nothing else
 * changes for callers; `signInUrl()` answers at once, without the adaptations.
 *
 * @example
 * ```ts
 * const aad = msalProvider({
 *   clientId: '11111111-2222-3333-4444-555555555555',
 *   authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
 *   loginHint: 'jane@contoso.com',          // the host page's user: silent SSO, no prompt
 *   redirectUri: `${location.origin}/redirect.html`,
 * });
 * const callout = createCallout({ providers: { aad }, credentials: { … } });
 * ```
 */
export function msalProvider(options: MsalProviderOptions = {}): MsalAuthProvider {
  return new MsalProvider(options);
}

class MsalProvider implements MsalAuthProvider {
  readonly tokenEndpoints: readonly string[];
  readonly #options: MsalProviderOptions;
  /**
   * Set in the constructor, except under LWS without `instance`: then `#adaptToLws` creates it
   * (from `#configuration`) once the adaptations have loaded. Read it through `#app` after start-up.
   */
  #instance: IPublicClientApplication | undefined;
  /** The configuration the LWS instance is created from (under LWS without `instance`). */
  readonly #configuration: Configuration | undefined;
  /** Another tab signed out before the LWS instance existed: its cache is cleared once created. */
  #clearWhenCreated = false;
  readonly #clientId: string;
  readonly #redirectUri: string;
  readonly #listeners = new Set<(account?: Account) => void>();
  readonly #startup: Promise<void>;
  readonly #channel: SignOutChannel;
  /** Inside Salesforce Lightning Web Security: MSAL gets the scoped adaptations of msal-lws-*. */
  readonly #lws: boolean;
  /**
   * Under LWS: loads the adaptations and sets up what needs them (`#adaptToLws`), begun by the
   * constructor; start-up waits for it, and settles only after it.
   */
  readonly #adapted: Promise<void> | undefined;
  /** The adaptations (msal-lws.ts), once loaded; `undefined` outside LWS. */
  #adaptations: MsalLws | undefined;
  /** Under LWS with a sign-in page: hears the page announce a sign-in (msal-lws-sign-in), once loaded. */
  #signInListener: SignInListener | undefined;
  #loginHint: string | undefined;
  #account: AccountInfo | undefined;
  #pendingSso: Promise<unknown> | undefined;
  /** After signOut(), silent SSO would sign the user straight back in; wait for signIn(). */
  #signedOut = false;
  /** The page came back from a sign-in redirect with an error: reported by the next getToken. */
  #redirectFailure: CalloutError | undefined;
  /** Scopes that needed interaction, consented to on the next sign-in. */
  readonly #wantedScopes = new Set<string>();

  constructor(options: MsalProviderOptions) {
    this.#options = options;
    this.#lws = resolveLwsMode(options.lws);
    if (options.instance) {
      this.#instance = options.instance;
      const configured = options.instance.getConfiguration();
      if (this.#lws) refuseSharedCacheUnderLws(configured.cache.cacheLocation);
      this.#clientId = configured.auth.clientId;
      this.#redirectUri = configured.auth.redirectUri;
      this.tokenEndpoints = authorityEndpoints(configured);
    } else {
      const configuration = buildMsalConfiguration(options);
      if (this.#lws) refuseSharedCacheUnderLws(configuration.cache?.cacheLocation);
      this.#clientId = configuration.auth.clientId;
      this.#redirectUri = configuration.auth.redirectUri ?? '';
      this.tokenEndpoints = authorityEndpoints(configuration);
      if (this.#lws) {
        // Under LWS: a subclass whose hidden-iframe answer comes by postMessage
        // (msal-lws-application), created by start-up once the adaptations have loaded.
        this.#configuration = configuration;
      } else {
        try {
          this.#instance = new PublicClientApplication(configuration);
        } catch (error) {
          throw fromMsalError(error, this.#context('new PublicClientApplication', []));
        }
      }
    }
    this.#channel = new SignOutChannel(this.#clientId, (accountId) => this.#signedOutElsewhere(accountId));
    // Under LWS the adaptations load (once per page) while the login hint resolves.
    this.#adapted = this.#lws ? this.#adaptToLws() : undefined;
    this.#adapted?.catch(() => {}); // Reported through start-up, never unhandled.
    this.#startup = this.#start();
    this.#startup.catch(() => {}); // Reported by the first getToken/signIn, never unhandled.
  }

  /** The MSAL instance: always set once start-up has created it (see `#instance`). */
  get #app(): IPublicClientApplication {
    if (!this.#instance) throw new Error('MSAL used before start-up created it');
    return this.#instance;
  }

  get account(): Account | undefined {
    return this.#account ? toAccount(this.#account) : undefined;
  }

  ready(): Promise<void> {
    return this.#startup;
  }

  subscribe(listener: (account?: Account) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async getToken(request: TokenRequest): Promise<AccessToken> {
    await this.#startup;
    await interactionSettled();
    const redirectFailure = this.#redirectFailure;
    if (redirectFailure) {
      this.#redirectFailure = undefined;
      throw redirectFailure;
    }
    const scopes = [...request.scopes];
    let firstFailure: unknown;
    // Another provider or the app sharing this MSAL instance (or its cache) may have signed in since.
    if (!this.#account && !this.#signedOut) this.#setAccount(pickAccount(this.#app, this.#loginHint));
    const account = this.#account;
    if (account) {
      try {
        const silent = await this.#app.acquireTokenSilent({
          account,
          scopes,
          ...(request.claims ? { claims: request.claims } : {}),
          ...(request.forceRefresh ? { forceRefresh: true } : {}),
          cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
        });
        const result = await this.#accept(
          silent,
          { account, loginHint: this.#loginHint },
          'acquireTokenSilent',
        );
        return this.#token(result, result.fromCache ? 'cache' : 'refresh');
      } catch (error) {
        if (!isSsoRecoverable(error)) throw fromMsalError(error, this.#context('acquireTokenSilent', scopes));
        firstFailure = error;
      }
    }
    let lastFailure: unknown = firstFailure;
    if (!this.#signedOut && (this.#loginHint || this.#options.sid || account)) {
      if (this.#pendingSso) {
        // Another credential is already signing in silently: wait, then use its account.
        await this.#pendingSso.catch(() => {});
        if (this.#account && !account) return this.getToken(request);
      }
      try {
        const sso = () =>
          this.#app.ssoSilent({
            scopes,
            redirectUri: this.#redirectUri,
            ...(this.#loginHint ? { loginHint: this.#loginHint } : account ? { account } : {}),
            ...(this.#options.sid ? { sid: this.#options.sid } : {}),
            ...(this.#options.domainHint ? { domainHint: this.#options.domainHint } : {}),
            ...(request.claims ? { claims: request.claims } : {}),
          });
        // Under LWS, MSAL's hidden iframe must be created without allow-same-origin (msal-lws-iframe);
        // start-up loaded the adaptations, so they are here whenever #lws is set.
        const lws = this.#adaptations;
        const expected = { loginHint: this.#loginHint, sid: this.#options.sid, account };
        const attempt = (lws ? lws.withOpaqueMsalIframes(sso) : sso())
          .then((result) => this.#accept(result, expected, 'ssoSilent'))
          .then((result) => {
            // Before waiters resume: they continue with this account.
            this.#setAccount(result.account ?? undefined);
            return result;
          });
        this.#pendingSso = attempt;
        const result = await attempt.finally(() => {
          if (this.#pendingSso === attempt) this.#pendingSso = undefined;
        });
        return this.#token(result, 'sso-silent');
      } catch (error) {
        if (!needsUser.has(msalErrorCode(error) ?? '') && !(error instanceof InteractionRequiredAuthError)) {
          throw fromMsalError(error, this.#context('ssoSilent', scopes));
        }
        lastFailure = error;
      }
    }
    return this.#interact(request, lastFailure, firstFailure);
  }

  signInUrl(): string | undefined {
    const page = this.#options.signInPage;
    if (!this.#lws || !page) return undefined;
    // No identity-provider setting in the link: the page has its own, fixed by its build.
    return signInPageUrl({
      page,
      namespace: this.#options.lwsNamespace ?? 'c',
      ...(this.#loginHint ? { loginHint: this.#loginHint } : {}),
    });
  }

  #signInScopes(): string[] {
    return [...new Set([...oidcScopes, ...(this.#options.scopes ?? []), ...this.#wantedScopes])];
  }

  async signIn(): Promise<Account> {
    await this.#startup;
    this.#redirectFailure = undefined;
    if (this.#lws) return this.#signInThroughPage();
    const scopes = this.#signInScopes();
    const request = {
      scopes,
      redirectUri: this.#redirectUri,
      ...(this.#loginHint ? { loginHint: this.#loginHint } : {}),
      ...(this.#options.domainHint ? { domainHint: this.#options.domainHint } : {}),
    };
    if (this.#options.interaction === 'redirect') {
      await runExclusiveInteraction(() =>
        this.#app.loginRedirect(request).catch((error: unknown) => {
          throw fromMsalError(error, this.#context('loginRedirect', scopes));
        }),
      );
      // The page is navigating to Azure AD; sign-in completes when it comes back.
      return new Promise<Account>(() => {});
    }
    const result = await runExclusiveInteraction(() =>
      this.#app.loginPopup(request).catch((error: unknown) => {
        throw fromMsalError(error, this.#context('loginPopup', scopes));
      }),
    );
    if (result)
      await this.#accept(result, { loginHint: this.#loginHint, account: this.#account }, 'loginPopup');
    if (result?.account) {
      this.#signedOut = false;
      this.#wantedScopes.clear();
      this.#setAccount(result.account);
    }
    if (!this.#account) {
      throw new CalloutError({
        code: CalloutErrorCode.interactionRequired,
        message: 'Sign-in finished without an account',
        hint: 'Another sign-in on this page ended without signing in: call callout.signIn() again from a click.',
      });
    }
    return toAccount(this.#account);
  }

  /**
   * Under LWS no window can be opened: resolves when the sign-in page (opened by the user from
   * `signInUrl()`) has announced a sign-in and the silent sign-in that follows found the account.
   */
  #signInThroughPage(): Promise<Account> {
    if (!this.#signInListener) {
      return Promise.reject(
        new CalloutError({
          code: CalloutErrorCode.configurationError,
          message: 'Interactive sign-in is impossible inside Lightning Web Security without a sign-in page',
          hint: "Pass signInPage: the URL of the static resource's sign-in.html, and show provider.signInUrl() as a link (LWS blocks popups).",
        }),
      );
    }
    return new Promise<Account>((resolve) => {
      const unsubscribe = this.subscribe((account) => {
        if (!account) return;
        unsubscribe();
        resolve(account);
      });
    });
  }

  /**
   * The sign-in page announced a sign-in: the Azure AD session now exists, so sign in silently
   * (the announcement itself is not trusted: it only names a hint; the token comes from ssoSilent).
   * A configured login hint always wins over the announced username, so start-up (which resolves
   * the hint) is awaited before choosing. The listener throttles calls (msal-lws-sign-in).
   */
  async #signedInElsewhere(username: string | undefined): Promise<void> {
    try {
      await this.#startup;
      const hint = this.#loginHint ?? username;
      const lws = this.#adaptations;
      if (!hint || !lws) return;
      const scopes = this.#signInScopes();
      const handedBack = await lws.withOpaqueMsalIframes(() =>
        this.#app.ssoSilent({ scopes, redirectUri: this.#redirectUri, loginHint: hint }),
      );
      // Refused (and dropped from MSAL's cache) unless it is the announced or configured user.
      const result = await this.#accept(handedBack, { loginHint: hint, account: this.#account }, 'ssoSilent');
      this.#signedOut = false;
      this.#wantedScopes.clear();
      this.#setAccount(result.account ?? undefined);
    } catch {
      // A forged or premature announcement: nothing changes; the next demand reports as usual.
    }
  }

  async signOut(): Promise<void> {
    await this.#startup.catch(() => {});
    const account = this.#account;
    this.#signedOut = true;
    this.#setAccount(undefined);
    this.#channel.announce(account?.homeAccountId);
    const instance = this.#instance;
    // Under LWS, the adaptations failed, so MSAL was never created: nothing to clear; report why.
    if (!instance) return this.#adapted;
    try {
      if (this.#options.signOutScope === 'global' && this.#options.interaction === 'redirect') {
        await instance.logoutRedirect({
          ...(account ? { account } : {}),
          postLogoutRedirectUri: this.#redirectUri,
        });
      } else if (this.#options.signOutScope === 'global' && this.#options.interaction !== 'none') {
        await runExclusiveInteraction(() =>
          instance.logoutPopup({
            ...(account ? { account } : {}),
            postLogoutRedirectUri: this.#redirectUri,
          }),
        );
      } else {
        await instance.clearCache(account ? { account } : {});
      }
    } catch (error) {
      throw fromMsalError(error, this.#context('signOut', []));
    }
  }

  async #start(): Promise<void> {
    const hint = this.#options.loginHint;
    try {
      this.#loginHint = typeof hint === 'function' ? await hint() : hint;
    } catch (error) {
      // Settle the LWS adaptations first: once start-up has failed, MSAL exists unless they failed.
      if (this.#adapted) await this.#adapted.catch(() => {});
      throw new CalloutError({
        code: CalloutErrorCode.configurationError,
        cause: error,
        message: 'msalProvider loginHint function failed',
        hint: 'Fix the loginHint function: it should resolve to the host page user’s UPN or email, or undefined.',
      });
    }
    if (this.#adapted) await this.#adapted;
    let started: MsalStart;
    try {
      started = await startMsal(this.#app);
    } catch (error) {
      throw fromMsalError(error, this.#context('initialize', []));
    }
    if (started.redirectFailure !== undefined) {
      this.#redirectFailure = fromMsalError(
        started.redirectFailure,
        this.#context('handleRedirectPromise', []),
      );
    }
    let redirected = started.redirected;
    if (redirected) {
      redirected = await this.#accept(
        redirected,
        { loginHint: this.#loginHint },
        'handleRedirectPromise',
      ).catch((error: unknown) => {
        this.#redirectFailure = fromMsalError(error, this.#context('handleRedirectPromise', []));
        return null;
      });
    }
    const account = redirected?.account ?? pickAccount(this.#app, this.#loginHint);
    if (account) this.#setAccount(account);
  }

  /**
   * Under LWS, from the constructor on: loads the adaptations, then creates the LWS instance
   * (unless the app gave one) and, with a sign-in page, starts listening for its announcement.
   */
  async #adaptToLws(): Promise<void> {
    let lws: MsalLws;
    try {
      lws = await loadMsalLws();
    } catch (error) {
      throw new CalloutError({
        code: CalloutErrorCode.networkError,
        cause: error,
        message: 'msalProvider could not load its LWS adaptations',
        hint: 'Serve every file of the sso-callout/msal build (the LWS adaptations are a chunk of their own).',
      });
    }
    this.#adaptations = lws;
    const configuration = this.#configuration;
    if (configuration) {
      try {
        this.#instance = lws.LwsPublicClientApplication.create(configuration);
      } catch (error) {
        throw fromMsalError(error, this.#context('new PublicClientApplication', []));
      }
      if (this.#clearWhenCreated) void this.#instance.clearCache({}).catch(() => {});
    }
    if (this.#options.signInPage) {
      this.#signInListener = new lws.SignInListener({
        clientId: this.#clientId,
        onSignedIn: (username) => this.#signedInElsewhere(username),
      });
    }
  }

  async #interact(request: TokenRequest, failure: unknown, earlier: unknown): Promise<AccessToken> {
    const scopes = [...request.scopes];
    const error = this.#interactionError(failure, earlier, scopes);
    for (const scope of scopes) this.#wantedScopes.add(scope);
    const policy = this.#options.interaction ?? 'popup';
    // Under LWS popups and redirects cannot start from the sandbox: the sign-in page does it.
    if (policy === 'none' || this.#signedOut || this.#lws) throw error;
    const interactive = {
      scopes,
      redirectUri: this.#redirectUri,
      ...(this.#account ? { account: this.#account } : {}),
      ...(this.#loginHint ? { loginHint: this.#loginHint } : {}),
      ...(this.#options.domainHint ? { domainHint: this.#options.domainHint } : {}),
      ...(request.claims ? { claims: request.claims } : {}),
    };
    if (policy === 'redirect') {
      await runExclusiveInteraction(() =>
        this.#app.acquireTokenRedirect(interactive).catch((cause: unknown) => {
          throw fromMsalError(cause, this.#context('acquireTokenRedirect', scopes));
        }),
      );
      throw error;
    }
    if (globalThis.navigator?.userActivation?.isActive !== true) throw error;
    const result = await runExclusiveInteraction(() =>
      this.#app.acquireTokenPopup(interactive).catch((cause: unknown) => {
        throw fromMsalError(cause, this.#context('acquireTokenPopup', scopes));
      }),
    );
    if (!result) return this.#afterOtherInteraction(request);
    const expected = { loginHint: this.#loginHint, account: this.#account };
    this.#setAccount((await this.#accept(result, expected, 'acquireTokenPopup')).account ?? undefined);
    return this.#token(result, 'interactive');
  }

  /** Another interaction on the page finished while we waited: try the cache it filled. */
  async #afterOtherInteraction(request: TokenRequest): Promise<AccessToken> {
    const scopes = [...request.scopes];
    if (!this.#account) throw this.#interactionError(undefined, undefined, scopes);
    try {
      const account = this.#account;
      const silent = await this.#app.acquireTokenSilent({
        account,
        scopes,
        ...(request.claims ? { claims: request.claims } : {}),
        cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
      });
      const result = await this.#accept(
        silent,
        { account, loginHint: this.#loginHint },
        'acquireTokenSilent',
      );
      return this.#token(result, result.fromCache ? 'cache' : 'refresh');
    } catch (error) {
      throw fromMsalError(error, this.#context('acquireTokenSilent', scopes));
    }
  }

  /** The typed error for "the user must interact", always with an interaction code. */
  #interactionError(failure: unknown, earlier: unknown, scopes: string[]): CalloutError {
    if (failure === undefined) {
      const why = this.#signedOut
        ? 'The user signed out'
        : 'No account is signed in and no loginHint or sid was given for silent SSO';
      return new CalloutError({
        code: CalloutErrorCode.interactionRequired,
        message: `${why}: a token for ${scopes.join(' ')} needs an interactive sign-in`,
        hint: this.#signedOut
          ? 'Call callout.signIn() from a click to sign in again.'
          : "Pass loginHint (the host page user's UPN or email) so the provider can sign in silently with the Azure AD session, or call callout.signIn() from a click.",
      });
    }
    const mapped = fromMsalError(failure, this.#context('ssoSilent', scopes));
    const before =
      earlier !== undefined && earlier !== failure
        ? ` (before that, ${fromMsalError(earlier, this.#context('acquireTokenSilent', scopes)).message})`
        : '';
    const code = interactionErrorCodes.has(mapped.code) ? mapped.code : CalloutErrorCode.interactionRequired;
    return new CalloutError({
      code,
      hint: mapped.hint,
      cause: failure,
      message: `${mapped.message}${before}`,
    });
  }

  /** `result` if it is the `expected` user; else refused (`account_mismatch`) and dropped from MSAL's cache. */
  #accept(
    result: AuthenticationResult,
    expected: ExpectedAccount,
    step: string,
  ): Promise<AuthenticationResult> {
    return acceptAccount(this.#app, result, expected, step);
  }

  #token(result: AuthenticationResult, source: TokenSource): AccessToken {
    const account = result.account ?? this.#account;
    return {
      accessToken: result.accessToken,
      expiresOn: result.expiresOn ?? new Date(Number.NaN),
      scopes: [...result.scopes],
      ...(account ? { account: toAccount(account) } : {}),
      source,
    };
  }

  #setAccount(account: AccountInfo | undefined): void {
    const before = this.#account?.homeAccountId;
    this.#account = account;
    if (account) this.#app.setActiveAccount(account);
    if (before === account?.homeAccountId) return;
    const current = this.account;
    for (const listener of this.#listeners) listener(current);
  }

  /** Another tab signed this client out: forget the account and MSAL's cache for it here too. */
  #signedOutElsewhere(accountId: string | undefined): void {
    const account = this.#account;
    if (accountId !== undefined && account && account.homeAccountId !== accountId) return;
    this.#signedOut = true;
    this.#setAccount(undefined);
    const instance = this.#instance;
    // Under LWS the instance may not exist yet: #adaptToLws clears the cache when it creates it.
    if (!instance) this.#clearWhenCreated = true;
    else void instance.clearCache(account ? { account } : {}).catch(() => {});
  }

  #context(step: string, scopes: string[]): MsalFailureContext {
    return { step, scopes, redirectUri: this.#redirectUri, clientId: this.#clientId };
  }
}

function isSsoRecoverable(error: unknown): boolean {
  return error instanceof InteractionRequiredAuthError || ssoRecoverable.has(msalErrorCode(error) ?? '');
}
