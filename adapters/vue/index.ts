/**
 * `sso-callout/vue`: the `useCallout` composable and the template typings of every `callout-*`
 * element (Vue's `GlobalComponents`), for Vue 3. Vue is an optional peer dependency: nothing else
 * in the package imports it.
 *
 * The elements are custom elements, not Vue components: tell Vue's template compiler so with
 * `compilerOptions.isCustomElement: (tag) => tag.startsWith('callout-')`, and put `v-pre` on a
 * data template so Vue leaves its `{{ }}` placeholders to the element (docs/frameworks.md).
 */
export { type UseCalloutOptions, type UseCalloutReturn, useCallout } from './use-callout.js';
export type * from './vue-elements.js';
