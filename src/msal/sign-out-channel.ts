interface SignOutMessage {
  type: 'msal-sign-out';
  accountId?: string;
}

/**
 * Tells the MSAL providers of one client id in other tabs (and other providers in this tab) that
 * the user signed out, so they forget the account and MSAL's cache instead of silently signing
 * back in. Carries only the account id — never a token. Does nothing where BroadcastChannel is
 * missing, and nothing once closed.
 */
export class SignOutChannel {
  readonly #channel: BroadcastChannel | undefined;

  /** @param onSignOut called with the signed-out account id (or `undefined`: every account). */
  constructor(clientId: string, onSignOut: (accountId: string | undefined) => void) {
    this.#channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(`sso-callout.msal.${clientId}`)
        : undefined;
    this.#channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data as Partial<SignOutMessage> | null;
      if (message?.type !== 'msal-sign-out') return;
      onSignOut(typeof message.accountId === 'string' ? message.accountId : undefined);
    });
  }

  /** Stops listening and closes the channel (idempotent); later announcements do nothing. */
  close(): void {
    this.#channel?.close();
  }

  /** Announces a sign-out of `accountId` to the other providers. */
  announce(accountId: string | undefined): void {
    const message: SignOutMessage = { type: 'msal-sign-out', ...(accountId ? { accountId } : {}) };
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel must never break sign-out.
    }
  }
}
