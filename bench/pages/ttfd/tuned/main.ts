/**
 * The README's page with both cold-start options: MSAL imported up front with `<callout-msal>`
 * (`sso-callout/define-msal`), and a redirect page whose script is inlined at build time.
 */
import '../../../../components/callout-msal/define.js';
import '../../../../components/define.js';
