/**
 * The BroadcastChannels a `PublicClientApplication` opens for itself (MSAL's cross-tab event
 * channel; with the `localStorage` cache, its cache channel) have no close API, so an instance
 * the provider no longer uses would keep listening to every other tab. The hosts create the
 * instances they own through {@link withOwnChannels} and close those channels on dispose.
 */

/** What {@link withOwnChannels} returns: the constructed value and the channels it opened. */
export interface OwnChannels<T> {
  value: T;
  channels: BroadcastChannel[];
}

/**
 * Runs `construct` (synchronously) while `globalThis.BroadcastChannel` is a constructor that
 * records the channels it creates (real ones, made by the constructor in place before the call),
 * and restores that constructor before returning. When `construct` throws, the channels it
 * opened are closed. Since nothing else can run during a synchronous call, only channels
 * `construct` itself creates are recorded.
 */
export function withOwnChannels<T>(construct: () => T): OwnChannels<T> {
  const channels: BroadcastChannel[] = [];
  const original = globalThis.BroadcastChannel;
  if (typeof original !== 'function') return { value: construct(), channels };
  const recording = function RecordedChannel(name: string): BroadcastChannel {
    const channel = new original(name);
    channels.push(channel);
    return channel;
  };
  globalThis.BroadcastChannel = recording as unknown as typeof BroadcastChannel;
  try {
    return { value: construct(), channels };
  } catch (error) {
    closeChannels(channels);
    throw error;
  } finally {
    globalThis.BroadcastChannel = original;
  }
}

/**
 * Closes `channels` for good: nothing more is heard on them, and whatever a flow still running
 * posts on them later is dropped instead of throwing `InvalidStateError` inside MSAL.
 */
export function closeChannels(channels: readonly BroadcastChannel[]): void {
  for (const channel of channels) {
    channel.close();
    Object.defineProperty(channel, 'postMessage', { configurable: true, writable: true, value() {} });
  }
}
