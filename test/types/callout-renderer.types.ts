/**
 * Type test, checked by `npm run typecheck` (never run): what `<callout-get>`'s `renderer` may
 * return. Each `@ts-expect-error` fails the typecheck if the line below it compiles.
 */
import { html, nothing } from 'lit';
import type { CalloutGet } from '../../components/callout-get/callout-get.js';

declare const element: CalloutGet;

/** What React's `createElement` (and so JSX) returns, structurally. */
interface ReactElementLike {
  $$typeof: symbol;
  type: string;
  props: Record<string, unknown>;
  key: string | null;
}
declare const jsx: ReactElementLike;

element.renderer = (data) => html`<b>${String(data)}</b>`;
element.renderer = () => document.createElement('p');
element.renderer = (_data, { status }) => `status ${status}`;
element.renderer = () => 42;
element.renderer = () => nothing;
element.renderer = () => null;
element.renderer = () => [html`<li>a</li>`, html`<li>b</li>`];
element.renderer = undefined;

// @ts-expect-error A React element is not something Lit can render: it would show [object Object].
element.renderer = () => jsx;
// @ts-expect-error Neither is any other object.
element.renderer = (data) => ({ data });
// @ts-expect-error Nor a list of React elements.
element.renderer = () => [jsx];
