import { startOfflineWorld } from './offline.js';

/**
 * Offline support for plain.html: starts the emulators and points `<callout-msal>` at the
 * emulated authority before the elements are defined. A real page needs none of this.
 */
const world = await startOfflineWorld();
const msal = document.querySelector('callout-msal') as HTMLElement & { msal?: unknown };
msal.setAttribute('authority', world.aad.authority);
msal.msal = { auth: world.aad.msalAuth };
await import('../../components/define.js');
