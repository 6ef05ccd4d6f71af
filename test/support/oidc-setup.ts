import { setupWorker } from 'msw/browser';
import { type Callout, createCallout } from '../../src/index.js';
import { type OidcAuthProvider, type OidcProviderOptions, oidcProvider } from '../../src/oidc.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import { createOidcEmulator, type OidcEmulator, type OidcEmulatorOptions } from './oidc-emulator.js';

/** The MSW worker shared by every test of a page; started once, handlers swapped per scenario. */
let worker: ReturnType<typeof setupWorker> | undefined;

/** The callback page tests use (test/oidc/callback.html imports sso-callout/oidc-callback). */
export const callbackPage = `${location.origin}/test/oidc/callback.html`;

/** One scenario: a fresh OpenID Connect server and API, an OIDC provider and a client using them. */
export interface OidcScenario {
  idp: OidcEmulator;
  api: ApiEmulator;
  provider: OidcAuthProvider;
  callout: Callout;
}

/** Options of {@link startOidcScenario}. */
export interface OidcScenarioOptions {
  idp?: OidcEmulatorOptions;
  provider?: Partial<OidcProviderOptions>;
  leewaySeconds?: number;
}

/**
 * Starts (once per page) the MSW worker and points it at a fresh OpenID Connect server and API
 * emulator; creates an OIDC provider (Jane's login hint, popups, a unique client id, the API
 * scope asked for at sign-in) and a client with an `Orders` credential on the emulated API.
 */
export async function startOidcScenario(options: OidcScenarioOptions = {}): Promise<OidcScenario> {
  const idp = createOidcEmulator(options.idp);
  const api = createApiEmulator({ issuer: idp });
  if (!worker) {
    worker = setupWorker(...idp.handlers, ...api.handlers);
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  } else {
    worker.resetHandlers(...idp.handlers, ...api.handlers);
  }
  const provider = oidcProvider({
    authority: idp.authority,
    clientId: `spa-${crypto.randomUUID()}`,
    redirectUri: callbackPage,
    loginHint: 'jane@contoso.com',
    scopes: ['profile', 'offline_access', 'api://orders/Orders.Read'],
    interaction: 'popup',
    ...options.provider,
  });
  const callout = createCallout({
    providers: { idp: provider },
    credentials: {
      Orders: { url: 'https://api.contoso.test/v1/', provider: 'idp', scopes: ['api://orders/Orders.Read'] },
    },
    crossTab: false,
    ...(options.leewaySeconds === undefined ? {} : { leewaySeconds: options.leewaySeconds }),
  });
  return { idp, api, provider, callout };
}
