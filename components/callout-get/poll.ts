import type { ReactiveControllerHost } from 'lit';

/** The shortest poll interval, whatever `interval` says. */
const minimumPollMs = 1000;

/** Options of {@link Poll}. */
export interface PollOptions {
  /** Milliseconds between runs (at least 1000); 0 or less: no polling. Read before each host update. */
  interval: () => number;
  /** Whether a run may start now (say: nothing in flight, and the request only reads). */
  ready: () => boolean;
  /** Runs once more. */
  run: () => void;
}

/**
 * Runs its host's work again every `interval` milliseconds while the host is connected and the
 * page is visible. The timer starts when the host connects, restarts when the interval changes
 * (seen at the next host update), and stops when the host disconnects, so a detached host never
 * polls. A tick is skipped when the page is hidden or `ready()` says no.
 */
export class Poll {
  readonly #options: PollOptions;
  #timer: ReturnType<typeof setInterval> | undefined;
  #interval = 0;

  constructor(host: ReactiveControllerHost, options: PollOptions) {
    this.#options = options;
    host.addController({
      hostConnected: () => this.#restart(),
      hostUpdate: () => {
        if (options.interval() !== this.#interval) this.#restart();
      },
      hostDisconnected: () => this.#stop(),
    });
  }

  #restart(): void {
    this.#stop();
    const interval = this.#options.interval();
    this.#interval = interval;
    if (!(interval > 0)) return;
    this.#timer = setInterval(
      () => {
        if (document.visibilityState !== 'hidden' && this.#options.ready()) this.#options.run();
      },
      Math.max(minimumPollMs, interval),
    );
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#interval = 0;
  }
}
