import { onCreatedRoot } from './created-roots.js';
import { defineElement } from './define-element.js';

/** Loads one element's class, typically with a dynamic `import()` of its module. */
export type ElementLoader = () => Promise<CustomElementConstructor>;

/** A root the autoloader can scan and watch. */
export type AutoloadRoot = Document | ShadowRoot | Element;

/**
 * Registers custom elements when a page first uses them. `loaders` lists each tag with the
 * function that loads its class; their order is the order of registration: when tags are found
 * together, or while an earlier one still loads, a tag is registered only after every earlier one
 * requested by then (configuration elements first, so the elements that use a provider or a
 * credential upgrade after it was declared).
 *
 * Timing: {@link observe} scans a root at once, synchronously, for elements of those tags that
 * are not defined yet (`:not(:defined)`, so a name another copy of the package registered is left
 * alone) and starts their loads; a `MutationObserver` then does the same for every element added
 * under the root later, in the microtask after the insertion. Shadow roots created by this copy's
 * `callout-*` elements are watched as soon as they are created. Once every tag is defined, the
 * observers disconnect themselves. A load that fails is reported with `console.error` and
 * forgotten, so the next element of that tag tries again.
 */
export class Autoloader {
  readonly #loaders: ReadonlyArray<readonly [string, ElementLoader]>;
  readonly #selector: string;
  readonly #requested = new Map<string, Promise<void>>();
  readonly #observed = new WeakSet<AutoloadRoot>();

  constructor(loaders: ReadonlyArray<readonly [string, ElementLoader]>) {
    this.#loaders = loaders;
    this.#selector = loaders.map(([tag]) => `${tag}:not(:defined)`).join(',');
    onCreatedRoot((root) => void this.observe(root));
  }

  /** Whether every tag is registered (by this autoloader or anyone else). */
  get done(): boolean {
    return this.#loaders.every(([tag]) => customElements.get(tag) !== undefined);
  }

  /**
   * Scans `root` now and watches it from now on (see the class). Resolves once the elements used
   * in `root` now are registered; never rejects (a failed load is logged).
   */
  observe(root: AutoloadRoot): Promise<void> {
    if (this.done) return Promise.resolve();
    if (this.#observed.has(root)) return this.#load(root);
    this.#observed.add(root);
    new MutationObserver((records, observer) => {
      if (this.done) {
        observer.disconnect();
        return;
      }
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) void this.#load(node);
      }
    }).observe(root, { childList: true, subtree: true });
    return this.#load(root);
  }

  /** Loads and registers the undefined elements at or under `root`. */
  #load(root: AutoloadRoot): Promise<void> {
    const tags = new Set<string>();
    if (root instanceof Element && root.matches(this.#selector)) tags.add(root.localName);
    for (const element of root.querySelectorAll(this.#selector)) tags.add(element.localName);
    if (tags.size === 0) return Promise.resolve();
    const earlier: Promise<void>[] = [];
    const waits: Promise<void>[] = [];
    for (const [tag, load] of this.#loaders) {
      if (tags.has(tag) && !this.#requested.has(tag)) this.#request(tag, load, [...earlier]);
      const requested = this.#requested.get(tag);
      if (!requested) continue;
      earlier.push(requested);
      if (tags.has(tag)) waits.push(requested);
    }
    return Promise.all(waits).then(() => undefined);
  }

  /** Loads `tag`'s class and registers it once the requests of the tags before it have settled. */
  #request(tag: string, load: ElementLoader, earlier: Promise<void>[]): void {
    const loaded = load();
    const registered = Promise.all([loaded, ...earlier]).then(
      ([elementClass]) => {
        defineElement(tag, elementClass);
      },
      (error: unknown) => {
        this.#requested.delete(tag);
        console.error(`sso-callout: <${tag}> could not be loaded, so it stays undefined.`, error);
      },
    );
    this.#requested.set(tag, registered);
  }
}
