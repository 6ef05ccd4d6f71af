import type { ResponsePromise } from 'ky';
import { CredentialRegistry } from './credentials/credential-registry.js';
import { CalloutError } from './diagnostics/callout-error.js';
import { watchCsp } from './diagnostics/csp-watch.js';
import { CalloutErrorCode } from './diagnostics/error-codes.js';
import { CalloutEvents } from './events.js';
import { ChallengeBudget } from './http/challenge-budget.js';
import { type CalloutRequestOptions, type SendDependencies, send } from './http/send.js';
import { checkProvider, ProviderRegistry } from './providers/provider-registry.js';
import { type CrossTabMode, crossTabMode } from './tokens/cross-tab-mode.js';
import { keyParts, type TokenKeyParts } from './tokens/token-key.js';
import { TokenStore } from './tokens/token-store.js';
import type { AuthProvider, CalloutOptions } from './types.js';

/** What one client owns — its registries, store and event bus — and its lifetime. */
export interface ClientCore extends SendDependencies {
  /** Sends one callout; once the client is disposed, refuses it with `client_disposed` (and fires `error`). */
  send(input: string | URL, options?: CalloutRequestOptions): ResponsePromise;
  /** Throws `client_disposed` once the client is disposed. */
  assertLive(): void;
  /** Whether {@link dispose} was called. */
  readonly disposed: boolean;
  /**
   * Closes the cross-tab coordination, then removes — and so disposes — every provider. Runs once:
   * later calls do nothing. Requests already running finish (or fail, when their provider cannot
   * continue disposed); new calls and provider registrations are refused with `client_disposed`.
   */
  dispose(): void;
}

let instances = 0;

/**
 * Builds the parts of a client from its options: the event bus, the token store (with cross-tab
 * coordination unless `crossTab: false`), the provider and credential registries filled from the
 * options. Every option is checked before anything is opened, so invalid options throw
 * (`configuration_error`, `invalid_credential` …) and leave no channel open and no provider
 * subscribed. The page's CSP violations are recorded from the first client on (for `diagnose()`).
 */
export function createClientCore(options: CalloutOptions): ClientCore {
  watchCsp();
  const events = new CalloutEvents();
  const crossTab = crossTabMode(options.crossTab);
  const credentials = new CredentialRegistry({
    allowedOrigins: options.allowedOrigins,
    onRefused: (error) => events.emit('error', { error, credential: error.credential }),
  });
  for (const [name, definition] of Object.entries(options.credentials ?? {}))
    credentials.define(name, definition);
  const initialProviders = Object.entries(options.providers ?? {});
  for (const [name, provider] of initialProviders) checkProvider(name, provider);

  let disposed = false;
  // What this client's credentials ask for: the only keys a token from another tab may create.
  const expectedKeys = () =>
    credentials.list().flatMap((c) => {
      const provider = providers.get(c.provider);
      return provider ? [keyParts(c.provider, provider.account?.id, c)] : [];
    });
  const store = createStore(options, events, crossTab, expectedKeys, (name) => providers.get(name));
  const providers = new ProviderRegistry({
    events,
    onRemoved: (name) => store.clear(name),
    onSignedOut: (name) => store.clear(name),
    refuse: () => (disposed ? disposedError() : undefined),
  });
  for (const [name, provider] of initialProviders) providers.define(name, provider);

  const instance = ++instances;
  let ids = 0;
  const core: ClientCore = {
    credentials,
    providers,
    store,
    events,
    nextId: () => instance * 1_000_000 + ++ids,
    challenges: new ChallengeBudget(),
    send: (input, requestOptions) => send(core, input, requestOptions),
    assertLive() {
      if (disposed) throw disposedError();
    },
    get disposed() {
      return disposed;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      store.close();
      for (const name of providers.names()) providers.delete(name);
    },
  };
  return core;
}

/** The client's token store; with `crossTab`, it opens the cross-tab channel. */
function createStore(
  options: CalloutOptions,
  events: CalloutEvents,
  crossTab: CrossTabMode | undefined,
  expectedKeys: () => TokenKeyParts[],
  resolveProvider: (name: string) => AuthProvider | undefined,
): TokenStore {
  return new TokenStore({
    events,
    leewaySeconds: options.leewaySeconds,
    maxEntries: options.maxTokens,
    ...(crossTab ? { crossTabName: options.channelName ?? 'sso-callout', crossTabMode: crossTab } : {}),
    expectedKeys,
    resolveProvider,
    onRemoteSignOut: (provider) => events.emit('account', { provider }),
  });
}

function disposedError(): CalloutError {
  return new CalloutError({
    code: CalloutErrorCode.clientDisposed,
    message: 'This callout client was disposed: it makes no more calls and takes no more providers',
  });
}
