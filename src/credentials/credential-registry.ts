import { defined } from '../defined.js';
import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { CredentialDefinition } from '../types.js';
import { defineCredential, type ResolvedCredential } from './define-credential.js';
import { calloutScheme, credentialNameOf, resolveCalloutUrl } from './resolve-callout-url.js';
import { isInside } from './scope-check.js';

/** Where a request goes, and through which credential (if any) it gets a token. */
export interface ResolvedTarget {
  url: URL;
  credential?: ResolvedCredential;
}

/**
 * The named-credential registry of one client. Definitions are validated when they are added;
 * `resolve` turns a `callout:` reference or a plain URL into a target. Listeners registered with
 * `subscribe` are called synchronously after every `define` and `delete`.
 */
export class CredentialRegistry {
  readonly #credentials = new Map<string, ResolvedCredential>();
  readonly #listeners = new Set<() => void>();

  /** Adds or replaces credential `name`. Throws `invalid_credential` naming the problem. */
  define(name: string, definition: CredentialDefinition): ResolvedCredential {
    const credential = defineCredential(name, definition);
    this.#credentials.set(name, credential);
    this.#notify();
    return credential;
  }

  /** Removes credential `name`; returns whether it existed. */
  delete(name: string): boolean {
    const existed = this.#credentials.delete(name);
    if (existed) this.#notify();
    return existed;
  }

  /** The credential called `name`, or `undefined`. */
  get(name: string): ResolvedCredential | undefined {
    return this.#credentials.get(name);
  }

  /** Every registered credential, in definition order. */
  list(): ResolvedCredential[] {
    return [...this.#credentials.values()];
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Resolves a request target. `callout:Name/…` must name a registered credential and stay inside
   * its base URL (else `unknown_credential` / `url_escape`). A plain absolute URL is allowed; it is
   * matched to the credential with the longest base URL that contains it, or to none (sent with no
   * token). Relative URLs resolve against the page, like `fetch`.
   */
  resolve(input: string | URL): ResolvedTarget {
    if (typeof input === 'string' && input.slice(0, calloutScheme.length).toLowerCase() === calloutScheme) {
      const name = credentialNameOf(input);
      const credential = name === undefined ? undefined : this.#credentials.get(name);
      if (!credential) {
        const known = [...this.#credentials.keys()];
        throw new CalloutError({
          code: CalloutErrorCode.unknownCredential,
          ...defined('credential', name),
          message:
            name === undefined
              ? `Callout URL ${JSON.stringify(input)} has no valid credential name after "callout:"`
              : `No credential named "${name}" is registered${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`,
        });
      }
      return { url: resolveCalloutUrl(input, credential), credential };
    }
    const url = new URL(String(input), globalThis.location?.href);
    let best: ResolvedCredential | undefined;
    for (const credential of this.#credentials.values()) {
      if (
        isInside(url, credential.base) &&
        (!best || credential.base.pathname.length > best.base.pathname.length)
      ) {
        best = credential;
      }
    }
    return best ? { url, credential: best } : { url };
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
