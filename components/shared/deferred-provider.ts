import {
  type AccessToken,
  type Account,
  type AuthProvider,
  CalloutError,
  CalloutErrorCode,
  type DiagnosisCheck,
  type InteractiveAuthProvider,
  type ProviderContext,
  type ProviderDiagnosisContext,
  type SignInOptions,
  type TokenRequest,
} from '../../src/index.js';

/**
 * What a {@link DeferredProvider} forwards to: any provider, with as much of
 * {@link InteractiveAuthProvider} as it has (`msalProvider` and `oidcProvider` have all of it).
 */
type RealProvider = AuthProvider & Partial<InteractiveAuthProvider>;

/** Options of {@link DeferredProvider}. */
export interface DeferredProviderOptions {
  /** The provider's name, for error messages. */
  name: string;
  /**
   * The token endpoints the real provider will have (see `AuthProvider.tokenEndpoints`), known
   * before it exists so that no request sent meanwhile carries a token to them.
   */
  tokenEndpoints: readonly string[];
}

/**
 * A provider that stands in for one still being created — `<callout-msal>`'s, while MSAL's chunk
 * loads — so it can be registered at once and callouts through it wait instead of failing with
 * "provider not registered". It stays registered when the real provider arrives
 * ({@link resolve}): every call is then forwarded, so nothing re-runs and a token requested while
 * waiting is requested once.
 *
 * Timing: `getToken`, `signIn`, `signOut` and `ready` wait for {@link resolve} (a `getToken` also stops at
 * its request's `signal`); they reject with {@link reject}'s error, or `configuration_error` once
 * the stand-in is disposed before the real provider arrived. `account` is `undefined` and
 * `subscribe` listeners hear nothing until then; afterwards both follow the real provider.
 * {@link dispose} (called by the client when the provider leaves it, or by its owner) disposes the
 * real provider too.
 */
export class DeferredProvider implements InteractiveAuthProvider {
  readonly #name: string;
  readonly #tokenEndpoints: readonly string[];
  readonly #listeners = new Map<(account?: Account) => void, (() => void) | undefined>();
  readonly #settled: Promise<RealProvider>;
  #resolve: (provider: RealProvider) => void = () => {};
  #reject: (error: unknown) => void = () => {};
  #real: RealProvider | undefined;
  #done = false;
  #disposed = false;

  constructor(options: DeferredProviderOptions) {
    this.#name = options.name;
    this.#tokenEndpoints = [...options.tokenEndpoints];
    this.#settled = new Promise<RealProvider>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Nobody may be waiting when it fails: that is not an unhandled rejection.
    this.#settled.catch(() => {});
  }

  /** Whether the real provider has neither arrived nor failed, and the stand-in is not disposed. */
  get waiting(): boolean {
    return !this.#done;
  }

  /** The real provider's account, once it has arrived. */
  get account(): Account | undefined {
    return this.#real?.account;
  }

  /** The real provider's token endpoints once it has arrived, the expected ones before. */
  get tokenEndpoints(): readonly string[] {
    return this.#real?.tokenEndpoints ?? this.#tokenEndpoints;
  }

  /** Hands over the real provider: waiting calls go on to it, and so does every later one. */
  resolve(provider: RealProvider): void {
    if (this.#done) return;
    this.#done = true;
    this.#real = provider;
    for (const listener of this.#listeners.keys()) {
      this.#listeners.set(listener, provider.subscribe?.(listener));
    }
    this.#resolve(provider);
  }

  /** The real provider could not be created: waiting and later calls reject with `error`. */
  reject(error: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#reject(error);
  }

  /**
   * The real provider's token for `request` (with the client's `context`): waits for it to arrive
   * (or fail, or `request.signal` to abort), then asks it; at once once it has arrived.
   */
  async getToken(request: TokenRequest, context?: ProviderContext): Promise<AccessToken> {
    return (await this.#wait(request.signal)).getToken(request, context);
  }

  /** The real provider's sign-in, with its options (a `signal`). */
  async signIn(options?: SignInOptions): Promise<Account> {
    const real = await this.#wait();
    if (!real.signIn) throw this.#unsupported('signIn');
    return options === undefined ? real.signIn() : real.signIn(options);
  }

  /** The real provider's sign-out, once it has arrived; rejects when it has none. */
  async signOut(): Promise<void> {
    const real = await this.#wait();
    if (!real.signOut) throw this.#unsupported('signOut');
    await real.signOut();
  }

  /** Resolves once the real provider has arrived and is ready itself (`msalProvider`'s `ready()`). */
  async ready(): Promise<void> {
    await (await this.#wait()).ready?.();
  }

  /** The real provider's checks (see `AuthProvider.diagnose`), once it has arrived (until the context's signal aborts). */
  async diagnose(context: ProviderDiagnosisContext): Promise<readonly DiagnosisCheck[]> {
    return (await (await this.#wait(context.signal)).diagnose?.(context)) ?? [];
  }

  /** The real provider's sign-in page link (see `signInLinkOf`), once it has arrived. */
  signInUrl(): string | undefined {
    return this.#real?.signInUrl?.();
  }

  /**
   * Listens to account changes: kept until the real provider arrives, then subscribed to it (at
   * once if it is here). The function returned stops the listener, wherever it is.
   */
  subscribe(listener: (account?: Account) => void): () => void {
    this.#listeners.set(listener, this.#real?.subscribe?.(listener));
    return () => {
      this.#listeners.get(listener)?.();
      this.#listeners.delete(listener);
    };
  }

  /** Stops the real provider (if it arrived) and refuses every call from now on. Idempotent. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.reject(this.#removed());
    for (const stop of this.#listeners.values()) stop?.();
    this.#listeners.clear();
    const real = this.#real;
    this.#real = undefined;
    real?.dispose?.();
  }

  #wait(signal?: AbortSignal): Promise<RealProvider> {
    if (this.#disposed) return Promise.reject(this.#removed());
    if (this.#real) return Promise.resolve(this.#real);
    if (!signal) return this.#settled;
    signal.throwIfAborted();
    return new Promise<RealProvider>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.#settled.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  #removed(): CalloutError {
    return new CalloutError({
      code: CalloutErrorCode.configurationError,
      message: `Provider "${this.#name}" was removed${this.#real ? '' : ' before it was ready'}`,
    });
  }

  #unsupported(method: string): CalloutError {
    return new CalloutError({
      code: CalloutErrorCode.configurationError,
      message: `Provider "${this.#name}" does not support ${method}()`,
    });
  }
}
