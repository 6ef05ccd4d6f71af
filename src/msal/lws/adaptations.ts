/**
 * The Lightning Web Security adaptations the MSAL provider needs, behind one module so that a
 * bundler that splits code puts them in one chunk: the LWS host (lws-host.ts) and what it uses
 * (the MSAL subclass, the opaque hidden iframe and its guards, the sign-in page's listener). The
 * provider never imports this module statically: it loads it with `loadMsalLws()` (`load.ts`)
 * only when LWS is detected or forced, so pages outside Salesforce do not download it. A bundle
 * without code splitting (the Salesforce static resource) inlines it, and stays one script.
 */
export { LwsHost } from './lws-host.js';
