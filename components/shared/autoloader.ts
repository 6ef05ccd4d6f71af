import { onCreatedRoot } from './created-roots.js';
import { defineElement } from './define-element.js';

/** Loads one element's class, typically with a dynamic `import()` of its module. */
export type ElementLoader = () => Promise<CustomElementConstructor>;

/** A root the autoloader can scan and watch. */
export type AutoloadRoot = Document | ShadowRoot | Element;

/**
 * Registers custom elements when a page first uses them: `loaders` maps each tag to the function
 * that loads its class, and a tag's class is loaded (once) when an element of that tag is found.
 *
 * Timing: {@link observe} scans a root at once, synchronously, for elements of those tags that
 * are not defined yet (`:not(:defined)`, so a name another copy of the package registered is left
 * alone) and starts their loads; a `MutationObserver` then does the same for every element added
 * under the root later, in the microtask after the insertion. Shadow roots created by this copy's
 * `callout-*` elements are watched as soon as they are created. Once every tag is defined, the
 * observers disconnect themselves. A load that fails is reported with `console.error` and
 * forgotten, so the next element of that tag tries again. Where a root cannot be watched (the
 * `MutationObserver` throws, as Lightning Web Security does for shared elements), every tag is
 * loaded at once instead.
 */
export class Autoloader {
  readonly #loaders: ReadonlyMap<string, ElementLoader>;
  readonly #selector: string;
  readonly #requested = new Map<string, Promise<void>>();
  readonly #observed = new WeakSet<AutoloadRoot>();

  constructor(loaders: Readonly<Record<string, ElementLoader>>) {
    this.#loaders = new Map(Object.entries(loaders));
    this.#selector = [...this.#loaders.keys()].map((tag) => `${tag}:not(:defined)`).join(',');
    onCreatedRoot((root) => void this.observe(root));
  }

  /** Whether every tag is registered (by this autoloader or anyone else). */
  get done(): boolean {
    return [...this.#loaders.keys()].every((tag) => customElements.get(tag) !== undefined);
  }

  /**
   * Scans `root` now and watches it from now on (see the class). Resolves once the elements used
   * in `root` now are registered; never rejects (a failed load is logged).
   */
  observe(root: AutoloadRoot): Promise<void> {
    if (this.done) return Promise.resolve();
    if (this.#observed.has(root)) return this.#load(root);
    this.#observed.add(root);
    const observer = new MutationObserver((records) => {
      if (this.done) {
        observer.disconnect();
        return;
      }
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) void this.#load(node);
      }
    });
    try {
      observer.observe(root, { childList: true, subtree: true });
    } catch {
      // A DOM that cannot be watched (Lightning Web Security refuses shared elements): every tag
      // is loaded now, so elements added later are defined anyway.
      return Promise.all([...this.#loaders.keys()].map((tag) => this.#request(tag))).then(() => undefined);
    }
    return this.#load(root);
  }

  /** Loads and registers the undefined elements at or under `root`. */
  #load(root: AutoloadRoot): Promise<void> {
    const tags = new Set<string>();
    if (root instanceof Element && root.matches(this.#selector)) tags.add(root.localName);
    for (const element of root.querySelectorAll(this.#selector)) tags.add(element.localName);
    return Promise.all([...tags].map((tag) => this.#request(tag))).then(() => undefined);
  }

  /** Loads `tag`'s class once and registers it. */
  #request(tag: string): Promise<void> {
    let requested = this.#requested.get(tag);
    const load = this.#loaders.get(tag);
    if (requested || !load) return requested ?? Promise.resolve();
    requested = load().then(
      (elementClass) => {
        defineElement(tag, elementClass);
      },
      (error: unknown) => {
        this.#requested.delete(tag);
        console.error(`sso-callout: <${tag}> could not be loaded, so it stays undefined.`, error);
      },
    );
    this.#requested.set(tag, requested);
    return requested;
  }
}
