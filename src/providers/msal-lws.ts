/**
 * The Lightning Web Security adaptations the MSAL provider needs, behind one module so that a
 * bundler that splits code puts them in one chunk. The provider never imports this module
 * statically: it loads it with `loadMsalLws()` (`msal-lws-load.ts`) only when LWS is detected or
 * forced, so pages outside Salesforce do not download it. A bundle without code splitting (the
 * Salesforce static resource) inlines it, and stays one script.
 */
export { LwsPublicClientApplication } from './msal-lws-application.js';
export { withOpaqueMsalIframes } from './msal-lws-iframe.js';
export { SignInListener } from './msal-lws-sign-in.js';
