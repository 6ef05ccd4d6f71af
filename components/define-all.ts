/**
 * `sso-callout/define-all`: registers every `callout-*` element at once, when this module is
 * evaluated — the eager alternative to `sso-callout/define`, which registers each element when the
 * page first uses it. Use it where the elements must be defined before the page's own code runs
 * (the Salesforce static resource, code that calls an element's methods right after the import),
 * or where a `callout-*` element is rendered inside a shadow root the autoloader cannot see (one
 * not created by a `callout-*` element). Configuration elements (`callout-msal`, `callout-oidc`,
 * `callout-credential`) are registered first, so elements already in the page upgrade in an order
 * where their providers and credentials exist. Names already registered (a second copy of the
 * package on the page) are left alone, so loading this module twice never throws. Re-exports
 * everything from `sso-callout/components`.
 *
 * @example
 * ```html
 * <script type="module">import 'sso-callout/define-all';</script>
 * <callout-credential name="Orders" provider="aad" url="https://api.contoso.com/v1/" scopes="api://orders/Orders.Read"></callout-credential>
 * <callout-get credential="Orders" path="orders?status=open"></callout-get>
 * ```
 */
import { CalloutCredential } from './callout-credential/callout-credential.js';
import { CalloutGet } from './callout-get/callout-get.js';
import { CalloutLog } from './callout-log/callout-log.js';
import { CalloutLogin } from './callout-login/callout-login.js';
import { CalloutMsal } from './callout-msal/callout-msal.js';
import { CalloutOidc } from './callout-oidc/callout-oidc.js';
import { defineElement } from './shared/define-element.js';

defineElement('callout-msal', CalloutMsal);
defineElement('callout-oidc', CalloutOidc);
defineElement('callout-credential', CalloutCredential);
defineElement('callout-login', CalloutLogin);
defineElement('callout-get', CalloutGet);
defineElement('callout-log', CalloutLog);

export * from './index.js';
