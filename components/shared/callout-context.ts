import { createContext } from '@lit/context';
import type { Callout } from '../../src/index.js';

/**
 * The `@lit/context` key for a callout client. Provide a client under it to scope that client to
 * a subtree; every `callout-*` element and {@link CalloutController} below uses it instead of the
 * page's default client (`getDefaultCallout()`). The key is a global symbol, so separately bundled
 * copies of sso-callout on one page agree on it.
 *
 * A context provider hands its client to any code that dispatches a `context-request` event
 * below it. Under Lightning Web Security, components of other namespaces placed inside that
 * subtree can do so and would get the client (and with it `token()`): there, set each element's
 * `callout` property (write-only) instead of providing the client by context.
 *
 * @example
 * ```ts
 * import { ContextProvider } from '@lit/context';
 * import { createCallout } from 'sso-callout';
 * import { calloutContext } from 'sso-callout/components';
 *
 * class SandboxPanel extends LitElement {
 *   #client = new ContextProvider(this, { context: calloutContext, initialValue: createCallout({ … }) });
 * }
 * ```
 */
export const calloutContext = createContext<Callout>(Symbol.for('sso-callout/context'));
