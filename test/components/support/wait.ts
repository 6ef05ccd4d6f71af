import type { CalloutGet, CalloutGetState } from '../../../components/callout-get/callout-get.js';
import { waitUntil } from '../../support/wait-until.js';

/** Waits until `element` shows `state`, then until that state is rendered. */
export async function untilState(element: CalloutGet, state: CalloutGetState): Promise<void> {
  await waitUntil(() => element.state === state, `callout-get never reached state "${state}"`);
  await element.updateComplete;
}

/** The element's rendered text with whitespace collapsed. */
export function textOf(element: Element): string {
  const root = (element as Element & { renderRoot?: ParentNode }).renderRoot ?? element;
  return (
    (root instanceof Element || root instanceof ShadowRoot ? root.textContent : '')
      ?.replace(/\s+/g, ' ')
      .trim() ?? ''
  );
}

/** Finds one element in a Lit element's render root (open or closed). */
export function part<E extends Element = HTMLElement>(element: Element, selector: string): E | null {
  const root = (element as Element & { renderRoot?: ParentNode }).renderRoot;
  return root?.querySelector<E>(selector) ?? null;
}
