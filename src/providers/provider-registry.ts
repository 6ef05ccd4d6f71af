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

/**
 * The providers of one client, by name. Adding a provider subscribes the client's `account` event
 * to it; replacing or deleting one unsubscribes, lets the client forget its tokens, and notifies
 * the registry's own subscribers. A provider declared by an owner (an element) keeps its name
 * until that owner or code removes it (see {@link ProviderDefineOptions.owner}).
 */
export class ProviderRegistry {
  readonly #providers = new Map<
    string,
    { provider: AuthProvider; unsubscribe: () => void; owner?: object }
  >();
  readonly #listeners = new Set<() => void>();
  readonly #events: CalloutEvents;
  readonly #onRemoved: (name: string) => void;

  /** @param onRemoved called after a provider is replaced or deleted (the client clears its tokens). */
  constructor(events: CalloutEvents, onRemoved: (name: string) => void) {
    this.#events = events;
    this.#onRemoved = onRemoved;
  }

  /**
   * Adds or replaces provider `name`. Throws `configuration_error` for a bad name or object, and
   * `provider_conflict` when an owner's declaration meets a provider registered by someone else.
   */
  define(name: string, provider: AuthProvider, options: ProviderDefineOptions = {}): void {
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
    const existing = this.#providers.get(name);
    if (existing && options.owner !== undefined && existing.owner !== options.owner) {
      throw new CalloutError({
        code: CalloutErrorCode.providerConflict,
        option: 'name',
        message: `Provider "${name}" is already registered by ${existing.owner ? 'another element' : 'code'}; a second declaration cannot replace it`,
      });
    }
    this.delete(name);
    const unsubscribe =
      provider.subscribe?.((account) => {
        this.#events.emit('account', { provider: name, ...(account ? { account } : {}) });
      }) ?? (() => {});
    this.#providers.set(name, { provider, unsubscribe, ...(options.owner ? { owner: options.owner } : {}) });
    this.#notify();
  }

  /** Removes provider `name`; returns whether it existed. */
  delete(name: string): boolean {
    const existing = this.#providers.get(name);
    if (!existing) return false;
    existing.unsubscribe();
    this.#providers.delete(name);
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

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
