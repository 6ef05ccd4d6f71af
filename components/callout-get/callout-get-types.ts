import type { nothing, TemplateResult } from 'lit';
import type { ErrorView } from '../shared/describe-error.js';
import type { CalloutGet } from './callout-get.js';

/** What `<callout-get>` shows. */
export const CalloutGetState = {
  idle: 'idle',
  loading: 'loading',
  error: 'error',
  empty: 'empty',
  data: 'data',
} as const;
export type CalloutGetState = (typeof CalloutGetState)[keyof typeof CalloutGetState];

/** `detail` of `callout-response`. */
export interface CalloutResponseDetail {
  data: unknown;
  status: number;
  credential?: string;
  path: string;
  method: string;
}

/** `detail` of `callout-error`. */
export interface CalloutErrorDetail {
  /** What was thrown: usually a `CalloutError`. */
  error: unknown;
  /** The error reduced to message, hint and code. */
  view: ErrorView;
}

/**
 * What a {@link CalloutRenderer} may return: what Lit renders as a child — a template (`html`,
 * `svg`), a DOM node, text, a number, `nothing`/`null`/`undefined`, or an iterable of these. A
 * bare directive result is not accepted (wrap it: `html\`${until(…)}\``), because its type would
 * accept any object — and a React element, which Lit would show as `[object Object]`, must not
 * type-check.
 */
export type CalloutRenderable =
  | TemplateResult
  | Node
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | typeof nothing
  | Iterable<CalloutRenderable>;

/**
 * A data renderer for Lit users, called on each render that shows data. It returns what Lit can
 * render ({@link CalloutRenderable}), not JSX: to render the data with React, use `useCallout`
 * from `sso-callout/react` (or listen to `callout-response`) and render it in your component.
 */
export type CalloutRenderer = (
  data: unknown,
  context: { status: number; element: CalloutGet },
) => CalloutRenderable;

declare global {
  interface HTMLElementEventMap {
    'callout-response': CustomEvent<CalloutResponseDetail>;
    'callout-error': CustomEvent<CalloutErrorDetail>;
  }
}
