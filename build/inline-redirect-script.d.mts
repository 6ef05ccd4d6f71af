import type { Plugin } from 'vite';

/**
 * A Vite plugin that puts the module script of MSAL's redirect page inline in its HTML (imports
 * rewritten to absolute URLs), so the hidden sign-in iframe needs no request after the page.
 * See inline-redirect-script.mjs.
 */
export declare function inlineRedirectScript(options?: { pages?: string[] }): Plugin;
