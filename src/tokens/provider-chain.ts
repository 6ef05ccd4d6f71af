import { CalloutError } from '../diagnostics/callout-error.js';
import type { AccessToken, AuthProvider, ProviderContext, TokenRequest } from '../types.js';
import { copyAccount, type TokenContext } from './token-checks.js';
import { type Entry, forget } from './token-entries.js';

/** How a chained acquisition asks the store for another provider's token. */
type Get = (context: TokenContext, request: TokenRequest) => Promise<AccessToken>;

/**
 * Which providers of a client acquire through which others (an exchange provider through the
 * provider of its subject token), and the {@link ProviderContext} each acquisition gets. A chain
 * is declared in a provider's options and discovered here as it runs: forgetting a provider's
 * tokens (sign-out, removal) forgets those of every provider that acquired through it.
 */
export class ProviderChain {
  readonly #resolve: (name: string) => AuthProvider | undefined;
  /** Provider name → names of the providers that acquired through it. */
  readonly #dependents = new Map<string, Set<string>>();
  #forgets = 0;

  /** How many times tokens were forgotten: an acquisition that saw this change keeps nothing. */
  get forgets(): number {
    return this.#forgets;
  }

  constructor(resolve: (name: string) => AuthProvider | undefined) {
    this.#resolve = resolve;
  }

  /**
   * The context of an acquisition for `context`: `token()` asks the store (`get`) for another
   * provider's token on the same credential's behalf, refusing an unknown provider and a loop
   * (a provider already in the chain) with `configuration_error`.
   */
  contextFor(context: TokenContext, get: Get): ProviderContext {
    const chain = [...(context.chain ?? []), context.providerName];
    return {
      token: async (name, request) => {
        const provider = this.#resolve(name);
        if (!provider || chain.includes(name)) {
          throw new CalloutError({
            code: 'configuration_error',
            credential: context.credential,
            message: `Provider "${context.providerName}" needs a token of provider "${name}", which ${provider ? `leads back to it (${chain.join(' → ')})` : 'is not registered'}`,
          });
        }
        const dependents = this.#dependents.get(name) ?? new Set<string>();
        this.#dependents.set(name, dependents.add(context.providerName));
        return get({ providerName: name, provider, credential: context.credential, chain }, request);
      },
      account: (name) => {
        const account = this.#resolve(name)?.account;
        return account ? copyAccount(account) : undefined;
      },
    };
  }

  /**
   * Drops the tokens of `provider` (every provider when `undefined`; only `accountId`'s when
   * given) from `entries()`, and every token of the providers that acquired through it; counted
   * in {@link ProviderChain.forgets}.
   */
  forget(entries: () => Iterable<Entry>, provider: string | undefined, accountId: string | undefined): void {
    this.#forgets++;
    forget(entries(), provider, accountId);
    if (provider === undefined) return;
    for (const dependent of this.#dependentsOf(provider)) forget(entries(), dependent, undefined);
  }

  /** The providers that acquired through `provider`, directly or not (without `provider`). */
  #dependentsOf(provider: string): string[] {
    const found = new Set<string>();
    const visit = (name: string) => {
      for (const dependent of this.#dependents.get(name) ?? []) {
        if (dependent === provider || found.has(dependent)) continue;
        found.add(dependent);
        visit(dependent);
      }
    };
    visit(provider);
    return [...found];
  }
}
