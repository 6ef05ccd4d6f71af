/**
 * The Lightning Web Security adaptations the MSAL provider needs, behind one module so that a
 * bundler that splits code puts them in one chunk. The provider never imports this module
 * statically: it loads it with `loadMsalLws()` (`load.ts`) only when LWS is detected or
 * forced, so pages outside Salesforce do not download it. A bundle without code splitting (the
 * Salesforce static resource) inlines it, and stays one script.
 */
export { LwsPublicClientApplication } from './application.js';
export { withOpaqueMsalIframes } from './opaque-iframe.js';
export { SignInListener } from './sign-in-listener.js';
