/**
 * Entry of the harness build of the SFDX example's wrapper (test/support/lwc-build.js). Publishes
 * `globalThis.ssoCalloutLwcHarness` in the realm that evaluates the script: `mount` creates the
 * compiled `c-sso-callout-orders` with LWC's `createElement` and appends it to a host-provided
 * container (LWS blocks `document.body.append`); `platformLog` is what the platform stubs saw.
 */
import SsoCalloutOrders from 'c/ssoCalloutOrders';
import { createElement } from 'lwc';
import { platformLog } from './log.js';

globalThis.ssoCalloutLwcHarness ??= {
  platformLog,
  /**
   * @param {HTMLElement} container
   * @param {Record<string, unknown>} properties the wrapper's `@api` properties
   */
  mount(container, properties) {
    const element = createElement('c-sso-callout-orders', { is: SsoCalloutOrders });
    Object.assign(element, properties);
    container.appendChild(element);
    return element;
  },
};
