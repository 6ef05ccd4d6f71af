/**
 * The types of `callout.diagnose()`: a report of live checks of the page's setup. Types only —
 * the checks themselves are a chunk loaded the first time `diagnose()` runs (diagnose/run.ts).
 */

/**
 * How one check came out: `ok`; `warn` (works, but something is likely to bite); `fail` (this is
 * broken, and the hint says what to change); `skip` (could not be checked here — `seen` says why).
 */
export type DiagnosisStatus = 'ok' | 'warn' | 'fail' | 'skip';

/**
 * The checks `diagnose()` runs. Stable names: each has a section in docs/troubleshooting.md
 * (anchor `check-<id>`). A provider may add checks under ids of its own.
 */
export type DiagnosisCheckId =
  | 'cors-authorization'
  | 'cors-www-authenticate'
  | 'token-audience'
  | 'token-scopes'
  | 'clock-skew'
  | 'redirect-page'
  | 'csp'
  | 'lws'
  | 'third-party-cookies'
  | 'local-network-access'
  | 'msal-cache'
  | 'nested-app-auth'
  | 'platform-broker'
  | 'oidc-discovery'
  | 'oidc-callback-page'
  | 'token-endpoint-cors'
  | 'versions'
  | 'provider-checks';

/** One check of one credential, provider or the page. Plain text only: never a token. */
export interface DiagnosisCheck {
  /** Which check (see {@link DiagnosisCheckId}). */
  readonly id: DiagnosisCheckId | (string & {});
  readonly status: DiagnosisStatus;
  /** One line: what was checked (`The API lets this page send Authorization`). */
  readonly title: string;
  /** The credential the check is about, when it is about one. */
  readonly credential?: string;
  /** The provider the check is about, when it is about one. */
  readonly provider?: string;
  /** What was seen (`401 without a readable WWW-Authenticate header`). */
  readonly seen: string;
  /** What to change, naming the host or setting at fault (for `warn` and `fail`). */
  readonly hint?: string;
  /** The section of docs/troubleshooting.md about this check. */
  readonly docs: string;
}

/** What `callout.diagnose()` returns. Frozen; holds no token and nothing that holds one. */
export interface Diagnosis {
  /** When the checks ran (they finished by the time the promise resolved). */
  readonly at: Date;
  /** The page checked: its origin and path, without query or fragment. */
  readonly page: string;
  /** The worst status of any check (`skip` counts as `ok`); `ok` for no checks. */
  readonly status: Exclude<DiagnosisStatus, 'skip'>;
  readonly checks: readonly DiagnosisCheck[];
}

/** Options of `callout.diagnose()`. */
export interface DiagnoseOptions {
  /**
   * Get a token for credentials whose token the store does not hold, to check its audience and
   * scopes. Default `false`: the checks read only tokens the page already has (`peekToken`) and
   * never cause an acquisition. With `true`, the provider's silent chain runs, and its interaction
   * policy applies — call it from a click only if a sign-in window is acceptable.
   */
  acquire?: boolean;
  /** How long each network probe may take, in milliseconds. Default 5000. */
  timeout?: number;
  /** Stops every probe still running; `diagnose()` then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What a provider's own checks get (see `AuthProvider.diagnose`). */
export interface ProviderDiagnosisContext {
  /** The provider's name in the client, for the checks' `provider` field. */
  readonly name: string;
  /** How long each probe may take, in milliseconds. */
  readonly timeout: number;
  /** Aborted when the caller gives up. */
  readonly signal: AbortSignal;
}
