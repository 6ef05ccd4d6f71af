import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';
import { PageHelloType, sayPageHello } from '../providers/page-hello.js';
import { version } from '../version.js';

/**
 * `sso-callout/redirect`: the script of the redirect page (`redirect.html`). Importing it runs it
 * once: Azure AD sends its answer to that page in a hidden iframe or popup, and this hands the
 * answer to the waiting MSAL in the main page over a BroadcastChannel and closes the window (for
 * a full-page redirect it goes back to the page that started sign-in).
 *
 * Resolves to `true` once the answer was handed over, `false` when the page holds no answer (it
 * was opened directly); then the page says so instead of failing silently, and, in a frame, tells
 * a same-origin parent it is the redirect page (what `diagnose()` checks). Never rejects.
 *
 * Host the page on the app's own origin, without `Cross-Origin-Opener-Policy`, with
 * `Cache-Control: no-store`, and register its URL as a "Single-page application" redirect URI.
 *
 * @example
 * ```html
 * <!-- redirect.html -->
 * <script type="module">import 'sso-callout/redirect';</script>
 * ```
 */
export const redirectHandled: Promise<boolean> = broadcastResponseToMainFrame().then(
  () => true,
  () => {
    document.title = 'Sign-in response';
    document.body?.append(
      'This page only relays sign-in responses to the application that opened it; there is nothing to relay here.',
    );
    sayPageHello(PageHelloType.msalRedirect, version);
    return false;
  },
);
