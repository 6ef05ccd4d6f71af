import type { ResponsePromise } from 'ky';
import { type ClientCore, createClientCore } from './client-core.js';
import type { CredentialRegistry } from './credentials/credential-registry.js';
import { CalloutError } from './diagnostics/callout-error.js';
import { seenViolations } from './diagnostics/csp-watch.js';
import type { DiagnoseOptions, Diagnosis } from './diagnostics/diagnosis.js';
import { CalloutErrorCode } from './diagnostics/error-codes.js';
import type { CalloutEvents } from './events.js';
import type { CalloutRequestOptions } from './http/send.js';
import type { ProviderRegistry } from './providers/provider-registry.js';
import { insideLws } from './tokens/cross-tab-mode.js';
import type { AccessToken, Account, AuthProvider, CalloutOptions, TokenRequest } from './types.js';
import { version } from './version.js';

/** Options of {@link Callout.token}: a {@link TokenRequest} whose scopes are the credential's. */
export type TokenOptions = Omit<TokenRequest, 'scopes'>;

type MethodShortcut = (input: string | URL, options?: CalloutRequestOptions) => ResponsePromise;

/**
 * A callout client: call it like ky (`callout(input, options)`, `.get/.post/.put/.patch/.delete/
 * .head`) with a `callout:Name/path` reference or a plain URL. It owns one token store, one
 * credential registry, one provider registry and one event bus, shared by everything that uses it.
 */
export interface Callout {
  (input: string | URL, options?: CalloutRequestOptions): ResponsePromise;
  get: MethodShortcut;
  post: MethodShortcut;
  put: MethodShortcut;
  patch: MethodShortcut;
  delete: MethodShortcut;
  head: MethodShortcut;
  /** A valid token for credential `name` (from the store when fresh). */
  token(name: string, options?: TokenOptions): Promise<AccessToken>;
  /**
   * The token the store holds for credential `name` right now, if it is fresh — never acquires,
   * never fires events. For diagnostics panels; `undefined` for unknown credentials.
   */
  peekToken(name: string, options?: Pick<TokenOptions, 'claims'>): AccessToken | undefined;
  /**
   * Interactive sign-in with `provider` (the only provider with `signIn` when omitted). Call it
   * from a click: a popup opened outside a user gesture is blocked.
   */
  signIn(provider?: string): Promise<Account>;
  /** Signs out of `provider` and forgets its tokens here and in other tabs. */
  signOut(provider?: string): Promise<void>;
  /**
   * Checks this client's setup live and resolves with a typed report ({@link Diagnosis}): for each
   * credential, whether the API's CORS answer lets the page send `Authorization` and read
   * `WWW-Authenticate`, the audience and scopes of the token the store holds, the clock skew;
   * for the page, the CSP violations seen since the first client was created, Lightning Web
   * Security, third-party cookies and the copies of sso-callout loaded; and each provider's own
   * checks (for MSAL: its redirect page and cache). Sends no write to any API and no token (the
   * CORS probe is a GET whose `Authorization` holds a placeholder), and no token appears in the
   * report. Its code loads on first use. Rejects only with `client_disposed` or the signal's reason.
   */
  diagnose(options?: DiagnoseOptions): Promise<Diagnosis>;
  /** Typed events: token, request, response, retry, error, interaction-required, account. */
  readonly events: CalloutEvents;
  /** The named credentials: `define`, `release`, `delete`, `get`, `require`, `list`, `resolve`, `subscribe`. */
  readonly credentials: CredentialRegistry;
  /** The auth providers by name: `define`, `delete`, `get`, `require`, `names`, `subscribe`. */
  readonly providers: ProviderRegistry;
  /**
   * Ends the client: stops cross-tab coordination (closes its channel) and disposes every provider
   * it holds (see `AuthProvider.dispose`). Requests already running finish; afterwards every call,
   * `token()`, `signIn()`, `signOut()` and provider registration fails with `client_disposed`, and
   * `peekToken()` returns `undefined`. Calling it again does nothing.
   */
  dispose(): void;
}

/**
 * Creates a callout client. Nothing is fetched until the first callout: providers are asked for
 * tokens lazily, and each token is then shared by every request that needs it. The client owns the
 * providers it is given: `dispose()` disposes them.
 *
 * @throws CalloutError for invalid options (`configuration_error`, `invalid_credential` …), before
 * anything is opened.
 *
 * @example
 * ```ts
 * const callout = createCallout({
 *   providers: { aad: msalProvider({ clientId, authority, loginHint }) },
 *   credentials: { Orders: { url: 'https://api.contoso.com/v1/', provider: 'aad', scopes: ['api://orders/Orders.Read'] } },
 * });
 * const open = await callout('callout:Orders/orders?status=open').json();
 * await callout.post('callout:Orders/orders', { json: { sku: 'A1' } });
 * ```
 */
export function createCallout(options: CalloutOptions = {}): Callout {
  const core = createClientCore(options);
  const { credentials, providers, store, events } = core;
  const shortcut =
    (method: string): MethodShortcut =>
    (input, requestOptions) =>
      core.send(input, { ...requestOptions, method });
  const callout = ((input: string | URL, requestOptions?: CalloutRequestOptions) =>
    core.send(input, requestOptions)) as Callout;
  return Object.assign(callout, {
    get: shortcut('get'),
    post: shortcut('post'),
    put: shortcut('put'),
    patch: shortcut('patch'),
    delete: shortcut('delete'),
    head: shortcut('head'),
    events,
    credentials,
    providers,
    async token(name: string, tokenOptions: TokenOptions = {}): Promise<AccessToken> {
      core.assertLive();
      const credential = credentials.require(name);
      const provider = providers.require(credential);
      return store.get(
        { providerName: credential.provider, provider, credential: name },
        { ...tokenOptions, scopes: [...credential.scopes] },
      );
    },
    peekToken(name: string, peekOptions: Pick<TokenOptions, 'claims'> = {}): AccessToken | undefined {
      const credential = credentials.get(name);
      const provider = credential && providers.get(credential.provider);
      if (core.disposed || !credential || !provider) return undefined;
      return store.peek(
        { providerName: credential.provider, provider, credential: name },
        { scopes: [...credential.scopes], claims: peekOptions.claims },
      );
    },
    async signIn(name?: string): Promise<Account> {
      const [providerName, provider] = pickProvider(core, name, 'signIn');
      const account = await provider.signIn!();
      if (!provider.subscribe) events.emit('account', { provider: providerName, account });
      return account;
    },
    async signOut(name?: string): Promise<void> {
      const [providerName, provider] = pickProvider(core, name, 'signOut');
      const accountId = provider.account?.id;
      await provider.signOut!();
      store.clear(providerName, accountId, true);
      if (!provider.subscribe) events.emit('account', { provider: providerName });
    },
    diagnose: (diagnoseOptions?: DiagnoseOptions) => diagnose(core, callout, diagnoseOptions),
    dispose: () => core.dispose(),
  });
}

/**
 * `callout.diagnose()`: refuses a disposed client, then loads the checks (diagnostics/diagnose/,
 * a chunk of their own on first use) and hands them what they need from the core.
 */
async function diagnose(core: ClientCore, callout: Callout, options?: DiagnoseOptions): Promise<Diagnosis> {
  core.assertLive();
  const environment = { version, insideLws, violations: seenViolations };
  return (await import('./diagnostics/diagnose/run.js')).runDiagnosis(callout, environment, options);
}

/**
 * The provider `name` (or, without a name, the only one) that has `capability`. Throws
 * `client_disposed` once the client is disposed, and `configuration_error` when none or several
 * providers qualify.
 */
function pickProvider(
  core: ClientCore,
  name: string | undefined,
  capability: 'signIn' | 'signOut',
): [string, AuthProvider] {
  core.assertLive();
  const { providers } = core;
  const candidates = name === undefined ? providers.names() : [name];
  const found = candidates
    .map((n) => [n, providers.get(n)] as const)
    .filter(
      (entry): entry is readonly [string, AuthProvider] =>
        !!entry[1] && typeof entry[1][capability] === 'function',
    );
  if (found.length === 1 || (found.length > 0 && name !== undefined)) return [found[0]![0], found[0]![1]];
  throw new CalloutError({
    code: CalloutErrorCode.configurationError,
    message:
      found.length === 0
        ? `No provider${name === undefined ? '' : ` named "${name}"`} supports ${capability}()`
        : `Several providers support ${capability}() (${found.map((f) => f[0]).join(', ')}): pass the provider name`,
  });
}
