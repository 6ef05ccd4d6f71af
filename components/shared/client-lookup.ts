import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { type Callout, getDefaultCallout } from '../../src/index.js';
import { calloutContext } from './callout-context.js';

/** Options of {@link ClientLookup}. */
export interface ClientLookupOptions {
  /** A client that wins over the context and the default client (e.g. an element's `callout` property). */
  explicit?: () => Callout | undefined;
}

/**
 * Finds the callout client a host should use: an explicit client if one was given, else the
 * nearest `calloutContext` provider above the host (asked when the host connects, and followed
 * when it changes), else the page's default client from `getDefaultCallout()`.
 *
 * @example
 * ```ts
 * #client = new ClientLookup(this);
 * render() { return html`${this.#client.callout.credentials.list().length} credentials`; }
 * ```
 */
export class ClientLookup {
  readonly #consumer: ContextConsumer<typeof calloutContext, ReactiveControllerHost & HTMLElement>;
  readonly #explicit: () => Callout | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ClientLookupOptions = {}) {
    this.#explicit = options.explicit ?? (() => undefined);
    // The consumer requests a host update itself whenever the provider hands over a client.
    this.#consumer = new ContextConsumer(host, { context: calloutContext, subscribe: true });
  }

  /** The client to use now. */
  get callout(): Callout {
    return this.#explicit() ?? this.#consumer.value ?? getDefaultCallout();
  }
}
