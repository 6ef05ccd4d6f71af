import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

/**
 * `sso-callout/redirect`: the script of the redirect page (`redirect.html`). Azure AD sends its
 * answer to that page in a hidden iframe or popup; this hands the answer to the waiting MSAL in
 * the main page over a BroadcastChannel and closes the window (for a full-page redirect it goes
 * back to the page that started sign-in). Importing it runs it once.
 *
 * Host the page on the app's own origin, without `Cross-Origin-Opener-Policy`, with
 * `Cache-Control: no-store`, and register its URL as a "Single-page application" redirect URI.
 */
export const redirectHandled: Promise<void> = broadcastResponseToMainFrame().catch((error: unknown) => {
  // Nothing to hand over (the page was opened directly): say so on the page, never the URL.
  document.title = 'Sign-in response';
  document.body?.append(
    document.createTextNode(
      'This page only relays sign-in responses to the application that opened it; there is nothing to relay here.',
    ),
  );
  throw error;
});
