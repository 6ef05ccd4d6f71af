/**
 * Closed shadow roots for every `callout-*` element of the Salesforce static resource.
 * Lightning's support for third-party web components (`lwc:external`) requires closed shadow
 * roots, so the static resource makes `closed` the default before any element is defined (an
 * element reads the mode once, when it first connects; `shadow-mode="open"` still wins).
 * Imported by `sso-callout.ts` **before** `components/define-all.ts`, so elements already in the
 * sandbox's DOM when the script loads upgrade with closed roots too.
 */
import { CalloutElement, type ShadowMode } from '../components/shared/callout-element.js';

CalloutElement.defaultShadowMode = 'closed';

/** The default shadow root mode the static resource's elements get. */
export const shadowMode: ShadowMode = CalloutElement.defaultShadowMode;
