/**
 * Script of the static resource's `redirect.html`: MSAL's redirect URI under Lightning Web
 * Security. Azure AD sends its answer here inside MSAL's hidden iframe, which LWS (or the
 * provider) makes an opaque origin, so MSAL's own BroadcastChannel bridge cannot reach the
 * sandboxed MSAL. This posts the raw answer to the parent window — addressed to the org's origin
 * only — where the provider accepts it only from this very iframe and with the request's `state`
 * (docs/security.md). Opened any other way, the page just says what it is (and, in a frame, tells
 * its same-origin parent that it is the redirect page: `diagnose()` checks for that).
 */
import { type LwsResponseMessage, lwsResponseMessageType } from '../src/msal/lws/response-message.js';
import { PageHelloType, sayPageHello } from '../src/providers/page-hello.js';
import { version } from '../src/version.js';

const answer = location.hash.length > 1 ? location.hash : location.search;
if (window.parent !== window && answer.length > 1) {
  const message: LwsResponseMessage = { type: lwsResponseMessageType, response: answer };
  // location.origin is the org's origin even in an opaque-origin frame (self.origin is 'null').
  window.parent.postMessage(message, location.origin);
} else {
  document.body.append(
    'This page only relays sign-in answers to the Lightning component that asked for them.',
  );
  sayPageHello(PageHelloType.msalRedirect, version); // In a frame without an answer: a setup check (diagnose()) is asking.
}
