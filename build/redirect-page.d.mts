import type { Plugin } from 'vite';

/**
 * A Vite plugin for the library build that emits `redirect.html`, the MSAL provider's redirect
 * page with its whole script inline, ready to host on any site. See redirect-page.mjs.
 */
export declare function redirectPage(options: { entry: string; version: string; fileName?: string }): Plugin;
