import { type Callout, createCallout } from './create-callout.js';

/** The page-global slot, shared by every copy of sso-callout loaded on the page. */
export const defaultCalloutKey: unique symbol = Symbol.for('sso-callout') as never;

type Slot = { [defaultCalloutKey]?: Callout };

/**
 * Makes `callout` the page's default client, stored at `globalThis[Symbol.for('sso-callout')]` so
 * that separately bundled copies of the package (a Salesforce static resource and an app bundle)
 * find the same client, store and token. Elements with no context provider above them use it.
 *
 * @example
 * ```ts
 * setDefaultCallout(createCallout({ providers, credentials }));
 * ```
 */
export function setDefaultCallout(callout: Callout): void {
  (globalThis as Slot)[defaultCalloutKey] = callout;
}

/**
 * The page's default client. When none was set, one with no providers or credentials is created
 * and set, so elements can register providers and credentials into it declaratively.
 */
export function getDefaultCallout(): Callout {
  const slot = globalThis as Slot;
  let callout = slot[defaultCalloutKey];
  if (!callout) {
    callout = createCallout();
    slot[defaultCalloutKey] = callout;
  }
  return callout;
}
