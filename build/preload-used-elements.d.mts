import type { Plugin, Rolldown } from 'vite';

/**
 * A Vite plugin that adds `<link rel="modulepreload">` to each built page for the lazy chunks of
 * the `callout-*` elements in its HTML (and MSAL's adapter for `<callout-msal>`), so the
 * autoloader of `sso-callout/define` finds them loaded. See preload-used-elements.mjs.
 */
export declare function preloadUsedElements(options?: { pages?: string[] }): Plugin;

/** The chunks (file names) to preload for the `tags` a page uses. */
export declare function chunksForTags(bundle: Rolldown.OutputBundle, tags: Set<string>): string[];
