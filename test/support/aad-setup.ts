import { setupWorker } from 'msw/browser';
import type { Callout } from '../../src/create-callout.js';
import { createCallout } from '../../src/create-callout.js';
import type { MsalProviderOptions } from '../../src/msal/options.js';
import { type MsalAuthProvider, msalProvider } from '../../src/msal.js';
import { type AadEmulator, type AadEmulatorOptions, createAadEmulator } from './aad-emulator.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import { redirectPageHandlers } from './redirect-pages.js';

/** The MSW worker shared by every test of a page; started once, handlers swapped per scenario. */
let worker: ReturnType<typeof setupWorker> | undefined;

/** One scenario: a fresh Azure AD and API emulator, an MSAL provider and a client using them. */
export interface AadScenario {
  aad: AadEmulator;
  api: ApiEmulator;
  provider: MsalAuthProvider;
  callout: Callout;
  clientId: string;
  /** A second provider + client with the same client id and cache, as after a page reload. */
  reload(overrides?: Partial<MsalProviderOptions>): { provider: MsalAuthProvider; callout: Callout };
}

/** Options of {@link startScenario}. */
export interface ScenarioOptions {
  aad?: AadEmulatorOptions;
  provider?: Partial<MsalProviderOptions>;
  /** Client options: cross-tab coordination off unless a channel name is given. */
  channelName?: string;
}

/**
 * Starts (once per page) the MSW worker and points it at a fresh Azure AD emulator and API
 * emulator (and the wrongly set-up redirect pages of redirect-pages.ts); creates an MSAL provider with a unique client id (so MSAL caches never leak between
 * scenarios) and a callout client with an `Orders` credential on the emulated API.
 */
export async function startScenario(options: ScenarioOptions = {}): Promise<AadScenario> {
  const aad = createAadEmulator(options.aad);
  const api = createApiEmulator({ issuer: aad });
  if (!worker) {
    worker = setupWorker(...aad.handlers, ...api.handlers, ...redirectPageHandlers);
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  } else {
    worker.resetHandlers(...aad.handlers, ...api.handlers, ...redirectPageHandlers);
  }
  const clientId = crypto.randomUUID();
  const make = (overrides: Partial<MsalProviderOptions> = {}) => {
    const provider = msalProvider({
      clientId,
      redirectUri: `${location.origin}/redirect.html`,
      loginHint: 'jane@contoso.com',
      interaction: 'none',
      cache: 'session',
      ...options.provider,
      ...overrides,
      msal: { auth: { clientId, ...aad.msalAuth }, ...options.provider?.msal, ...overrides.msal },
    });
    const callout = createCallout({
      providers: { aad: provider },
      credentials: {
        Orders: {
          url: 'https://api.contoso.test/v1/',
          provider: 'aad',
          scopes: ['api://orders/Orders.Read'],
        },
      },
      ...(options.channelName ? { channelName: options.channelName } : { crossTab: false }),
    });
    return { provider, callout };
  };
  const first = make();
  return { aad, api, clientId, ...first, reload: make };
}
