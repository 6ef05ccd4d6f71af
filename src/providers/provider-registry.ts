import type { ResolvedCredential } from '../credentials/define-credential.js';
import { isValidName } from '../credentials/name-rule.js';
import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { CalloutEvents } from '../events.js';
import type { AuthProvider } from '../types.js';

/** Options of {@link ProviderRegistry.define}. */
export interface ProviderDefineOptions {
  /**
   * Who declares the provider — an element, say. A declaration with an owner may replace only a
   * provider the same owner registered (an element re-creating its own provider when an attribute
   * changes); any other registration of that name refuses it with `provider_conflict`, so injected
   * markup cannot re-point a provider the page declared. Code (no owner) may replace any provider.
   */
  owner?: object;
}

/** Options of {@link ProviderRegistry}. */
export interface ProviderRegistryOptions {
  /** The client's event bus: the registry fires `account` for its providers' account changes. */
  events: CalloutEvents;
  /** Called after a provider is replaced or deleted (the client clears its tokens). */
  onRemoved: (name: string) => void;
  /**
   * Called when a provider that reported an account reports none (signed out, here or in another
   * tab): the client forgets its tokens, including any acquired before the account was known.
   */
  onSignedOut?: (name: string) => void;
  /** Asked before every `define`: an error to refuse it with (a disposed client), or `undefined`. */
  refuse?: () => CalloutError | undefined;
}

/**
 * Throws `configuration_error` (with `option: 'name'` for a bad name) unless `name` is a valid
 * provider name and `provider` an object with a `getToken` method. What `define` checks first.
 */
export function checkProvider(name: string, provider: AuthProvider): void {
  if (!isValidName(name)) {
    throw new CalloutError({
      code: CalloutErrorCode.configurationError,
      option: 'name',
      message: `Provider name ${JSON.stringify(name)} is invalid: use letters, digits, "_" and "-", starting with a letter`,
    });
  }
  if (!provider || typeof provider.getToken !== 'function') {
    throw new CalloutError({
      code: CalloutErrorCode.configurationError,
      message: `Provider "${name}" must be an object with a getToken(request) method`,
    });
  }
}

/**
 * The providers of one client, by name. Adding a provider subscribes the client's `account` event
 * to it; replacing or deleting one unsubscribes, **disposes** it (its `dispose()`, once, unless the
 * same object is still registered under another name), lets the client forget its tokens, and
 * notifies the registry's own subscribers. A provider declared by an owner (an element) keeps its
 * name until that owner or code removes it (see {@link ProviderDefineOptions.owner}).
 */
export class ProviderRegistry {
  readonly #providers = new Map<
    string,
    { provider: AuthProvider; unsubscribe: () => void; owner?: object }
  >();
  readonly #listeners = new Set<() => void>();
  readonly #events: CalloutEvents;
  readonly #onRemoved: (name: string) => void;
  readonly #onSignedOut: (name: string) => void;
  readonly #refuse: () => CalloutError | undefined;

  constructor(options: ProviderRegistryOptions) {
    this.#events = options.events;
    this.#onRemoved = options.onRemoved;
    this.#onSignedOut = options.onSignedOut ?? (() => {});
    this.#refuse = options.refuse ?? (() => undefined);
  }

  /**
   * Adds or replaces provider `name`; the provider it replaces is disposed. Defining the provider
   * already registered under `name` again changes nothing. Throws `configuration_error` for a bad
   * name or object, `provider_conflict` when an owner's declaration meets a provider registered
   * by someone else, and `client_disposed` once the client is disposed.
   */
  define(name: string, provider: AuthProvider, options: ProviderDefineOptions = {}): void {
    const refused = this.#refuse();
    if (refused) throw refused;
    checkProvider(name, provider);
    const existing = this.#providers.get(name);
    if (existing && options.owner !== undefined && existing.owner !== options.owner) {
      throw new CalloutError({
        code: CalloutErrorCode.providerConflict,
        option: 'name',
        message: `Provider "${name}" is already registered by ${existing.owner ? 'another element' : 'code'}; a second declaration cannot replace it`,
      });
    }
    if (existing?.provider === provider) return;
    this.delete(name);
    let known = provider.account !== undefined;
    const unsubscribe =
      provider.subscribe?.((account) => {
        if (known && !account) this.#onSignedOut(name);
        known = account !== undefined;
        this.#events.emit('account', { provider: name, account });
      }) ?? (() => {});
    this.#providers.set(name, { provider, unsubscribe, ...(options.owner ? { owner: options.owner } : {}) });
    this.#notify();
  }

  /**
   * Removes provider `name`: unsubscribes from it, then disposes it (unless the same object is
   * still registered under another name). Returns whether it existed. A `dispose()` that throws is
   * reported as an `error` event; the provider is removed all the same.
   */
  delete(name: string): boolean {
    const existing = this.#providers.get(name);
    if (!existing) return false;
    existing.unsubscribe();
    this.#providers.delete(name);
    if (![...this.#providers.values()].some((entry) => entry.provider === existing.provider)) {
      this.#dispose(name, existing.provider);
    }
    this.#onRemoved(name);
    this.#notify();
    return true;
  }

  /**
   * The provider `credential` names. Throws `invalid_credential` naming the credential, the
   * missing provider and the registered ones when it is not registered.
   */
  require(credential: Pick<ResolvedCredential, 'name' | 'provider'>): AuthProvider {
    const provider = this.get(credential.provider);
    if (provider) return provider;
    throw new CalloutError({
      code: CalloutErrorCode.invalidCredential,
      credential: credential.name,
      option: 'provider',
      message: `Credential "${credential.name}" uses provider "${credential.provider}", which is not registered (known: ${this.names().join(', ') || 'none'})`,
      hint: 'Register the provider under that name (createCallout({ providers }), callout.providers.define() or a <callout-msal id="…"> element) or fix the credential\'s provider.',
    });
  }

  /** The provider called `name`, or `undefined`. */
  get(name: string): AuthProvider | undefined {
    return this.#providers.get(name)?.provider;
  }

  /** Names of every registered provider. */
  names(): string[] {
    return [...this.#providers.keys()];
  }

  /**
   * Calls `listener` synchronously after every `define` and `delete` (so an element waiting for
   * its provider can run as soon as it is registered); returns the unsubscribe function.
   */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #dispose(name: string, provider: AuthProvider): void {
    try {
      provider.dispose?.();
    } catch (cause) {
      const error = new CalloutError({
        code: CalloutErrorCode.configurationError,
        cause,
        message: `Provider "${name}" failed to dispose: ${cause instanceof Error ? cause.message : String(cause)}`,
      });
      this.#events.emit('error', { error });
    }
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
