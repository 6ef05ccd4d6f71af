/**
 * The sign-out signal between the tabs of one origin, shared by the providers that keep a user
 * per tab (MSAL, OpenID Connect). A BroadcastChannel reaches only this origin's contexts, and any
 * of them may post on it, so a message cannot be authenticated: it is scoped and validated
 * instead. It carries no token, only the signed-out account's id.
 */

/** A message older than this (ms) is stale: a replay, or a tab that was asleep. */
const maxAgeMs = 30_000;

/** Tabs of one origin share one clock; this much skew (ms) is tolerated for a message from "the future". */
const maxSkewMs = 1_000;

/** Message ids remembered to drop a replay within {@link maxAgeMs}. */
const maxSeenIds = 100;

/** The longest account id, scope or message id a message may carry. */
const maxFieldLength = 1_024;

const messageType = 'sso-callout.sign-out';

/** What one sign-out message holds (nothing else is accepted). */
interface SignOutMessage {
  type: typeof messageType;
  /** The provider it is for: the channel name's own scope. */
  scope: string;
  /** Unique per announcement: a second copy is a replay. */
  id: string;
  /** When it was announced (`Date.now()` of the announcing tab). */
  at: number;
  /** The signed-out account; absent: whichever account the provider holds. */
  accountId?: string;
}

/** Options of {@link SignOutChannel}. */
export interface SignOutChannelOptions {
  /**
   * Which provider the channel is for, for example `msal.<client id>`: the channel's name and
   * every message carry it, and a message for another scope is ignored. Tabs of the same provider
   * configuration must compute the same scope.
   */
  scope: string;
  /**
   * When the provider took the account it holds now (ms since the epoch), or `undefined` when it
   * holds none: a sign-out announced before that is about an earlier session and is ignored.
   */
  since(): number | undefined;
  /** Called with the signed-out account id (`undefined`: whichever account) for each valid message. */
  onSignOut(accountId: string | undefined): void;
}

const isField = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && value.length <= maxFieldLength;

/** The message when `data` is exactly a sign-out message of `scope`, else `undefined`. */
function parse(data: unknown, scope: string): SignOutMessage | undefined {
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) return;
  const message = data as Record<string, unknown>;
  const keys = Object.keys(message);
  const allowed = ['type', 'scope', 'id', 'at', 'accountId'];
  if (keys.length > allowed.length || keys.some((key) => !allowed.includes(key))) return;
  const { type, id, at, accountId } = message;
  if (type !== messageType || message.scope !== scope || !isField(id)) return;
  if (typeof at !== 'number' || !Number.isFinite(at)) return;
  if (accountId !== undefined && !isField(accountId)) return;
  return message as unknown as SignOutMessage;
}

/**
 * Tells the providers of one scope in other tabs (and other providers of that scope in this tab)
 * that the user signed out, so they forget the account and its tokens instead of silently signing
 * back in. A message is honoured only when it is exactly the shape {@link SignOutChannel.announce}
 * sends, for this scope, announced within the last 30 seconds and after this provider took its
 * account, and heard for the first time: a message of another provider, a stale or repeated one
 * does nothing. A fresh forgery from this origin is honoured (ignoring sign-outs would let a
 * forged message suppress a real one); it costs the user one sign-in. Does nothing where
 * BroadcastChannel is missing, and nothing once closed.
 */
export class SignOutChannel {
  readonly #channel: BroadcastChannel | undefined;
  readonly #scope: string;
  readonly #seen = new Set<string>();

  constructor(options: SignOutChannelOptions) {
    this.#scope = options.scope;
    this.#channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(`sso-callout.${options.scope}`)
        : undefined;
    this.#channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = parse(event.data, this.#scope);
      if (!message || !this.#fresh(message, options.since())) return;
      options.onSignOut(message.accountId);
    });
  }

  /** Whether `message` is recent, after `since`, and new (remembering its id). */
  #fresh(message: SignOutMessage, since: number | undefined): boolean {
    const now = Date.now();
    if (message.at < now - maxAgeMs || message.at > now + maxSkewMs) return false;
    if (since !== undefined && message.at < since) return false;
    if (this.#seen.has(message.id)) return false;
    this.#seen.add(message.id);
    if (this.#seen.size > maxSeenIds) this.#seen.delete(this.#seen.values().next().value as string);
    return true;
  }

  /** Stops listening and closes the channel (idempotent); later announcements do nothing. */
  close(): void {
    this.#channel?.close();
  }

  /** Announces a sign-out of `accountId` (`undefined`: whichever account) to the other providers of this scope. */
  announce(accountId: string | undefined): void {
    const message: SignOutMessage = {
      type: messageType,
      scope: this.#scope,
      id: crypto.randomUUID(),
      at: Date.now(),
      ...(accountId ? { accountId } : {}),
    };
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel must never break sign-out.
    }
  }
}
