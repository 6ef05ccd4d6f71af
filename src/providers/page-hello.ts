/**
 * The `type` of the message each of sso-callout's relay pages posts when it holds no answer (see
 * {@link sayPageHello}): the MSAL redirect page (`sso-callout/redirect`) and the OpenID Connect
 * callback page (`sso-callout/oidc-callback`). `diagnose()` tells them apart by it.
 */
export const PageHelloType = {
  msalRedirect: 'sso-callout:redirect-page',
  oidcCallback: 'sso-callout:oidc-callback-page',
} as const;

/** One of {@link PageHelloType}. */
export type PageHelloType = (typeof PageHelloType)[keyof typeof PageHelloType];

/** What {@link sayPageHello} posts: which page is speaking, nothing else. */
export interface PageHello {
  type: PageHelloType;
  version: string;
}

/**
 * Called by sso-callout's relay pages when they were loaded without an answer to relay: in a
 * frame, they tell the parent — addressed to their own origin only, so no other site hears it —
 * which page they are and that their script runs there. `diagnose()` loads the page in a hidden
 * frame and waits for this. The message carries no data but the page's `version` of sso-callout.
 */
export function sayPageHello(type: PageHelloType, version: string): void {
  if (window.parent === window) return;
  const hello: PageHello = { type, version };
  window.parent.postMessage(hello, location.origin);
}
