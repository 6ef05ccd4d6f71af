/**
 * `sso-callout/define`: registers every `callout-*` element (the package's only side-effect
 * module). Elements that declare configuration (providers, credentials) are registered first, so
 * elements already in the page upgrade in an order where their credentials exist. Names already
 * registered (a second copy of the package) are left alone: loading this twice does not throw.
 *
 * @example
 * ```html
 * <script type="module">import 'sso-callout/define';</script>
 * ```
 */
import './callout-msal/define.js';
import './callout-credential/define.js';
import './callout-get/define.js';
import './callout-log/define.js';
import './callout-login/define.js';

export * from './index.js';
