/**
 * LWS behaviour answered here: objects built inside the sandbox cannot be structured-cloned when
 * they contain a `Map`, `Set` or `Error` (`DataCloneError` from `BroadcastChannel.postMessage`).
 * MSAL broadcasts `msal:loginSuccess` / `msal:activeAccountChanged` to other tabs with the account,
 * whose `tenantProfiles` is a `Map`, so under LWS `ssoSilent` rejects **after** the tokens were
 * cached. Patching `BroadcastChannel.prototype.postMessage` in the sandbox has no effect on the
 * instances LWS creates; replacing the constructor does.
 */

/** A copy of `value` with Maps as plain objects, Sets as arrays and Errors as `{ name, message }`. */
export function toCloneable(value: unknown, seen = new WeakMap<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const [key, entry] of value) out[String(key)] = toCloneable(entry, seen);
    return out;
  }
  if (value instanceof Set) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const entry of value) out.push(toCloneable(entry, seen));
    return out;
  }
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const entry of value) out.push(toCloneable(entry, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'function') out[key] = toCloneable(entry, seen);
  }
  return out;
}

/** By name: under LWS the DOMException comes through the membrane, so `instanceof` cannot tell. */
function isDataCloneError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'DataCloneError'
  );
}

/**
 * Gives `channel` an own `postMessage` that retries a message that failed to clone with
 * {@link toCloneable}'s plain copy. An own property, because a subclass does not work here: LWS
 * builds the instance from its own prototype, so overrides on a subclass are never reached.
 */
function withCloneFallback(channel: BroadcastChannel): BroadcastChannel {
  const post = channel.postMessage;
  Object.defineProperty(channel, 'postMessage', {
    configurable: true,
    writable: true,
    value(message: unknown): void {
      try {
        post.call(channel, message);
      } catch (error) {
        if (!isDataCloneError(error)) throw error;
        post.call(channel, toCloneable(message));
      }
    },
  });
  return channel;
}

/**
 * Runs `construct` (synchronously) with `globalThis.BroadcastChannel` replaced by a constructor
 * that returns real channels given the clone fallback, and restores the original before
 * returning. Only the channels created during `construct` — MSAL's own, created in its
 * constructor — get the fallback; since nothing else can run during a synchronous call, no other
 * code ever sees the replaced constructor.
 */
export function withCloneFallbackChannels<T>(construct: () => T): T {
  const original = globalThis.BroadcastChannel;
  if (typeof original !== 'function') return construct();
  const replacement = function CloneFallbackChannel(name: string): BroadcastChannel {
    return withCloneFallback(new original(name));
  };
  globalThis.BroadcastChannel = replacement as unknown as typeof BroadcastChannel;
  try {
    return construct();
  } finally {
    globalThis.BroadcastChannel = original;
  }
}
