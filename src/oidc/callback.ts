import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { PageHelloType, sayPageHello } from '../providers/page-hello.js';
import { version } from '../version.js';

/**
 * Hands the identity provider's answer in this page's URL to the provider waiting in the page
 * that opened it, with oidc-client-ts's own callbacks: to the parent when the page runs in the
 * provider's hidden iframe, else to the opener (a popup; over a BroadcastChannel named after the
 * answer's `state` when the opener is gone). Either way the message stays within this origin and
 * the waiting provider accepts only the answer to its own `state` (then redeems the code with its
 * PKCE verifier). Nothing in the URL configures anything: the placeholder settings below only
 * satisfy the constructor.
 */
async function handOver(): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  if (!params.has('state')) return false;
  const memory = new WebStorageStateStore({ store: new InMemoryWebStorage() });
  const relay = new UserManager({
    authority: location.origin,
    client_id: 'sso-callout-callback',
    redirect_uri: location.href,
    automaticSilentRenew: false,
    userStore: memory,
    stateStore: memory,
  });
  if (window.parent !== window) await relay.signinSilentCallback();
  else await relay.signinPopupCallback();
  return true;
}

/**
 * `sso-callout/oidc-callback`: the script of the OpenID Connect callback page (`redirectUri` of
 * `oidcProvider`). Importing it runs it once. Resolves to `true` once the answer was handed over,
 * `false` when the page holds no answer (it was opened directly: it then says so, and, in a frame,
 * tells a same-origin parent it is the callback page, which `diagnose()` checks). Never rejects.
 *
 * Host the page on the app's own origin, with `Cache-Control: no-store`, and register its URL at
 * the identity provider as a redirect URI (and as the post-logout redirect URI for a global
 * sign-out).
 *
 * @example
 * ```html
 * <!-- oidc-callback.html -->
 * <script type="module">import 'sso-callout/oidc-callback';</script>
 * ```
 */
export const callbackHandled: Promise<boolean> = handOver()
  .catch(() => false)
  .then((handed) => {
    if (!handed) {
      document.title = 'Sign-in response';
      document.body?.append(
        'This page only relays sign-in responses to the application that opened it; there is nothing to relay here.',
      );
      sayPageHello(PageHelloType.oidcCallback, version);
    }
    return handed;
  });
