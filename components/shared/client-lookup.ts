import { ContextEvent } from '@lit/context';
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
 * nearest `calloutContext` provider above the host (asked with a `context-request` event each time
 * the host connects, and followed when it changes), else the page's default client from
 * `getDefaultCallout()`.
 *
 * The client found is kept in private fields and the controller the host holds is made of
 * closures only, so nothing reachable from the host (its controllers, its properties) leads to
 * the client — unlike `@lit/context`'s `ContextConsumer`, whose public `value` would.
 *
 * @example
 * ```ts
 * #client = new ClientLookup(this);
 * render() { return html`${this.#client.callout.credentials.list().length} credentials`; }
 * ```
 */
export class ClientLookup {
  readonly #explicit: () => Callout | undefined;
  #provided: Callout | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ClientLookupOptions = {}) {
    this.#explicit = options.explicit ?? (() => undefined);
    // One callback per lookup, with a stable identity, as context providers expect.
    const receive = (value: Callout, unsubscribe?: () => void) => {
      if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
      this.#provided = value;
      this.#unsubscribe = unsubscribe;
      host.requestUpdate();
    };
    host.addController({
      hostConnected: () => {
        host.dispatchEvent(new ContextEvent(calloutContext, host, receive, true));
      },
      hostDisconnected: () => {
        this.#unsubscribe?.();
        this.#unsubscribe = undefined;
      },
    });
  }

  /** The client to use now. */
  get callout(): Callout {
    return this.#explicit() ?? this.#provided ?? getDefaultCallout();
  }
}
