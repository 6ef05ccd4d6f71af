import { setupWorker } from 'msw/browser';
import { type AadEmulator, createAadEmulator } from '../../test/support/aad-emulator.js';
import { type ApiEmulator, createApiEmulator } from '../../test/support/api-emulator.js';
import { createDemoApi, type Order } from './demo-api.js';

/** The emulated world the offline demo runs in. */
export interface OfflineWorld {
  aad: AadEmulator;
  api: ApiEmulator;
  orders: Order[];
  /** The user with an Azure AD session: the host page's signed-in user. */
  user: string;
}

/** Where the emulated API lives. */
export const offlineApiUrl = 'https://api.contoso.test/v1/';

/**
 * Starts Azure AD and the orders API inside this page, with MSW's service worker — the same
 * emulators the tests use. Nothing leaves the browser. Resolves once the worker controls the page
 * (hidden iframes and popups navigating to the emulated sign-in pages go through it too).
 */
export async function startOfflineWorld(): Promise<OfflineWorld> {
  const user = 'jane@contoso.com';
  const aad = createAadEmulator({ session: user });
  const { orders, respond } = createDemoApi();
  const api = createApiEmulator({ issuer: aad, baseUrl: offlineApiUrl, respond });
  const worker = setupWorker(...aad.handlers, ...api.handlers);
  await worker.start({
    quiet: true,
    onUnhandledFrame: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return { aad, api, orders, user };
}
