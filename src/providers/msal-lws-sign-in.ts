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
 * validated (state, PKCE, nonce) inside the sandbox. A forged cue costs one silent attempt.
 *
 * The link itself is built by `msal-lws-sign-in-url.ts`, which is loaded with the provider:
 * `signInUrl()` answers synchronously, while this module is part of the adaptations the provider
 * loads on demand (`msal-lws.ts`).
 */

/** The `type` of the sign-in page's announcement. */
export const signedInMessageType = 'sso-callout.signed-in';

/** The channel name (as the sandbox sees it) the sign-in page announces on. */
export function signInChannelName(clientId: string): string {
  return `sso-callout.sign-in.${clientId}`;
}

/**
 * Listens for the sign-in page's announcement for `clientId` and calls `onSignedIn` with the
 * (unauthenticated, hint-only) username it names. Malformed messages and other client ids are
 * ignored. `close()` stops listening.
 */
export class SignInListener {
  readonly #channel: BroadcastChannel | undefined;

  constructor(clientId: string, onSignedIn: (username: string | undefined) => void) {
    this.#channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(signInChannelName(clientId)) : undefined;
    this.#channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown; clientId?: unknown; username?: unknown } | null;
      if (typeof data !== 'object' || data === null) return;
      if (data.type !== signedInMessageType || data.clientId !== clientId) return;
      const username =
        typeof data.username === 'string' && data.username.length <= 256 ? data.username : undefined;
      onSignedIn(username);
    });
  }

  close(): void {
    this.#channel?.close();
  }
}
