import { type Callout, createCallout } from '../../src/index.js';
import { type MsalAuthProvider, type MsalProviderOptions, msalProvider } from '../../src/msal.js';
import { nestedAppAuth } from '../../src/nested-app-auth.js';
import { type AadEmulator, createAadEmulator } from './aad-emulator.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import { servePage } from './msw-worker.js';
import { createNaaBridge, type NaaBridge, type NaaBridgeOptions } from './naa-bridge.js';
import { aadOrders } from './test-client.js';

/** A Teams/Outlook page: the host's bridge (installed or not), Azure AD and an API trusting the host's tokens. */
export interface HostPage {
  aad: AadEmulator;
  api: ApiEmulator;
  host: NaaBridge;
  provider: MsalAuthProvider;
  callout: Callout;
  /** Iframes added to the page since the provider was created. */
  iframes(): number;
}

export interface HostPageOptions {
  /** Install the host's bridge before the provider is created. Default `true`. */
  installed?: boolean;
  bridge?: Partial<NaaBridgeOptions>;
  provider?: Partial<MsalProviderOptions>;
}

/** What each test undoes after it, last first (see {@link useHostPages}). */
const cleanups: (() => void)[] = [];

/**
 * A page of the Teams/Outlook host tests: Azure AD and the host's bridge emulated (the bridge
 * installed before the provider is created unless `installed: false`), an API that trusts the
 * host's tokens (Azure AD's when the bridge is not installed), an MSAL provider with
 * `nestedAppAuth` and a client with the `Orders` credential, and a count of the iframes added.
 */
export async function hostPage(options: HostPageOptions = {}): Promise<HostPage> {
  const aad = createAadEmulator();
  const host = createNaaBridge({ environment: new URL(aad.authority).host, ...options.bridge });
  const installed = options.installed ?? true;
  const api = createApiEmulator({ issuer: installed ? host : aad });
  await servePage(...aad.handlers, ...api.handlers);
  if (installed) cleanups.push(host.install());
  let iframes = 0;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeName === 'IFRAME') iframes++;
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  cleanups.push(() => observer.disconnect());
  const clientId = crypto.randomUUID();
  const provider = msalProvider({
    clientId,
    redirectUri: `${location.origin}/redirect.html`,
    interaction: 'popup',
    cache: 'session',
    nestedAppAuth,
    ...options.provider,
    msal: { auth: { clientId, ...aad.msalAuth } },
  });
  const callout = createCallout({
    providers: { aad: provider },
    credentials: { Orders: aadOrders },
    crossTab: false,
  });
  cleanups.push(() => callout.dispose());
  return { aad, api, host, provider, callout, iframes: () => iframes };
}

/**
 * For the tests of the current `describe`: after each test, undoes what {@link hostPage} and
 * {@link afterTest} set up (bridge, observers, clients) and clears `sessionStorage`.
 */
export function useHostPages(): void {
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    sessionStorage.clear();
  });
}

/** Runs `cleanup` after the current test. */
export function afterTest(cleanup: () => void): void {
  cleanups.push(cleanup);
}
