import { startOfflineWorld } from './offline.js';

/**
 * Offline support for plain.html: starts the emulators and points `<callout-msal>` at the
 * emulated authority before the elements are defined. A real page needs none of this.
 */
const world = await startOfflineWorld();
const msal = document.querySelector('callout-msal') as HTMLElement & { msal?: unknown };
msal.setAttribute('authority', world.aad.authority);
msal.msal = { auth: world.aad.msalAuth };
// Let <callout-msal> register its provider (it loads MSAL on demand) before the callout starts.
await import('../../components/callout-msal/define.js');
await (msal as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
await import('../../components/define.js');
