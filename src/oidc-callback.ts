/**
 * `sso-callout/oidc-callback`: the script of the OpenID Connect callback page. Importing it hands
 * the identity provider's answer to the waiting `oidcProvider` once (see {@link callbackHandled}).
 *
 * @example
 * ```html
 * <!-- oidc-callback.html -->
 * <script type="module">import 'sso-callout/oidc-callback';</script>
 * ```
 */
export { callbackHandled } from './oidc/callback.js';
