/**
 * Entry of the Salesforce static resource script (`sso-callout.js`), loaded inside Lightning Web
 * Security with `loadScript`. Bundles the core, the MSAL provider (which adapts itself to LWS)
 * and the `callout-*` elements — with lit, ky and @azure/msal-browser inside — registers the
 * elements in the namespace's (virtualised) custom element registry with **closed** shadow roots
 * by default, and publishes the API as `globalThis.ssoCallout` of the namespace's sandbox.
 * Loading it twice keeps the first copy (and the first registration of each element).
 */
// Order matters: the default shadow mode is set before define-all.ts registers (and upgrades)
// elements. Eager on purpose: the static resource is one classic script (loadScript loads no
// module chunks), its elements must be defined when loadScript resolves, and gated Lightning Web
// Security does not let a namespace observe mutations of shared elements such as <body>.
import { shadowMode } from './shadow-mode.js';
import '../components/define-all.js';
import { CalloutElement } from '../components/shared/callout-element.js';
import * as core from '../src/index.js';
import { MsalInteraction, msalProvider } from '../src/msal.js';
import { insideLws as detectLws } from '../src/tokens/cross-tab-mode.js';

/** What the static resource exposes to the namespace's components. */
export const ssoCallout = Object.freeze({
  ...core,
  msalProvider,
  MsalInteraction,
  detectLws,
  /** Base class of the elements: `CalloutElement.defaultShadowMode` is `'closed'` here. */
  CalloutElement,
  /** The shadow root mode elements get unless they say `shadow-mode="open"`. */
  shadowMode,
});

/** The global the static resource publishes. */
export type SsoCalloutGlobal = typeof ssoCallout;

const scope = globalThis as { ssoCallout?: SsoCalloutGlobal };
scope.ssoCallout ??= ssoCallout;
