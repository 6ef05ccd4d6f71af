/**
 * `sso-callout/redirect`: the script of the redirect page. Importing it runs the MSAL redirect
 * bridge once (see {@link redirectHandled}); the bridge lives with the other MSAL code, the only
 * code that imports `@azure/msal-browser`.
 *
 * @example
 * ```html
 * <!-- redirect.html -->
 * <script type="module">import 'sso-callout/redirect';</script>
 * ```
 */
export { redirectHandled } from './msal/redirect-bridge.js';
