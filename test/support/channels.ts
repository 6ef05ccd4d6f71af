/** What {@link trackChannels} saw. */
export interface TrackedChannels {
  /** How many channels were created since tracking started. */
  created(): number;
  /** The names of the channels not closed yet. */
  openNames(): string[];
  /** How many channels are open, and how many listeners were added to them and not removed. */
  counts(): { open: number; listeners: number };
  /** Puts the page's own `BroadcastChannel` back. */
  restore(): void;
}

/**
 * Replaces `BroadcastChannel` with a subclass that tracks every channel created from now on —
 * which are still open, and their listeners — until `restore()`.
 */
export function trackChannels(): TrackedChannels {
  const Original = globalThis.BroadcastChannel;
  const open = new Set<BroadcastChannel>();
  let created = 0;
  let listeners = 0;
  class TrackedChannel extends Original {
    constructor(name: string) {
      super(name);
      created++;
      open.add(this);
    }
    override close(): void {
      open.delete(this);
      super.close();
    }
    override addEventListener(...args: Parameters<BroadcastChannel['addEventListener']>): void {
      listeners++;
      super.addEventListener(...args);
    }
    override removeEventListener(...args: Parameters<BroadcastChannel['removeEventListener']>): void {
      listeners--;
      super.removeEventListener(...args);
    }
  }
  globalThis.BroadcastChannel = TrackedChannel;
  return {
    created: () => created,
    openNames: () => [...open].map((channel) => channel.name),
    counts: () => ({ open: open.size, listeners }),
    restore: () => {
      globalThis.BroadcastChannel = Original;
    },
  };
}

/** What {@link witnessChannel} heard, and a way to wait for more. */
export interface ChannelWitness {
  /** Every message heard so far, in order. */
  readonly messages: unknown[];
  /** Resolves once `count` messages in all (of those `matching` accepts, if given) have been heard. */
  heard(count: number, matching?: (message: unknown) => boolean): Promise<void>;
  /** Closes the witness's channel. */
  close(): void;
}

/**
 * Opens a channel named `name` that records what it hears, so a test can wait until messages
 * have been delivered instead of sleeping for a guess. The browser hands a message to a page's
 * channels in the order they were opened: once a witness opened after a listener has heard a
 * message, that listener has had it too, and its handler has run (to its first await). Only
 * messages posted after the witness opened reach it. For a listener in a frame, open the witness
 * in that frame (`within` its window): the order holds within one document.
 */
export function witnessChannel(
  name: string,
  within: { BroadcastChannel: typeof BroadcastChannel } = globalThis,
): ChannelWitness {
  const channel = new within.BroadcastChannel(name);
  const messages: unknown[] = [];
  const waiters = new Set<() => void>();
  channel.addEventListener('message', (event) => {
    messages.push(event.data);
    for (const check of [...waiters]) check();
  });
  return {
    messages,
    heard: (count, matching = () => true) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (messages.filter(matching).length < count) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    close: () => channel.close(),
  };
}
