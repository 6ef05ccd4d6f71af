import { CalloutError } from '../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../diagnostics/error-codes.js';
import type { CredentialDefinition } from '../types.js';
import { checkOrigin, parseAllowedOrigins } from './allowed-origins.js';
import { defineCredential, type ResolvedCredential } from './define-credential.js';
import { calloutScheme, credentialNameOf, resolveCalloutUrl } from './resolve-callout-url.js';
import { hasHiddenDotSegment, isBelow } from './url-containment.js';

/** Where a request goes, and through which credential (if any) it gets a token. */
export interface ResolvedTarget {
  url: URL;
  credential?: ResolvedCredential;
}

/** Options of {@link CredentialRegistry}. */
export interface CredentialRegistryOptions {
  /** Origins credentials may point at (`CalloutOptions.allowedOrigins`); absent: any origin. */
  allowedOrigins?: readonly string[];
  /** Called with every refused definition (a conflict or an origin outside the allow-list). */
  onRefused?: (error: CalloutError) => void;
}

/** Options of {@link CredentialRegistry.define}. */
export interface DefineCredentialOptions {
  /**
   * Who declares the credential (an element, say). The credential stays while any of its
   * declarers holds it: `release(name, owner)` drops one, and the last release removes it.
   * Without an owner, the definition is held until `delete(name)`.
   */
  owner?: object;
  /** A further allow-list for this definition (a page's declared origins, say). */
  allowedOrigins?: readonly string[];
  /** Where that further list comes from, for the error message. Default `the allowed origins`. */
  allowedOriginsSource?: string;
}

/** Holds a definition made without an owner (by code): only `delete` removes it. */
const byCode: object = Object.freeze({});

/**
 * The named-credential registry of one client. Definitions are validated when they are added;
 * `resolve` turns a `callout:` reference or a plain URL into a target, `require` a name into its
 * credential. Listeners registered with
 * `subscribe` are called synchronously after every change.
 *
 * A name has one definition at a time. Defining it again identically is a no-op; defining it
 * with anything different (URL, scopes, provider, refreshOn, headers, timeout, retry) throws
 * `credential_conflict` until the first definition is removed — by `delete(name)`, or by the last
 * `release` of the owners that declared it — so a second declaration (injected markup, say)
 * cannot re-point a credential and its token. With `allowedOrigins`, a credential whose URL is on
 * another origin throws `origin_not_allowed`. Refusals are also reported to `onRefused` (the
 * client fires them as `error` events).
 */
export class CredentialRegistry {
  readonly #credentials = new Map<string, ResolvedCredential>();
  readonly #holders = new Map<string, Set<object>>();
  readonly #listeners = new Set<() => void>();
  readonly #allowedOrigins: ReadonlySet<string> | undefined;
  readonly #onRefused: ((error: CalloutError) => void) | undefined;

  /** Throws `configuration_error` when an `allowedOrigins` entry is not an origin. */
  constructor(options: CredentialRegistryOptions = {}) {
    this.#allowedOrigins =
      options.allowedOrigins === undefined
        ? undefined
        : parseAllowedOrigins(options.allowedOrigins, 'allowedOrigins');
    this.#onRefused = options.onRefused;
  }

  /** The origins credentials may point at, or `undefined` when any origin is allowed. */
  get allowedOrigins(): readonly string[] | undefined {
    return this.#allowedOrigins && Object.freeze([...this.#allowedOrigins]);
  }

  /**
   * Adds credential `name`, or returns the existing definition when it is identical. Throws
   * `invalid_credential` naming the problem, `origin_not_allowed` for an origin outside the
   * allow-lists, and `credential_conflict` when `name` is already defined differently.
   */
  define(
    name: string,
    definition: CredentialDefinition,
    options: DefineCredentialOptions = {},
  ): ResolvedCredential {
    const credential = defineCredential(name, definition);
    const existing = this.#credentials.get(name);
    try {
      if (this.#allowedOrigins) checkOrigin(credential, this.#allowedOrigins, 'allowedOrigins');
      if (options.allowedOrigins) {
        const source = options.allowedOriginsSource ?? 'the allowed origins';
        checkOrigin(credential, parseAllowedOrigins(options.allowedOrigins, source), source);
      }
      if (existing) checkSame(existing, credential);
    } catch (error) {
      if (error instanceof CalloutError) this.#onRefused?.(error);
      throw error;
    }
    const owner = options.owner ?? byCode;
    if (existing) {
      this.#holders.get(name)?.add(owner);
      return existing;
    }
    this.#credentials.set(name, credential);
    this.#holders.set(name, new Set([owner]));
    this.#notify();
    return credential;
  }

  /**
   * Drops `owner`'s hold on credential `name`; when no holder is left, removes the credential.
   * Returns whether it was removed. A definition made without an owner is never released.
   */
  release(name: string, owner: object): boolean {
    const holders = this.#holders.get(name);
    if (!holders?.delete(owner) || holders.size > 0) return false;
    return this.delete(name);
  }

  /** Removes credential `name` whoever declared it; returns whether it existed. */
  delete(name: string): boolean {
    this.#holders.delete(name);
    const existed = this.#credentials.delete(name);
    if (existed) this.#notify();
    return existed;
  }

  /** The credential called `name`, or `undefined`. */
  get(name: string): ResolvedCredential | undefined {
    return this.#credentials.get(name);
  }

  /**
   * The credential called `name`. Throws `unknown_credential` naming it and the registered ones
   * when there is none: the same error as a `callout:Name/…` call through an unknown name.
   */
  require(name: string): ResolvedCredential {
    const credential = this.#credentials.get(name);
    if (credential) return credential;
    throw this.#unknown(name, name);
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
      if (name === undefined) throw this.#unknown(input, undefined);
      const credential = this.require(name);
      return { url: resolveCalloutUrl(input, credential), credential };
    }
    const url = new URL(String(input), globalThis.location?.href);
    let best: ResolvedCredential | undefined;
    for (const credential of this.#credentials.values()) {
      if (
        isBelow(url, credential.base) &&
        (!best || credential.base.pathname.length > best.base.pathname.length)
      ) {
        best = credential;
      }
    }
    return best && !hasHiddenDotSegment(url.pathname) ? { url, credential: best } : { url };
  }

  /** The `unknown_credential` error for `name` (`undefined`: `input` names no valid credential). */
  #unknown(input: string, name: string | undefined): CalloutError {
    const known = [...this.#credentials.keys()];
    return new CalloutError({
      code: CalloutErrorCode.unknownCredential,
      credential: name,
      message:
        name === undefined
          ? `Callout URL ${JSON.stringify(input)} has no valid credential name after "callout:"`
          : `No credential named "${name}" is registered${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`,
    });
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/**
 * Throws `credential_conflict`, with the first differing field as `option`, unless `next` defines
 * exactly what `current` does.
 */
function checkSame(current: ResolvedCredential, next: ResolvedCredential): void {
  const sorted = (values: readonly (string | number)[]) => JSON.stringify([...values].sort());
  const fields: [string, unknown, unknown][] = [
    ['url', current.url, next.url],
    ['provider', current.provider, next.provider],
    ['scopes', sorted(current.scopes), sorted(next.scopes)],
    ['refreshOn', sorted(current.refreshOn), sorted(next.refreshOn)],
    [
      'headers',
      JSON.stringify(Object.entries(current.headers ?? {}).sort()),
      JSON.stringify(Object.entries(next.headers ?? {}).sort()),
    ],
    ['timeout', current.timeout, next.timeout],
    ['retry', JSON.stringify(current.retry), JSON.stringify(next.retry)],
  ];
  const field = fields.find(([, a, b]) => a !== b)?.[0];
  if (field === undefined) return;
  throw new CalloutError({
    code: CalloutErrorCode.credentialConflict,
    credential: current.name,
    option: field,
    message: `Credential "${current.name}" cannot be redefined: it is already defined with another "${field}" (url ${current.url}); remove the first definition before defining it again`,
  });
}
