import { type Callout, createCallout } from '../../src/index.js';
import { type OidcAuthProvider, type OidcProviderOptions, oidcProvider } from '../../src/oidc.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import { servePage } from './msw-worker.js';
import { createOidcEmulator, type OidcEmulator, type OidcEmulatorOptions } from './oidc-emulator.js';

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
  /** The client's cross-tab channel; default none (`crossTab: false`). */
  channelName?: string;
}

/**
 * Starts (once per page) the MSW worker and points it at a fresh OpenID Connect server and API
 * emulator; creates an OIDC provider (Jane's login hint, popups, a unique client id, the API
 * scope asked for at sign-in) and a client with an `Orders` credential on the emulated API.
 */
export async function startOidcScenario(options: OidcScenarioOptions = {}): Promise<OidcScenario> {
  const idp = createOidcEmulator(options.idp);
  const api = createApiEmulator({ issuer: idp });
  await servePage(...idp.handlers, ...api.handlers);
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
    ...(options.channelName ? { channelName: options.channelName } : { crossTab: false }),
    ...(options.leewaySeconds === undefined ? {} : { leewaySeconds: options.leewaySeconds }),
  });
  return { idp, api, provider, callout };
}
