/**
 * Dispatches `type` from `element` as a `CustomEvent` that bubbles and is composed (it leaves the
 * shadow roots around the element), which is how every `callout-*` element fires its events.
 */
export function fire<D>(element: HTMLElement, type: string, detail: D): void {
  element.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
