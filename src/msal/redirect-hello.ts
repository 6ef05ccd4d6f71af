/** The `type` of the message a redirect page posts when it holds no answer (see {@link sayRedirectHello}). */
export const redirectHelloType = 'sso-callout:redirect-page';

/** What {@link sayRedirectHello} posts: who is speaking, nothing else. */
export interface RedirectHello {
  type: typeof redirectHelloType;
  version: string;
}

/**
 * Called by sso-callout's redirect pages when they were loaded without an answer to relay: in a
 * frame, they tell the parent — addressed to their own origin only, so no other site hears it —
 * that they are the redirect page and that their script runs there. `diagnose()` loads the
 * redirect URI in a hidden frame and waits for this. The message carries no data but the page's
 * `version` of sso-callout.
 */
export function sayRedirectHello(version: string): void {
  if (window.parent === window) return;
  const hello: RedirectHello = { type: redirectHelloType, version };
  window.parent.postMessage(hello, location.origin);
}
