import type { RequestHandler } from 'msw';
import { type ExchangeProviderOptions, exchangeProvider } from '../../src/exchange.js';
import { type Callout, createCallout } from '../../src/index.js';
import { type MsalAuthProvider, msalProvider } from '../../src/msal.js';
import { type AadEmulator, type AadEmulatorOptions, createAadEmulator } from './aad-emulator.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import {
  createExchangeEmulator,
  type ExchangeEmulator,
  type ExchangeEmulatorOptions,
} from './exchange-emulator.js';
import { servePage } from './msw-worker.js';

/** One chain: Azure AD → (Entra token) → the API's token endpoint → (its token) → the API. */
export interface ExchangeScenario {
  aad: AadEmulator;
  exchange: ExchangeEmulator;
  api: ApiEmulator;
  provider: MsalAuthProvider;
  callout: Callout;
}

/** Options of {@link startExchangeScenario}. */
export interface ExchangeScenarioOptions {
  aad?: AadEmulatorOptions;
  exchange?: Omit<ExchangeEmulatorOptions, 'subjectIssuer'>;
  /** The exchange provider's options beyond the subject (default: the emulator's custom endpoint). */
  provider?: (exchange: ExchangeEmulator) => Partial<ExchangeProviderOptions>;
  /** Handlers that answer before the emulators' (a hostile endpoint, say). */
  before?: (exchange: ExchangeEmulator) => RequestHandler[];
}

/**
 * The custom endpoint's shape: `{ entraToken }` in, `{ jwt, validitySeconds | validUntil, renewal }`
 * out, renewals at `/session/renew`.
 */
export const customGrant = {
  request: { subjectToken: 'entraToken', refreshToken: 'renewal' },
  response: {
    accessToken: 'jwt',
    expiresIn: 'validitySeconds',
    expiresAt: 'validUntil',
    refreshToken: 'renewal',
  },
} as const;

/**
 * Starts (once per page) the MSW worker with a fresh Azure AD emulator, the API's token endpoint
 * and the API; creates a client whose `aad` provider is MSAL (Jane, silent, session cache) and
 * whose `ordersApi` provider exchanges `aad`'s token for the API's (`Orders` credential).
 */
export async function startExchangeScenario(
  options: ExchangeScenarioOptions = {},
): Promise<ExchangeScenario> {
  const aad = createAadEmulator(options.aad);
  const exchange = createExchangeEmulator({ subjectIssuer: aad, ...options.exchange });
  const api = createApiEmulator({
    issuer: exchange,
    baseUrl: 'https://orders.contoso.test/v2/',
    audience: 'orders-api',
    scopes: ['orders'],
  });
  const handlers = [
    ...(options.before?.(exchange) ?? []),
    ...aad.handlers,
    ...exchange.handlers,
    ...api.handlers,
  ];
  await servePage(...handlers);
  const clientId = crypto.randomUUID();
  const provider = msalProvider({
    clientId,
    redirectUri: `${location.origin}/redirect.html`,
    loginHint: 'jane@contoso.com',
    interaction: 'none',
    cache: 'session',
    msal: { auth: { clientId, ...aad.msalAuth } },
  });
  const ordersApi = exchangeProvider({
    tokenEndpoint: exchange.sessionEndpoint,
    refreshEndpoint: exchange.renewEndpoint,
    revocationEndpoint: exchange.revokeEndpoint,
    subject: { provider: 'aad', scopes: ['api://orders-auth/.default'] },
    grant: customGrant,
    ...options.provider?.(exchange),
  });
  const callout = createCallout({
    providers: { aad: provider, ordersApi },
    credentials: {
      Orders: { url: 'https://orders.contoso.test/v2/', provider: 'ordersApi', scopes: ['orders'] },
    },
    crossTab: false,
  });
  return { aad, exchange, api, provider, callout };
}
