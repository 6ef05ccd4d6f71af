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
/** One of the values of {@link CalloutGetState}: `<callout-get>`'s `state`. */
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

/** A data renderer for Lit users: returns anything Lit can render. */
export type CalloutRenderer = (data: unknown, context: { status: number; element: CalloutGet }) => unknown;

declare global {
  interface HTMLElementEventMap {
    'callout-response': CustomEvent<CalloutResponseDetail>;
    'callout-error': CustomEvent<CalloutErrorDetail>;
  }
}
