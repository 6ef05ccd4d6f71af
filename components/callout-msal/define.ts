/**
 * Registers `<callout-msal>` with MSAL loaded up front: this module imports `sso-callout/msal`
 * (and `@azure/msal-browser`) statically, so a bundler puts MSAL in the page's first scripts
 * (`<link rel="modulepreload">`) instead of the chunk `<callout-msal>` otherwise loads when it
 * connects. On a cold start that saves one round trip before the silent sign-in can begin; on a
 * warm load MSAL comes from the HTTP cache either way. Import it on pages that always declare
 * `<callout-msal>` (before or after `sso-callout/define`, which then keeps this registration);
 * pages that may not use it import only `sso-callout/define` and load MSAL on demand.
 *
 * @example
 * ```html
 * <script type="module">
 *   import 'sso-callout/define';
 *   import 'sso-callout/define-msal'; // this module
 * </script>
 * ```
 */
import * as msal from '../../src/msal.js';
import { defineElement } from '../shared/define-element.js';
import { CalloutMsal } from './callout-msal.js';
import { provideMsal } from './load-msal.js';

provideMsal(msal);
defineElement('callout-msal', CalloutMsal);

export { CalloutMsal };
