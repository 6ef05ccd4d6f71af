import { adoptStyles, LitElement, type PropertyDeclarations } from 'lit';
import type { Callout } from '../../src/index.js';
import { ClientLookup } from './client-lookup.js';

/** Modes a `callout-*` element's shadow root can be created in. */
export type ShadowMode = 'open' | 'closed';

/**
 * Base class of every `callout-*` element: finds the client (the `callout` property, else the
 * nearest `calloutContext` provider, else the page's default client) and creates the shadow root
 * in the configured mode.
 *
 * The mode is read once, when the element first connects: the `shadow-mode` attribute
 * (`open` | `closed`) wins, else the class's static `defaultShadowMode` (`open`). Lightning's
 * third-party component support needs `closed`; set `CalloutElement.defaultShadowMode = 'closed'`
 * before the elements connect to make that the page-wide default. The element's own code reaches
 * a closed root through `renderRoot`.
 *
 * Templates of `callout-*` elements bind dynamic values as properties (`.ariaBusy=${…}`), events
 * (`@click`) or booleans (`?disabled`), never as plain attributes (`aria-busy=${…}`): Lightning Web
 * Security sanitizes every template's HTML, and without its `changesSince.264` gate it strips
 * Lit's `name$lit$` placeholders, which silently shifts every later binding of the template
 * (test/salesforce proves the elements ungated).
 *
 * @attr {'open' | 'closed'} shadow-mode - Mode of the element's shadow root, read once when it
 *   first connects. Default `open` (or `CalloutElement.defaultShadowMode`).
 */
export class CalloutElement extends LitElement {
  /** Shadow root mode of elements that have no `shadow-mode` attribute. */
  static defaultShadowMode: ShadowMode = 'open';

  /**
   * Reactive properties are declared here and in each element's `static properties` rather than
   * with decorators, whose compiled form costs about 25 bytes more per property in the bundle.
   * Private state is `{ attribute: false }`, which is all `@state()` adds to `@property()`.
   */
  static override properties: PropertyDeclarations = {
    callout: { attribute: false },
  };

  /** A client for this element only; wins over context and the page's default client. */
  callout: Callout | undefined;

  readonly #lookup = new ClientLookup(this, { explicit: () => this.callout });

  /** The client this element uses now. */
  protected get client(): Callout {
    return this.#lookup.callout;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const elementClass = this.constructor as typeof CalloutElement;
    const attribute = this.getAttribute('shadow-mode');
    const mode: ShadowMode =
      attribute === 'closed' || attribute === 'open' ? attribute : elementClass.defaultShadowMode;
    const root = this.attachShadow({ ...elementClass.shadowRootOptions, mode });
    adoptStyles(root, elementClass.elementStyles);
    return root;
  }
}
