import { createCallout, getDefaultCallout, setDefaultCallout } from '../src/index.js';
import { readDemoConfig } from './src/demo-config.js';
import type { OfflineWorld } from './src/offline.js';

/**
 * The demo's boot sequence. Order matters: the emulators (offline) must control the page before
 * any element makes a request, and the configuration elements get their attributes before the
 * elements are defined, so every component starts with a complete configuration.
 */
const mode = document.querySelector<HTMLElement>('#mode')!;
const msal = document.querySelector('callout-msal')!;
const credential = document.querySelector('callout-credential')!;

// A visit started with a setup fault (setup-scenarios.ts) is a first visit: no cache from before.
if (new URLSearchParams(location.search).has('fault')) sessionStorage.clear();

// One client for the page; every element below uses it (no context provider above them).
setDefaultCallout(createCallout({ channelName: 'sso-callout-demo' }));

let world: OfflineWorld | undefined;
try {
  const config = readDemoConfig(import.meta.env as Record<string, string | undefined>);
  if (config.mode === 'offline') {
    const { startOfflineWorld } = await import('./src/offline.js');
    world = await startOfflineWorld();
    msal.setAttribute('client-id', '9f1c2d3e-4b5a-4c6d-8e7f-000000000001');
    msal.setAttribute('authority', world.aad.authority);
    msal.setAttribute('login-hint', world.user);
    (msal as HTMLElement & { msal?: unknown }).msal = { auth: world.aad.msalAuth };
    document.querySelector('callout-oidc')?.setAttribute('login-hint', world.user);
    const { registerShipments } = await import('./src/shipments-provider.js');
    registerShipments(getDefaultCallout(), world);
    // docs/providers.md's backend-minted provider, the very file the docs are checked against: it
    // fetches the billing API's token from the host's backend (emulated at /api/callout-token).
    const { backend } = await import('../test/support/docs-snippets/backend-provider.js');
    getDefaultCallout().providers.define('backend', backend);
    mode.textContent = `Offline mode: Azure AD, the support desk's identity provider, the host's token backend and the APIs are emulated in this page. ${world.user} has an SSO session with both identity providers, as after signing in to the host app.`;
  } else {
    document.body.classList.add('real-mode');
    // The shipments, support and billing APIs and their token sources exist only offline.
    for (const element of document.querySelectorAll('.offline-only')) element.remove();
    msal.setAttribute('client-id', config.clientId);
    msal.setAttribute('authority', config.authority);
    if (config.loginHint) msal.setAttribute('login-hint', config.loginHint);
    credential.setAttribute('url', config.apiUrl);
    credential.setAttribute('scopes', config.scopes);
    mode.textContent = `Real mode: Azure AD ${config.authority}, API ${config.apiUrl}.`;
  }
} catch (error) {
  mode.textContent = `The demo could not start: ${(error as Error).message}`;
  mode.setAttribute('role', 'alert');
  throw error;
}

// The fault injector counts IdP requests, API requests and auth retries: it must be listening
// before the first callout, or the cold start's costs (and any early retry) would be missed.
if (world) {
  await import('./src/fault-injector.js');
  const injector = document.querySelector('demo-fault-injector') as HTMLElement & {
    world?: OfflineWorld;
    message: string;
  };
  injector.world = world;
  // For experiments from the browser console (and the end-to-end test): the emulated world.
  Object.assign(window, { ssoCalloutDemo: { world } });
  const { explainStartFault } = await import('./src/setup-scenarios.js');
  explainStartFault(world, getDefaultCallout(), injector);
}

// <callout-msal> loads MSAL on demand; let it register its provider before the components that
// use it start, so their first callout does not fail with "provider not registered" and retry.
await import('../components/callout-msal/define.js');
await (msal as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
await import('../components/define.js');
await import('./src/customer-profile.js');
await import('./src/order-form.js');

type Refreshable = HTMLElement & { refresh(): Promise<void> };
/** After a scenario, the components call the API again — one after the other, so a one-shot fault always meets the orders list. */
const refreshAll = async () => {
  for (const element of document.querySelectorAll<Refreshable>('callout-get, demo-customer-profile')) {
    await element.refresh();
  }
};
document.addEventListener(
  'order-created',
  () => void document.querySelector<Refreshable>('#orders')?.refresh(),
);
document.addEventListener('scenario-run', () => void refreshAll());
