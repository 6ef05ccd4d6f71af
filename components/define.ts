/**
 * `sso-callout/define`: registers every `callout-*` element — the package's only side-effect
 * module. Configuration elements (`callout-msal`, `callout-oidc`, `callout-credential`) are registered first, so
 * elements already in the page upgrade in an order where their providers and credentials exist.
 * Names already registered (a second copy of the package on the page) are left alone, so loading
 * this module twice never throws. Re-exports everything from `sso-callout/components`.
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
