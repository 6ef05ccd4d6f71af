import { ContextEvent } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { type Callout, getDefaultCallout, subscribeDefaultCallout } from '../../src/index.js';
import { calloutContext } from './callout-context.js';

/** Options of {@link ClientLookup}. */
export interface ClientLookupOptions {
  /** A client that wins over the context and the default client (e.g. an element's `callout` property). */
  explicit?: () => Callout | undefined;
}

/** One {@link ClientLookup.follow} subscription: what it listens to now, and how it stops. */
interface Follower {
  readonly subscribe: (callout: Callout) => () => void;
  current: Callout | undefined;
  stop: (() => void) | undefined;
}

/**
 * The one way a host finds its callout client, and keeps listening to it: an explicit client if
 * one was given, else the nearest `calloutContext` provider above the host (asked with one
 * `context-request` event each time the host connects, and followed when it changes), else the
 * page's default client (`getDefaultCallout()`, followed when any copy of the package calls
 * `setDefaultCallout()`). An element makes one lookup and hands it to its controllers
 * (`CalloutController`'s `lookup` option), so it runs one context consumer however many
 * controllers it has.
 *
 * Timing: when the client changes while the host is connected — a context provider hands another
 * one, the default client is replaced, or the explicit client changed (seen at the next update) —
 * every {@link follow} subscription moves to the new client at once and the host updates.
 * Disconnecting stops them all, so connecting and disconnecting a host any number of times leaves
 * no listener behind.
 *
 * The client found is kept in private fields and the host holds closures only, so nothing
 * reachable from the host (its controllers, its properties) leads to the client — unlike
 * `@lit/context`'s `ContextConsumer`, whose public `value` would. Keep the lookup itself in a
 * private (`#`) field: its `callout` getter returns the client.
 *
 * @example
 * ```ts
 * #client = new ClientLookup(this);
 * constructor() {
 *   super();
 *   this.#client.follow((callout) => callout.credentials.subscribe(() => this.requestUpdate()));
 * }
 * render() { return html`${this.#client.callout.credentials.list().length} credentials`; }
 * ```
 */
export class ClientLookup {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #explicit: () => Callout | undefined;
  readonly #followers: Follower[] = [];
  #provided: Callout | undefined;
  #stopContext: (() => void) | undefined;
  #stopDefault: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ClientLookupOptions = {}) {
    this.#host = host;
    this.#explicit = options.explicit ?? (() => undefined);
    // One callback per lookup, with a stable identity, as context providers expect.
    const receive = (value: Callout, unsubscribe?: () => void) => {
      if (this.#stopContext && this.#stopContext !== unsubscribe) this.#stopContext();
      this.#provided = value;
      this.#stopContext = unsubscribe;
      this.#moved();
    };
    host.addController({
      hostConnected: () => {
        this.#connected = true;
        host.dispatchEvent(new ContextEvent(calloutContext, host, receive, true));
        this.#stopDefault = subscribeDefaultCallout(() => {
          if (this.#explicit() === undefined && this.#provided === undefined) this.#moved();
        });
        this.#sync();
      },
      hostUpdate: () => this.#sync(),
      hostDisconnected: () => {
        this.#connected = false;
        this.#stopContext?.();
        this.#stopContext = undefined;
        this.#stopDefault?.();
        this.#stopDefault = undefined;
        for (const follower of this.#followers) stop(follower);
      },
    });
  }

  /** The client to use now. */
  get callout(): Callout {
    return this.#explicit() ?? this.#provided ?? getDefaultCallout();
  }

  /**
   * Keeps one subscription to the current client while the host is connected: `subscribe` is
   * called with the client when the host connects (at once if it is connected), and again with
   * the new client whenever it changes, after the previous subscription was stopped; the function
   * it returns is called when the client changes or the host disconnects.
   */
  follow(subscribe: (callout: Callout) => () => void): void {
    const follower: Follower = { subscribe, current: undefined, stop: undefined };
    this.#followers.push(follower);
    if (this.#connected) this.#sync();
  }

  /** The client may have changed outside an update: move the subscriptions and update the host. */
  #moved(): void {
    this.#sync();
    this.#host.requestUpdate();
  }

  #sync(): void {
    if (!this.#connected) return;
    const current = this.callout;
    for (const follower of this.#followers) {
      if (follower.current === current) continue;
      stop(follower);
      follower.current = current;
      follower.stop = follower.subscribe(current);
    }
  }
}

function stop(follower: Follower): void {
  follower.stop?.();
  follower.stop = undefined;
  follower.current = undefined;
}
