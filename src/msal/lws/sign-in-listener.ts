import { isLoginHint } from './sign-in-url.js';

/**
 * Interactive sign-in under Lightning Web Security, without popups.
 *
 * LWS behaviour answered here: `window.open` from the sandbox returns `null` (cross-origin) or
 * throws (same-origin), so MSAL's popup cannot open and the sandbox cannot navigate the page to
 * Azure AD either. Instead the user follows a link (a real user gesture) to the static resource's
 * `sign-in.html`, which runs **outside** LWS on the org's origin, signs in with MSAL normally
 * (top-level redirect: first-party cookies, MFA and consent work) and then announces
 * `{ type: 'sso-callout.signed-in', clientId, username }` on a BroadcastChannel. Under LWS's
 * gates the sandbox's channel names are prefixed `LSKey-<namespace>$`, which a page outside
 * the sandbox can address; the page posts on the plain name too, for ungated orgs.
 *
 * The message carries **no token** and is only a cue: the sandboxed provider then runs silent
 * SSO against the Azure AD session the sign-in just created, so the token is obtained and
 * validated (state, PKCE, nonce) inside the sandbox. Anyone on the origin can post such a cue, so
 * the listener checks its shape strictly and throttles what it triggers (see `SignInListener`).
 *
 * The link itself is built by `sign-in-url.ts`, which is loaded with the provider:
 * `signInUrl()` answers synchronously, while this module is part of the adaptations the provider
 * loads on demand (`adaptations.ts`).
 */

/** The `type` of the sign-in page's announcement. */
export const signedInMessageType = 'sso-callout.signed-in';

/** The channel name (as the sandbox sees it) the sign-in page announces on. */
export function signInChannelName(clientId: string): string {
  return `sso-callout.sign-in.${clientId}`;
}

/** Options of {@link SignInListener}. */
export interface SignInListenerOptions {
  /** The provider's client id: only announcements naming it (on its channel) count. */
  clientId: string;
  /**
   * Runs the silent sign-in a cue asks for, with the (unauthenticated, hint-only) username the
   * cue named, if valid. Settles when the attempt is over.
   */
  onSignedIn: (username: string | undefined) => Promise<void>;
  /** At most one attempt starts per this many milliseconds. Default 5000. */
  intervalMs?: number;
}

/** Keys an announcement may have; any other key and it is not the sign-in page's. */
const messageKeys: ReadonlySet<string> = new Set(['type', 'clientId', 'username']);

/**
 * Listens for the sign-in page's announcement for `clientId` and runs `onSignedIn` for it.
 *
 * - **Validation**: a message counts only if it is a plain object with exactly the keys `type`,
 *   `clientId` and (optionally) `username`, `type` is the announcement's, `clientId` is this
 *   provider's, and `username`, when present, is a string of an email/UPN shape (at most 254
 *   characters). Anything else is ignored entirely.
 * - **Throttling**: no attempt starts while one runs, and at most one starts per `intervalMs`
 *   (5 s). Cues that arrive meanwhile are coalesced into **one** attempt run when the window
 *   ends (with the latest cue's username), so a flood of forged cues costs one silent attempt per
 *   window, and a genuine cue that lands in a flood is still served, late by at most one window.
 *
 * `close()` stops listening and drops a pending attempt.
 */
export class SignInListener {
  readonly #channel: BroadcastChannel | undefined;
  readonly #options: SignInListenerOptions;
  readonly #intervalMs: number;
  #running = false;
  #lastStart = Number.NEGATIVE_INFINITY;
  /** A cue is waiting for the window to end: the username it named (`null`: none waiting). */
  #pending: { username: string | undefined } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(options: SignInListenerOptions) {
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? 5_000;
    this.#channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(signInChannelName(options.clientId))
        : undefined;
    this.#channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const cue = readCue(event.data, options.clientId);
      if (cue) this.#cue(cue.username);
    });
  }

  /** Whether a cue waits to be served (it arrived while an attempt ran, or within the window). */
  get pending(): boolean {
    return this.#pending !== null;
  }

  /** Stops listening for good: closes the channel and drops a pending attempt; later cues do nothing. */
  close(): void {
    this.#closed = true;
    this.#pending = null;
    clearTimeout(this.#timer);
    this.#channel?.close();
  }

  #cue(username: string | undefined): void {
    if (this.#closed) return;
    this.#pending = { username };
    this.#schedule();
  }

  /** Starts the pending attempt now if allowed, else once the running attempt or the window ends. */
  #schedule(): void {
    if (this.#running || this.#timer !== undefined || !this.#pending) return;
    const wait = this.#lastStart + this.#intervalMs - Date.now();
    if (wait > 0) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#schedule();
      }, wait);
      return;
    }
    const { username } = this.#pending;
    this.#pending = null;
    this.#running = true;
    this.#lastStart = Date.now();
    void this.#options
      .onSignedIn(username)
      .catch(() => {})
      .finally(() => {
        this.#running = false;
        if (!this.#closed) this.#schedule();
      });
  }
}

/** The announcement's username (if any) when `data` is a well-formed announcement for `clientId`. */
function readCue(data: unknown, clientId: string): { username: string | undefined } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const keys = Object.keys(data);
  if (keys.length > messageKeys.size || !keys.every((key) => messageKeys.has(key))) return undefined;
  const message = data as { type?: unknown; clientId?: unknown; username?: unknown };
  if (message.type !== signedInMessageType || message.clientId !== clientId) return undefined;
  if (message.username === undefined) return { username: undefined };
  return isLoginHint(message.username) ? { username: message.username } : undefined;
}
