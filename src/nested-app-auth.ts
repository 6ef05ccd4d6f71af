/**
 * `sso-callout/nested-app-auth`: nested app authentication for the MSAL provider, in Teams tabs
 * and Outlook/Office add-ins. Pass `nestedAppAuth` to `msalProvider` (or set it as the
 * `nestedAppAuth` property of `<callout-msal>`): when the page runs in a host that injected its
 * bridge, tokens come from the host. A separate entry because MSAL's nestable client costs every
 * page that imports it (see docs/msal.md, "Teams tabs and Outlook add-ins").
 */

export { nestedAppAuth } from './msal/nested-app-auth-client.js';
export type { MsalNestedAppAuth } from './msal/options.js';
