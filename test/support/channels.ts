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
