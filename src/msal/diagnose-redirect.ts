import { relayPageCheck } from '../diagnostics/diagnose/relay-page.js';
import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnostics/diagnosis.js';
import { PageHelloType } from '../providers/page-hello.js';

/**
 * The `redirect-page` check: the redirect URI is on this origin, answers 200 with an HTML page
 * that may be framed and sends no Cross-Origin-Opener-Policy (read from a GET of the page), and
 * is the redirect bridge: loaded in a hidden frame, sso-callout's redirect page says so. A page
 * that loads but does not say so may be MSAL's own bridge (a warning) or the app's own page.
 * A page that may be cached is a warning too, except for a `staticResource` (under LWS).
 */
export function redirectPageCheck(
  redirectUri: string,
  context: ProviderDiagnosisContext,
  staticResource: boolean,
): Promise<DiagnosisCheck> {
  const url = new URL(redirectUri, globalThis.location.href);
  const fix = `Serve the redirect page (the sso-callout/redirect module) at ${url.href}: without Cross-Origin-Opener-Policy, frameable by this origin, with Cache-Control: no-store, registered as a "Single-page application" redirect URI.`;
  return relayPageCheck(
    {
      id: 'redirect-page',
      url: url.href,
      helloType: PageHelloType.msalRedirect,
      label: 'redirect page',
      fix,
      originHint: `MSAL takes the answer only on the page's own origin: serve the redirect page on ${globalThis.location.origin} and register that URL.`,
      unknownHint:
        "If it runs MSAL's own bridge (broadcastResponseToMainFrame), all is well; if it is the app's page, point redirectUri at a page that only runs the bridge.",
      staticResource,
    },
    context,
  );
}
