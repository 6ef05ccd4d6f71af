import type { Callout } from '../../src/create-callout.js';
import { createCallout } from '../../src/create-callout.js';
import type { MsalProviderOptions } from '../../src/msal/options.js';
import { type MsalAuthProvider, msalProvider } from '../../src/msal.js';
import { type AadEmulator, type AadEmulatorOptions, createAadEmulator } from './aad-emulator.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import { servePage } from './msw-worker.js';
import { redirectPageHandlers } from './redirect-pages.js';
import { aadOrders } from './test-client.js';

/** One scenario: a fresh Azure AD and API emulator, an MSAL provider and a client using them. */
export interface AadScenario {
  aad: AadEmulator;
  api: ApiEmulator;
  provider: MsalAuthProvider;
  callout: Callout;
  clientId: string;
  /** A second provider + client with the same client id and cache, as after a page reload. */
  reload(overrides?: Partial<MsalProviderOptions>): { provider: MsalAuthProvider; callout: Callout };
  /**
   * The page reloads: disposes `callout` (and with it `provider`), puts a {@link reload}ed pair in
   * their place and returns the new client.
   */
  reloadPage(): Callout;
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
  await servePage(...aad.handlers, ...api.handlers, ...redirectPageHandlers);
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
      credentials: { Orders: aadOrders },
      ...(options.channelName ? { channelName: options.channelName } : { crossTab: false }),
    });
    return { provider, callout };
  };
  const scenario: AadScenario = {
    aad,
    api,
    clientId,
    ...make(),
    reload: make,
    reloadPage() {
      scenario.callout.dispose();
      Object.assign(scenario, make());
      return scenario.callout;
    },
  };
  return scenario;
}

/** What {@link useScenarios} returns. */
export interface Scenarios {
  /** Starts a scenario (see {@link startScenario}) whose client is disposed after the test. */
  start(options?: ScenarioOptions): Promise<AadScenario>;
  /** Other clients a test makes: disposed after it too. */
  readonly others: Callout[];
}

/**
 * For the tests of the current `describe`: after each test, disposes the clients of the scenarios
 * it started (as they are then: a test may replace `callout`) and the clients it put in `others`,
 * and clears `sessionStorage`, where the scenarios' MSAL caches live.
 */
export function useScenarios(): Scenarios {
  const started: AadScenario[] = [];
  const others: Callout[] = [];
  afterEach(() => {
    for (const scenario of started.splice(0)) scenario.callout.dispose();
    for (const other of others.splice(0)) other.dispose();
    sessionStorage.clear();
  });
  return {
    others,
    async start(options) {
      const scenario = await startScenario(options);
      started.push(scenario);
      return scenario;
    },
  };
}
