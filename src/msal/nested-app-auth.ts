/**
 * Nested app authentication (NAA): in a Teams tab or an Outlook/Office add-in, the host injects
 * a bridge (`window.nestedAppAuthBridge`) through which MSAL's nestable client gets tokens from
 * the host, for the user signed in to it: no hidden iframe, no popup or redirect of ours, no
 * redirect page. The detection and the host come with `sso-callout/nested-app-auth`
 * (nested-app-auth-client.ts), which the app passes as the `nestedAppAuth` option; this module
 * holds only the state the provider's jobs read, so pages without it carry nothing of it.
 */

/** What the host's handshake left, for the silent chain, the interaction policy and `diagnose()`. */
export interface NestedAppAuthState {
  /** `true` once the nestable client runs; `false` when the bridge did not answer (or before start-up). */
  active: boolean;
  /** The host SDK its handshake named. */
  sdk?: string | undefined;
}
