import { adoptStyles, LitElement, type PropertyDeclarations } from 'lit';
import type { Callout } from '../../src/index.js';
import { ClientLookup } from './client-lookup.js';
import { reportCreatedRoot } from './created-roots.js';

/** Reads an element's lookup; set once, by the class's static block (it needs `#lookup`). */
let readLookup: (element: CalloutElement) => ClientLookup;

/**
 * The client `element` uses at this moment: its `callout` property, else the client of the
 * nearest `calloutContext` provider above it, else the page's default client (which this call
 * creates when the page has none yet, as `getDefaultCallout()` does). Computed at each call, so
 * read it when needed rather than keeping it: once the element has connected (and a provider
 * answered its context request), `callout` was set or `setDefaultCallout()` was called, the next
 * call returns the new client. Before the element first connects no provider has been asked, so
 * it returns the `callout` property or the default client; after a disconnect, the provider's
 * client it last had.
 *
 * For this package's elements and their code only: it is a module export, not a property, so
 * nothing that merely reaches the element — another namespace's component under Lightning Web
 * Security, a script walking the DOM — can call it on this copy of the package, and another
 * copy's `clientOf` throws for elements it did not create.
 */
export function clientOf(element: CalloutElement): Callout {
  return readLookup(element).callout;
}

/**
 * The element's {@link ClientLookup}: the element's one context consumer and client subscription,
 * created with the element and the same object for its whole life, so it can be handed to
 * controllers from the constructor (`new CalloutController(this, { lookup: lookupOf(this) })`)
 * or followed (`lookupOf(this).follow(…)`). Subscriptions made with `follow` run only while the
 * element is connected: they start when it connects (at once if it is connected) and move to
 * each new client at once. A module export for the same reason as {@link clientOf}; keep what
 * it returns in private fields, since its `callout` getter returns the client.
 */
export function lookupOf(element: CalloutElement): ClientLookup {
  return readLookup(element);
}

/** Modes a `callout-*` element's shadow root can be created in. */
export type ShadowMode = 'open' | 'closed';

/**
 * Base class of every `callout-*` element: finds the client (the `callout` property, else the
 * nearest `calloutContext` provider, else the page's default client) with one {@link ClientLookup}
 * — the element re-renders when that client changes, a new default client included — and
 * creates the shadow root in the configured mode.
 *
 * What an element exposes: anyone who reaches a `callout-*` element can read its properties
 * (under Lightning Web Security, components of other namespaces on the page share the DOM).
 * The client is the key to every token (`callout.token()`), so no property, getter, controller,
 * event detail or stored value of an element leads to the client, its registries or a provider:
 * `callout` is write-only (reading it returns `undefined`), the client is held in private fields
 * and reached by this package's code through `clientOf(element)`, and controllers keep it in
 * closures. Elements do expose what they show (data, errors, state, the signed-in account, a
 * credential's definition, masked token claims) and their actions (`refresh()`, `signIn()` …).
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
  static override properties: PropertyDeclarations = {};

  static {
    readLookup = (element) => element.#lookup;
  }

  #explicit: Callout | undefined;
  readonly #lookup = new ClientLookup(this, { explicit: () => this.#explicit });

  constructor() {
    super();
    // A `callout` set before this class was registered (a framework rendering the element before
    // `sso-callout/define` loaded it) is an own property that hides the setter, and anyone could
    // read the client from it: take it over and delete it.
    const early = this as unknown as { callout?: Callout };
    if (Object.hasOwn(early, 'callout')) {
      const client = early.callout;
      delete early.callout;
      this.callout = client;
    }
  }

  /**
   * A client for this element only; wins over context and the page's default client. Setting it
   * re-renders the element. Write-only: reading it returns `undefined`, so code that reaches the
   * element cannot take the client (and with it `token()`) from it.
   */
  set callout(client: Callout | undefined) {
    if (client === this.#explicit) return;
    this.#explicit = client;
    this.requestUpdate();
  }

  // Write-only: the setter's comment documents the property (the manifest reads it).
  get callout(): undefined {
    return undefined;
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const elementClass = this.constructor as typeof CalloutElement;
    const attribute = this.getAttribute('shadow-mode');
    const mode: ShadowMode =
      attribute === 'closed' || attribute === 'open' ? attribute : elementClass.defaultShadowMode;
    const root = this.attachShadow({ ...elementClass.shadowRootOptions, mode });
    adoptStyles(root, elementClass.elementStyles);
    reportCreatedRoot(root);
    return root;
  }
}
