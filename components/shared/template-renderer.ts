import { formatValue } from './format-value.js';

const placeholder = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/**
 * Stamps an author's light-DOM `<template>` with `scope`, binding values as **text only**:
 *
 * - `{{ path }}` in text content is replaced by the value at `path` (dotted: `customer.name`,
 *   `items.0.sku`; `.` is the scope itself), written into a text node — markup in the value is
 *   shown, never parsed;
 * - an element with `data-each="path"` is repeated for each item of the array at `path`, with the
 *   item as the scope of its contents (`data-each="."` repeats over the scope itself);
 * - attributes are never bound, so data cannot set `href`, `src` or event handlers.
 *
 * Only own properties are read, so `{{ constructor }}` or `{{ __proto__ }}` print nothing.
 *
 * @example
 * ```html
 * <template slot="data">
 *   <ul><li data-each=".">{{ sku }} — {{ quantity }}</li></ul>
 * </template>
 * ```
 */
export function stampTemplate(template: HTMLTemplateElement, scope: unknown): DocumentFragment {
  const fragment = document.importNode(template.content, true);
  bindChildren(fragment, scope);
  return fragment;
}

/** The value at a dotted `path` below `scope`, reading own properties only. */
export function readPath(scope: unknown, path: string): unknown {
  if (path === '.' || path === '') return scope;
  let current: unknown = scope;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function bindChildren(parent: ParentNode, scope: unknown): void {
  for (const node of [...parent.childNodes]) {
    if (node instanceof Text) {
      bindText(node, scope);
    } else if (node instanceof Element && !(node instanceof HTMLTemplateElement)) {
      const each = node.getAttribute('data-each');
      if (each === null) bindChildren(node, scope);
      else repeat(node, each, scope);
    }
  }
}

function repeat(element: Element, path: string, scope: unknown): void {
  const items = readPath(scope, path.trim());
  const list = Array.isArray(items) ? items : [];
  for (const item of list) {
    const copy = element.cloneNode(true) as Element;
    copy.removeAttribute('data-each');
    bindChildren(copy, item);
    element.before(copy);
  }
  element.remove();
}

function bindText(node: Text, scope: unknown): void {
  const source = node.data;
  if (!source.includes('{{')) return;
  node.data = source.replace(placeholder, (_match, path: string) => formatValue(readPath(scope, path)));
}
