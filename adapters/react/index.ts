/**
 * `sso-callout/react`: the `useCallout` hook and the JSX typings of every `callout-*` element
 * (attributes as props, `on<event>` handlers typed), for React 19. React is an optional peer
 * dependency: nothing else in the package imports it.
 *
 * Importing this entry (or `import type {} from 'sso-callout/react'` once in the app) is what
 * makes `<callout-get credential="Orders">` type-check in TSX. The elements themselves are
 * registered by `sso-callout/define`, imported before the first render.
 */
export type * from './jsx-elements.js';
export { type UseCalloutOptions, type UseCalloutResult, useCallout } from './use-callout.js';
