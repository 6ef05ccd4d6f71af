/**
 * Harness of a compiled SFDX component (test/support/lwc-build.js builds one entry per
 * component that calls {@link publishHarness}). Publishes `globalThis.ssoCalloutLwcHarness` in
 * the realm that evaluates the script: `mount` creates the compiled component with LWC's
 * `createElement` and appends it to a host-provided container (LWS blocks
 * `document.body.append`); `platformLog` is what the platform stubs saw.
 */
import { createElement } from 'lwc';
import { platformLog } from './log.js';

/**
 * @param {string} tag the component's element name, e.g. `c-sso-callout-orders`
 * @param {Function} Component the compiled component class
 */
export function publishHarness(tag, Component) {
  globalThis.ssoCalloutLwcHarness ??= {
    platformLog,
    /**
     * @param {HTMLElement} container
     * @param {Record<string, unknown>} properties the component's `@api` properties
     */
    mount(container, properties) {
      const element = createElement(tag, { is: Component });
      Object.assign(element, properties);
      container.appendChild(element);
      return element;
    },
  };
}
