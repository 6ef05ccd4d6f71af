import type { ResponsePromise } from 'ky';
import { CredentialRegistry } from './credentials/credential-registry.js';
import { CalloutError } from './diagnostics/callout-error.js';
import { CalloutErrorCode } from './diagnostics/error-codes.js';
import { CalloutEvents } from './events.js';
import { ChallengeBudget } from './http/challenge-budget.js';
import { type CalloutRequestOptions, send } from './http/send.js';
import { ProviderRegistry } from './providers/provider-registry.js';
import { crossTabMode } from './tokens/cross-tab-mode.js';
import { keyParts } from './tokens/token-key.js';
import { TokenStore } from './tokens/token-store.js';
import type { AccessToken, Account, AuthProvider, CalloutOptions } from './types.js';

/** Options of {@link Callout.token}. */
export interface TokenOptions {
  forceRefresh?: boolean;
  claims?: string;
  signal?: AbortSignal;
}

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
  /** Typed events: token, request, response, retry, error, interaction-required, account. */
  readonly events: CalloutEvents;
  /** The named credentials: `define`, `release`, `delete`, `get`, `require`, `list`, `resolve`, `subscribe`. */
  readonly credentials: CredentialRegistry;
  /** The auth providers by name: `define`, `delete`, `get`, `names`. */
  readonly providers: ProviderRegistry;
  /** Stops cross-tab coordination. Requests already running finish. */
  dispose(): void;
}

let instances = 0;

/**
 * Creates a callout client. Nothing is fetched until the first callout: providers are asked for
 * tokens lazily, and each token is then shared by every request that needs it.
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
  const events = new CalloutEvents();
  const crossTab = crossTabMode(options.crossTab);
  const store = new TokenStore({
    events,
    leewaySeconds: options.leewaySeconds,
    maxEntries: options.maxTokens,
    ...(crossTab ? { crossTabName: options.channelName ?? 'sso-callout', crossTabMode: crossTab } : {}),
    // What this client's credentials ask for: the only keys a token from another tab may create.
    expectedKeys: () =>
      credentials.list().flatMap((c) => {
        const provider = providers.get(c.provider);
        return provider ? [keyParts(c.provider, provider.account?.id, c)] : [];
      }),
    onRemoteSignOut: (provider) => events.emit('account', { provider }),
  });
  const providers = new ProviderRegistry(events, (name) => store.clear(name));
  const credentials = new CredentialRegistry({
    allowedOrigins: options.allowedOrigins,
    onRefused: (error) => events.emit('error', { error, credential: error.credential }),
  });
  for (const [name, provider] of Object.entries(options.providers ?? {})) providers.define(name, provider);
  for (const [name, definition] of Object.entries(options.credentials ?? {}))
    credentials.define(name, definition);

  const instance = ++instances;
  let ids = 0;
  const deps = {
    credentials,
    providers,
    store,
    events,
    nextId: () => instance * 1_000_000 + ++ids,
    challenges: new ChallengeBudget(),
  };
  const callout = ((input: string | URL, requestOptions?: CalloutRequestOptions) =>
    send(deps, input, requestOptions)) as Callout;
  const shortcut =
    (method: string): MethodShortcut =>
    (input, requestOptions) =>
      send(deps, input, { ...requestOptions, method });

  const pickProvider = (
    name: string | undefined,
    capability: 'signIn' | 'signOut',
  ): [string, AuthProvider] => {
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
  };

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
      const credential = credentials.require(name);
      const provider = providers.require(credential);
      return store.get(
        { providerName: credential.provider, provider, credential: name },
        { scopes: [...credential.scopes], ...tokenOptions },
      );
    },
    peekToken(name: string, peekOptions: Pick<TokenOptions, 'claims'> = {}): AccessToken | undefined {
      const credential = credentials.get(name);
      const provider = credential && providers.get(credential.provider);
      if (!credential || !provider) return undefined;
      return store.peek(
        { providerName: credential.provider, provider, credential: name },
        {
          scopes: [...credential.scopes],
          claims: peekOptions.claims,
        },
      );
    },
    async signIn(name?: string): Promise<Account> {
      const [providerName, provider] = pickProvider(name, 'signIn');
      const account = await provider.signIn!();
      if (!provider.subscribe) events.emit('account', { provider: providerName, account });
      return account;
    },
    async signOut(name?: string): Promise<void> {
      const [providerName, provider] = pickProvider(name, 'signOut');
      const accountId = provider.account?.id;
      await provider.signOut!();
      store.clear(providerName, accountId, true);
      if (!provider.subscribe) events.emit('account', { provider: providerName });
    },
    dispose(): void {
      store.close();
    },
  });
}
