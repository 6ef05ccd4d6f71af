import type { Callout } from '../../src/index.js';
import { type CalloutElement, clientOf } from './callout-element.js';
import { InvalidAttribute } from './invalid-attribute.js';
import { logOnce } from './log-once.js';

/** An element that declares something in its client, and describes what went wrong. */
export type RegistrationHost = CalloutElement & {
  /** The sentence shown and logged for the current failure. */
  readonly configurationError: string | undefined;
};

/** Options of {@link Registration}: how one kind of declaration is read, made and removed. */
export interface RegistrationOptions<P, R> {
  /** Reads the element's attributes: what to declare, or the first invalid attribute. */
  read(): P | InvalidAttribute;
  /** A text that differs whenever `parsed` declares something else (compared between syncs). */
  key(parsed: P): string;
  /** Declares `parsed` in `client` with the element as owner; throws when the client refuses. */
  register(client: Callout, parsed: P): R;
  /** Whether `client` still holds `registration` (code may have removed it). */
  holds(client: Callout, registration: R): boolean;
  /** Removes `registration` from `client`; returns whether that changed the client. */
  unregister(client: Callout, registration: R): boolean;
  /** The attribute a refusal by the client (`register` threw `error`) is about. */
  problemOf(error: unknown): InvalidAttribute;
  /** Called after every change: something was declared or removed, or a failure shown. */
  changed(): void;
}

/** What failed: an attribute (`problem`), and the error behind it, if any. */
interface Failure {
  problem: InvalidAttribute | undefined;
  error: unknown;
}

/**
 * The lifecycle of an element that declares something in its client (`<callout-credential>` a
 * credential, `<callout-msal>` a provider): declared when the element connects, declared again
 * when an attribute changes or the element's client changes (the old declaration removed first),
 * removed when the element disconnects.
 *
 * Timing: {@link sync} runs when the host connects and before each of its updates; call it also
 * from `attributeChangedCallback` to check an attribute synchronously. It is idempotent: nothing
 * is declared again while the attributes and the client are the same and the client still holds
 * the declaration. A failure — an invalid attribute, a refusal by the client, or a later
 * {@link fail} — removes the declaration, makes the host `invalid` (attribute), re-renders it and
 * logs `configurationError` once with `console.error`. A failed declaration is not attempted
 * again as is, so a refused one cannot take a name over when its first owner leaves: only new
 * attributes, another client or a reconnect try again.
 *
 * The client and the declaration stay in private fields: keep the controller in one too.
 */
export class Registration<P, R> {
  readonly #host: RegistrationHost;
  readonly #options: RegistrationOptions<P, R>;
  readonly #reported = new Set<string>();
  #client: Callout | undefined;
  #current: R | undefined;
  #key: string | undefined;
  /** The attempt that failed: not made again with the same client and key. */
  #failedAttempt: { client: Callout; key: string | undefined } | undefined;
  #failure: Failure | undefined;
  #connected = false;

  constructor(host: RegistrationHost, options: RegistrationOptions<P, R>) {
    this.#host = host;
    this.#options = options;
    host.addController({
      hostConnected: () => {
        this.#connected = true;
        this.sync();
      },
      hostUpdate: () => this.sync(),
      hostUpdated: () => host.toggleAttribute('invalid', this.#failure !== undefined),
      hostDisconnected: () => {
        this.#connected = false;
        this.#failedAttempt = undefined;
        this.#unregister();
      },
    });
  }

  /** The declaration in the client now, or `undefined`. */
  get current(): R | undefined {
    return this.#current;
  }

  /** The invalid attribute, when the attributes or the client's answer named one. */
  get problem(): InvalidAttribute | undefined {
    return this.#failure?.problem;
  }

  /** The error behind the current failure (a refusal by the client, a failed load), if any. */
  get error(): unknown {
    return this.#failure?.error;
  }

  /** Brings the client in line with the attributes (see the class for when it declares). */
  sync(): void {
    if (!this.#connected) return;
    const parsed = this.#options.read();
    if (parsed instanceof InvalidAttribute) {
      this.#failedAttempt = undefined;
      this.#show({ problem: parsed, error: undefined });
      return;
    }
    const client = clientOf(this.#host);
    const key = this.#options.key(parsed);
    const current = this.#current;
    if (current !== undefined && this.#client === client && this.#key === key) {
      if (this.#options.holds(client, current)) return;
    }
    if (this.#failedAttempt?.client === client && this.#failedAttempt.key === key) return;
    this.#unregister();
    try {
      this.#current = this.#options.register(client, parsed);
      this.#client = client;
      this.#key = key;
      this.#failure = undefined;
      this.#failedAttempt = undefined;
      this.#host.requestUpdate();
      this.#options.changed();
    } catch (error) {
      this.#failedAttempt = { client, key };
      this.#show({ problem: this.#options.problemOf(error), error });
    }
  }

  /**
   * `registration` failed after it was made (a provider that could not be created): removes it
   * and shows the failure, unless it is no longer the current declaration.
   */
  fail(registration: R, problem: InvalidAttribute | undefined, error: unknown): void {
    if (registration !== this.#current || this.#client === undefined) return;
    this.#failedAttempt = { client: this.#client, key: this.#key };
    this.#show({ problem, error });
  }

  #show(failure: Failure): void {
    this.#unregister();
    this.#failure = failure;
    this.#host.requestUpdate();
    const sentence = this.#host.configurationError;
    if (sentence) logOnce(this.#reported, sentence);
    this.#options.changed();
  }

  #unregister(): void {
    const client = this.#client;
    const current = this.#current;
    this.#client = undefined;
    this.#current = undefined;
    this.#key = undefined;
    if (client && current !== undefined && this.#options.unregister(client, current)) this.#options.changed();
  }
}
