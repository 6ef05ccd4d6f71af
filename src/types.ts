import type { RetryOptions } from 'ky';
import type { DiagnosisCheck, ProviderDiagnosisContext } from './diagnostics/diagnosis.js';

/** A signed-in user as an {@link AuthProvider} knows them. */
export interface Account {
  /** Stable id (for Azure AD: `homeAccountId`). */
  id: string;
  /** Sign-in name (UPN or email). */
  username: string;
  /** Display name, when the provider knows it. */
  name?: string;
}

/**
 * Where a token came from: our in-memory store, or which provider step produced it (`broker`: the
 * device's platform broker, through MSAL).
 */
export type TokenSource =
  | 'store'
  | 'cache'
  | 'refresh'
  | 'sso-silent'
  | 'interactive'
  | 'broker'
  | 'provider';

/** What a caller asks a provider for. */
export interface TokenRequest {
  /** Scopes the token must carry (for Azure AD: `api://orders/Orders.Read`). */
  scopes: string[];
  /** A claims challenge (decoded JSON string) the token must satisfy (CAE, conditional access). */
  claims?: string;
  /** Skip every cache and obtain a new token from the source. */
  forceRefresh?: boolean;
  /** Stops waiting for the token. A shared acquisition keeps running for other callers. */
  signal?: AbortSignal;
}

/** An access token and what is known about it. Never logged, stored or rendered by this library. */
export interface AccessToken {
  accessToken: string;
  /** When the token stops being valid, in this device's clock. */
  expiresOn: Date;
  scopes: string[];
  account?: Account;
  source: TokenSource;
}

/**
 * What a client hands a provider while it acquires a token (the second argument of `getToken`):
 * the client's other providers, for providers that build on another one (token exchange,
 * assertion grants). Valid during that `getToken` call.
 */
export interface ProviderContext {
  /**
   * A token from provider `provider` of the same client, through the client's token store: from
   * memory while fresh, one acquisition for concurrent demands, `token` events fired, renewed
   * only when needed. Rejects with `configuration_error` when `provider` is not registered or
   * would lead back to the provider asking (a loop), else with that provider's own error.
   */
  token(provider: string, request: TokenRequest): Promise<AccessToken>;
  /** The account provider `provider` is signed in as (a copy), if it knows one. */
  account(provider: string): Account | undefined;
}

/**
 * A way of obtaining tokens: MSAL, an OAuth token endpoint, a backend, a custom function.
 * Implementations should acquire silently when they can, and throw a `CalloutError` with a code
 * (`interaction_required`, `login_required`, …) when they cannot.
 */
export interface AuthProvider {
  /**
   * Obtain a token for `request.scopes`. Called by the token store, never concurrently for one
   * key, with the client's {@link ProviderContext} (providers that need no other provider ignore it).
   */
  getToken(request: TokenRequest, context?: ProviderContext): Promise<AccessToken>;
  /** Interactive sign-in. Call from a user gesture when it may open a popup. */
  signIn?(): Promise<Account>;
  signOut?(): Promise<void>;
  /** The account tokens are currently acquired for, if the provider knows it. */
  readonly account?: Account;
  /** Called with the new account whenever it changes; returns an unsubscribe function. */
  subscribe?(listener: (account?: Account) => void): () => void;
  /**
   * Releases everything the provider holds open so it can be dropped: closes its channels
   * (`BroadcastChannel`, `MessagePort`), removes the listeners it added (window `message` or
   * `storage`, its subscribers), clears its timers and removes any frame it inserted.
   *
   * The client calls it once, when the provider leaves the client: `callout.providers.delete(name)`,
   * a `define` that replaces it, or `callout.dispose()` — always after unsubscribing from it, and
   * not while the same object is still registered under another name. It must be idempotent (a
   * second call does nothing) and must not throw. Acquisitions still running may fail afterwards;
   * the provider is not asked for anything else.
   */
  dispose?(): void;
  /**
   * URLs (or URL prefixes) of the provider's own token endpoints. Tokens are never attached to,
   * and auth retries never go through, requests to these URLs. A path (`/api/token`) is read
   * against the page's URL when a request is checked.
   */
  readonly tokenEndpoints?: readonly string[];
  /**
   * Live checks of the provider's own setup for `callout.diagnose()` (its redirect page, where it
   * keeps its cache, what it knows about third-party cookies …). Must never acquire a token,
   * never send anything to an API and never put a token in a check; should settle within
   * `context.timeout` per probe. A rejection becomes one failed check.
   */
  diagnose?(context: ProviderDiagnosisContext): Promise<readonly DiagnosisCheck[]>;
}

/** What `signIn()` of an {@link InteractiveAuthProvider} accepts. */
export interface SignInOptions {
  /** Stops waiting for the sign-in (it rejects with `aborted`); a popup or redirect that already started is not closed. */
  signal?: AbortSignal;
}

/**
 * What the providers that sign the user in themselves — `msalProvider` and `oidcProvider` — offer
 * beyond {@link AuthProvider}, as one shape: elements (`<callout-login>`, `<callout-msal>`,
 * `<callout-oidc>`) and apps that hold "a provider that signs in" use this type, not one per
 * library. Each provider's own interface (`MsalAuthProvider`, `OidcAuthProvider`) extends it.
 */
export interface InteractiveAuthProvider extends AuthProvider {
  /**
   * Interactive sign-in (call it from a click: it may open a popup). Settles with the account or
   * a typed error; with `interaction: 'redirect'` the page leaves for the identity provider and
   * the promise never settles (the sign-in completes when the page comes back).
   */
  signIn(options?: SignInOptions): Promise<Account>;
  /** Forgets the account here and in the provider's other tabs; no silent sign-in until the next `signIn()`. */
  signOut(): Promise<void>;
  subscribe(listener: (account?: Account) => void): () => void;
  readonly tokenEndpoints: readonly string[];
  /** Resolves once start-up is done: a sign-in redirect's answer (if any) handled, the account known. */
  ready(): Promise<void>;
  /**
   * The link to a sign-in page the user opens themselves, where popups cannot open (MSAL under
   * Lightning Web Security with `signInPage`); `undefined` when `signIn()` is the way.
   */
  signInUrl(): string | undefined;
  /** The provider's own checks for `callout.diagnose()` (loaded on first use). */
  diagnose(context: ProviderDiagnosisContext): Promise<readonly DiagnosisCheck[]>;
  /** Releases what the provider holds open (idempotent); afterwards its calls reject with `configuration_error`. */
  dispose(): void;
}

/** ky's retry options, re-exported so credentials can be typed without importing ky. */
export type CalloutRetryOptions = RetryOptions;

/**
 * A named credential: an API base URL and how to obtain a token for it. `callout:Name/path`
 * resolves strictly inside `url`, and tokens go only to URLs inside it.
 */
export interface NamedCredential {
  name: string;
  /** Absolute base URL. Paths resolve below it; it must end in `/` or is treated as if it did. */
  url: string;
  /** Name of the provider (a key of `CalloutOptions.providers`). */
  provider: string;
  scopes: string[];
  /** Statuses that make the client refresh the token and retry once. Default `[401]`. */
  refreshOn?: number[];
  /** Headers sent with every request through this credential. */
  headers?: Record<string, string>;
  /** ky's per-attempt timeout in ms (default 10 000) or `false`. */
  timeout?: number | false;
  /** ky's retry policy for transient failures (the auth retry is separate and always one). */
  retry?: number | CalloutRetryOptions;
}

/** A credential as passed in `CalloutOptions.credentials`, keyed by name. */
export type CredentialDefinition = Omit<NamedCredential, 'name'>;

/** Options of {@link createCallout}. */
export interface CalloutOptions {
  providers?: Record<string, AuthProvider>;
  credentials?: Record<string, CredentialDefinition>;
  /** Renew tokens this many seconds before they expire. Default 300. */
  leewaySeconds?: number;
  /**
   * Coordinate acquisitions and sign-out across tabs of the origin (Web Locks + BroadcastChannel).
   * `true` (default): locks and "acquired" / "signed out" signals only — no token leaves the tab;
   * each tab gets its token from its own provider (one identity-provider request for all tabs when
   * the provider's cache is shared by tabs, e.g. MSAL with `cache: 'local'` — which MSAL itself
   * syncs between tabs over its own channel, tokens included). `'share-tokens'`:
   * also send each acquired token to the other tabs (any same-origin context can read it; refused
   * under Lightning Web Security). `false`: no coordination.
   */
  crossTab?: boolean | 'share-tokens';
  /** Name of the cross-tab channel and locks; tabs with the same name coordinate. Default `sso-callout`. */
  channelName?: string;
  /** Most tokens (one per provider, account, scopes and claims) kept; least recently used dropped first. Default 100. */
  maxTokens?: number;
  /**
   * Origins credentials may point at, such as `['https://api.contoso.com']` (scheme, host and
   * port; no wildcards). A credential on another origin — from these options, from code or from
   * markup — is refused with `origin_not_allowed` and never gets a token. Absent: any origin.
   */
  allowedOrigins?: string[];
}
