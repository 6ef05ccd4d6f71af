/**
 * Entry of the Salesforce static resource script (`sso-callout.js`), loaded inside Lightning Web
 * Security with `loadScript`. Bundles the core, the MSAL provider (which adapts itself to LWS)
 * with lit, ky and @azure/msal-browser inside, and publishes them as `globalThis.ssoCallout` of
 * the namespace's sandbox. Loading it twice keeps the first copy.
 */
import * as core from '../src/index.js';
import { MsalInteraction, msalProvider } from '../src/msal.js';
import { detectLws } from '../src/providers/msal-lws-detect.js';

/** What the static resource exposes to the namespace's components. */
export const ssoCallout = Object.freeze({ ...core, msalProvider, MsalInteraction, detectLws });

/** The global the static resource publishes. */
export type SsoCalloutGlobal = typeof ssoCallout;

const scope = globalThis as { ssoCallout?: SsoCalloutGlobal };
scope.ssoCallout ??= ssoCallout;
