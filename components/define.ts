/**
 * `sso-callout/define`: registers each `callout-*` element when the page first uses it. Importing
 * it scans the document for `callout-*` elements that are not defined yet and loads the module of
 * each tag found (a dynamic `import()`: a chunk of its own in a bundled app), then keeps watching
 * the document — and every shadow root a `callout-*` element creates — for elements added later.
 * A page pays only for the elements it uses: `<callout-log>`, the diagnostics timeline, costs
 * nothing on a page without one. Configuration elements (`callout-msal`, `callout-credential`)
 * are registered before the others found with them (see `Autoloader`).
 *
 * Timing: elements in the HTML are registered once their modules have loaded — on a cold load
 * one round trip after this module; when the page's code must find them upgraded right after
 * the import, await `autoload()` or `customElements.whenDefined(tag)`, or import
 * `sso-callout/define-all`, which registers all of them at once. Names already registered (a
 * second copy of the package, `sso-callout/define-all`, `sso-callout/define-msal`) are left
 * alone, so importing this module twice is harmless. Elements inside a shadow root of your own
 * component are found once you call `autoload(shadowRoot)`.
 *
 * @example
 * ```html
 * <script type="module">import 'sso-callout/define';</script>
 * <callout-credential name="Orders" provider="aad" url="https://api.contoso.com/v1/" scopes="api://orders/Orders.Read"></callout-credential>
 * <callout-get credential="Orders" path="orders?status=open"></callout-get>
 * ```
 */
import { Autoloader, type AutoloadRoot } from './shared/autoloader.js';

const autoloader = new Autoloader([
  ['callout-msal', async () => (await import('./callout-msal/callout-msal.js')).CalloutMsal],
  [
    'callout-credential',
    async () => (await import('./callout-credential/callout-credential.js')).CalloutCredential,
  ],
  ['callout-login', async () => (await import('./callout-login/callout-login.js')).CalloutLogin],
  ['callout-get', async () => (await import('./callout-get/callout-get.js')).CalloutGet],
  ['callout-log', async () => (await import('./callout-log/callout-log.js')).CalloutLog],
]);

const initial = autoloader.observe(document);

/**
 * Registers the `callout-*` elements used in `root` (a shadow root of your own component, say)
 * and watches it for more. Without an argument it resolves once the elements the document used
 * when this module was evaluated are registered. Never rejects: a failed load is logged.
 */
export function autoload(root?: AutoloadRoot): Promise<void> {
  return root === undefined ? initial : autoloader.observe(root);
}
