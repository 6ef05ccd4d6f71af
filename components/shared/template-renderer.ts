import { formatValue } from './format-value.js';

const placeholder = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** Elements whose text is code or raw text: never bound, so API data never becomes code or CSS. */
const rawTextElements: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'iframe',
  'xmp',
  'textarea',
  'title',
  'noembed',
  'noframes',
  'plaintext',
  'template',
]);

/**
 * Whether an attribute value is a URL that runs code when followed: `javascript:` or `vbscript:`,
 * read the way browsers read URLs (leading controls and spaces skipped, tabs and newlines removed).
 */
function isScriptUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip control characters in URLs.
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^(?:javascript|vbscript):/i.test(url);
}

/**
 * Stamps an author's light-DOM `<template>` with `scope`, binding values as **text only**:
 *
 * - `{{ path }}` in text content is replaced by the value at `path` (dotted: `customer.name`,
 *   `items.0.sku`; `.` is the scope itself), written into a text node — markup in the value is
 *   shown, never parsed;
 * - an element with `data-each="path"` is repeated for each item of the array at `path`, with the
 *   item as the scope of its contents (`data-each="."` repeats over the scope itself);
 * - attributes are never bound, so data cannot set `href`, `src` or event handlers;
 * - text inside `script`, `style`, `noscript`, `iframe`, `xmp`, `textarea`, `title`, `noembed`,
 *   `noframes` and `plaintext` is never bound (its placeholders stay as written), so API data
 *   never becomes code or CSS (`url()` exfiltration).
 *
 * The stamped copy is also made inert, because a template's content becomes live when stamped and
 * the template itself may come from injected markup: `<script>` elements (HTML or SVG) are
 * dropped, and so are event-handler attributes (`on…`), `srcdoc`, attributes whose value is a
 * `javascript:` or `vbscript:` URL, and SVG animations that target `href`. The template in the
 * page is never changed.
 *
 * Only own properties are read, so `{{ constructor }}` or `{{ __proto__ }}` print nothing.
 *
 * A template whose children are on the element itself rather than in its `.content` — what React,
 * Vue and Angular build from `<template>` in their templates — is stamped from a copy of those
 * children, made inert the same way; the framework's own nodes are never moved or changed.
 *
 * @example
 * ```html
 * <template slot="data">
 *   <ul><li data-each=".">{{ sku }} — {{ quantity }}</li></ul>
 * </template>
 * ```
 */
export function stampTemplate(template: HTMLTemplateElement, scope: unknown): DocumentFragment {
  const { content } = template;
  const fragment = document.importNode(content, true);
  // React, Vue and Angular append a <template>'s children to the element, not to its content:
  // copy those (into the same disconnected fragment, made inert below before it is connected).
  if (!content.hasChildNodes()) for (const node of template.childNodes) fragment.append(node.cloneNode(true));
  makeInert(fragment);
  bindChildren(fragment, scope);
  return fragment;
}

/** Removes what would run code once the fragment is connected (see {@link stampTemplate}). */
function makeInert(fragment: DocumentFragment): void {
  for (const element of [...fragment.querySelectorAll('*')]) {
    const name = element.localName;
    const animatesHref =
      (name === 'set' || name === 'animate') && /href/i.test(element.getAttribute('attributeName') ?? '');
    if (name === 'script' || animatesHref) {
      element.remove();
      continue;
    }
    for (const attribute of [...element.attributes]) {
      const attributeName = attribute.localName.toLowerCase();
      if (attributeName.startsWith('on') || attributeName === 'srcdoc' || isScriptUrl(attribute.value)) {
        element.removeAttributeNode(attribute);
      }
    }
  }
}

/** The value at a dotted `path` below `scope`, reading own properties only. */
function readPath(scope: unknown, path: string): unknown {
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
    } else if (node instanceof Element && !rawTextElements.has(node.localName)) {
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
