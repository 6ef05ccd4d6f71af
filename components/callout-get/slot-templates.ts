import type { ReactiveControllerHost } from 'lit';
import { stampTemplate } from '../shared/template-renderer.js';

/** The light-DOM templates `<callout-get>` reads: `<template slot="…">`. */
export type TemplateSlot = 'loading' | 'error' | 'empty' | 'data';

/**
 * The host's light-DOM `<template slot="…">` children, stamped on demand. While the host is
 * connected, any change to its light DOM (a template added, removed or edited, a `slot` attribute
 * changed) drops the last stamp and updates the host; {@link stamp} reuses the last stamp while
 * the template and its key are the same, so re-renders do not re-stamp.
 */
export class SlotTemplates {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;
  #stamped: { key: unknown; template: HTMLTemplateElement; node: DocumentFragment } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController({
      hostConnected: () => {
        this.#observer = new MutationObserver(() => {
          this.#stamped = undefined;
          host.requestUpdate();
        });
        this.#observer.observe(host, {
          childList: true,
          subtree: true,
          characterData: true,
          attributeFilter: ['slot'],
        });
      },
      hostDisconnected: () => {
        this.#observer?.disconnect();
        this.#observer = undefined;
      },
    });
  }

  /**
   * The template for `slot` stamped with `scope` (bound as text only, see `stampTemplate`), or
   * `undefined` when the host has no such template. `key` decides reuse (default: `scope`).
   */
  stamp(slot: TemplateSlot, scope: unknown, key: unknown = scope): DocumentFragment | undefined {
    const template = this.#host.querySelector<HTMLTemplateElement>(`:scope > template[slot="${slot}"]`);
    if (!template) return undefined;
    if (this.#stamped?.template === template && this.#stamped.key === key) return this.#stamped.node;
    const node = stampTemplate(template, scope);
    this.#stamped = { key, template, node };
    return node;
  }
}
