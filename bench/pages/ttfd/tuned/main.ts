/**
 * The README's page with the cold-start options: the autoloader (`sso-callout/define`) with the
 * used elements' chunks and MSAL preloaded from the HTML (build/preload-used-elements.mjs), and a
 * redirect page whose script is inlined at build time (build/inline-redirect-script.mjs).
 */
import '../../../../components/define.js';
