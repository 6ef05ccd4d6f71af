import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Callout } from '../../src/index.js';

/** Options of {@link ClientSubscription}. */
export interface ClientSubscriptionOptions {
  /** The client the host uses now (read before every update). */
  client: () => Callout;
  /** Starts listening to `callout`; returns the function that stops. */
  subscribe: (callout: Callout) => () => void;
}

/**
 * Keeps exactly one subscription to the host's current client: made before the host's first
 * update after it connects, moved when the client changes (another context provider, a new
 * `callout` property), and removed when the host disconnects, so connecting and disconnecting an
 * element any number of times leaves no listener behind on the client.
 */
export class ClientSubscription implements ReactiveController {
  readonly #options: ClientSubscriptionOptions;
  #subscribed: Callout | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: ClientSubscriptionOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #sync(): void {
    if (!this.#connected) return;
    const current = this.#options.client();
    if (current === this.#subscribed) return;
    this.#stop();
    this.#subscribed = current;
    this.#unsubscribe = this.#options.subscribe(current);
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribed = undefined;
  }
}
