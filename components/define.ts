/**
 * `sso-callout/define`: registers the `callout-*` elements a page uses. Those on the path to the
 * page's data — the provider elements `callout-msal` and `callout-oidc`, `callout-credential`,
 * `callout-get` — are registered at once, configuration elements first, so elements already in
 * the page upgrade in an order where their providers and credentials exist. The two that are not — `callout-login` (the sign-in status)
 * and `callout-log` (the diagnostics timeline) — are registered when the page first uses them:
 * their modules load then (a dynamic `import()`, a chunk of its own in a bundled app), so a page
 * without them does not download them.
 *
 * Why this split (bench/README.md, measure 7): loading the data-path elements on demand too
 * costs a cold load one more sequential round trip before the first token request (10 instead of
 * 9 on the README's page), and the chunks it splits into compress worse than the bytes it saves;
 * the two on-demand elements save their bytes (about 6 kB gzip) and delay nothing a user waits
 * for. `sso-callout/define-all` registers all of them at once.
 *
 * Timing: the on-demand elements found when this module is evaluated, or added later under the
 * document or a shadow root a `callout-*` element created, upgrade once their module has loaded;
 * await `autoload()` (or `customElements.whenDefined(tag)`) before calling their methods. Names
 * already registered (a second copy of the package, `sso-callout/define-all`,
 * `sso-callout/define-msal`) are left alone, so importing this module twice is harmless.
 * Elements inside a shadow root of your own component are found once you call
 * `autoload(shadowRoot)`.
 *
 * @example
 * ```html
 * <script type="module">import 'sso-callout/define';</script>
 * <callout-credential name="Orders" provider="aad" url="https://api.contoso.com/v1/" scopes="api://orders/Orders.Read"></callout-credential>
 * <callout-get credential="Orders" path="orders?status=open"></callout-get>
 * ```
 */
import { CalloutCredential } from './callout-credential/callout-credential.js';
import { CalloutGet } from './callout-get/callout-get.js';
import { CalloutMsal } from './callout-msal/callout-msal.js';
import { CalloutOidc } from './callout-oidc/callout-oidc.js';
import { Autoloader, type AutoloadRoot } from './shared/autoloader.js';
import { defineElement } from './shared/define-element.js';

// Created first: it watches the shadow roots of the elements registered next.
const autoloader = new Autoloader({
  'callout-login': async () => (await import('./callout-login/callout-login.js')).CalloutLogin,
  'callout-log': async () => (await import('./callout-log/callout-log.js')).CalloutLog,
});

defineElement('callout-msal', CalloutMsal);
defineElement('callout-oidc', CalloutOidc);
defineElement('callout-credential', CalloutCredential);
defineElement('callout-get', CalloutGet);

const initial = autoloader.observe(document);

/**
 * Registers the on-demand `callout-*` elements used in `root` (a shadow root of your own
 * component, say) and watches it for more. Without an argument it resolves once those the
 * document used when this module was evaluated are registered. Never rejects: a failed load is
 * logged.
 */
export function autoload(root?: AutoloadRoot): Promise<void> {
  return root === undefined ? initial : autoloader.observe(root);
}

export { CalloutCredential, CalloutGet, CalloutMsal, CalloutOidc };
