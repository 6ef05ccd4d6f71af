import { HttpResponse, http, passthrough } from 'msw';
import { setupWorker } from 'msw/browser';
import { type AadEmulator, createAadEmulator } from '../../test/support/aad-emulator.js';
import { type ApiEmulator, createApiEmulator } from '../../test/support/api-emulator.js';
import {
  type BackendTokenEmulator,
  createBackendTokenEmulator,
} from '../../test/support/backend-token-emulator.js';
import { createExchangeEmulator, type ExchangeEmulator } from '../../test/support/exchange-emulator.js';
import { createOidcEmulator, type OidcEmulator } from '../../test/support/oidc-emulator.js';
import { createDemoApi, type Order } from './demo-api.js';
import { respondShipments } from './shipments-api.js';
import { respondInvoices, respondTickets } from './support-apis.js';

/** Faults of the page's own setup, which no emulator owns. */
export interface PageFaults {
  /** `/redirect.html` answers 404, as when the redirect page was never deployed. */
  redirectMissing: boolean;
}

/** The emulated world the offline demo runs in. */
export interface OfflineWorld {
  aad: AadEmulator;
  api: ApiEmulator;
  /** The shipments API's own token endpoint: it exchanges the user's Entra token for its token. */
  exchange: ExchangeEmulator;
  /** The shipments API, which accepts only the exchange's tokens. */
  shipmentsApi: ApiEmulator;
  /** The support desk's OpenID Connect identity provider (not Azure AD), where the user also has a session. */
  supportIdp: OidcEmulator;
  /** The support desk's API, which accepts only the support IdP's tokens. */
  supportApi: ApiEmulator;
  /** The host's own backend: it hands the page a token for the billing API (client credentials). */
  backend: BackendTokenEmulator;
  /** The billing API, which accepts only the tokens the backend obtains. */
  billingApi: ApiEmulator;
  page: PageFaults;
  orders: Order[];
  /** The user with an Azure AD session: the host page's signed-in user. */
  user: string;
}

/** Where the emulated APIs live. */
export const offlineApiUrl = 'https://api.contoso.test/v1/';
export const offlineShipmentsUrl = 'https://shipments.contoso.test/v2/';
export const offlineSupportUrl = 'https://support.contoso.test/api/';
export const offlineBillingUrl = 'https://billing.contoso.test/v1/';

/** The query parameter that starts the page with a fault (for faults that need a fresh page). */
export const faultParameter = 'fault';

/** The support desk's identity provider (sessions for the same user) and its API. */
function startSupportDesk(user: string, thirdPartyCookiesBlocked: boolean) {
  const supportIdp = createOidcEmulator({ host: 'sso.contoso.test', path: '/realms/support', session: user });
  supportIdp.faults.thirdPartyCookiesBlocked = thirdPartyCookiesBlocked;
  const supportApi = createApiEmulator({
    issuer: supportIdp,
    baseUrl: offlineSupportUrl,
    audience: 'api://support',
    scopes: ['Tickets.Read'],
    respond: respondTickets,
  });
  return { supportIdp, supportApi };
}

/** The host's token backend and the billing API that trusts the tokens it hands out. */
function startBilling() {
  const backend = createBackendTokenEmulator();
  const billingApi = createApiEmulator({
    issuer: backend.issuer,
    baseUrl: offlineBillingUrl,
    audience: 'api://billing',
    scopes: ['Invoices.Read'],
    respond: respondInvoices,
  });
  return { backend, billingApi };
}

/**
 * Starts Azure AD, the orders API, the shipments API and its token endpoint, the support desk's
 * OpenID Connect identity provider and API, and the host's token backend with the billing API
 * inside this page, with MSW's service worker — the same emulators the tests use. Nothing leaves the browser. Resolves
 * once the worker controls the page (hidden iframes and popups navigating to the emulated sign-in
 * pages go through it too). `?fault=third-party-cookies` starts in a browser that blocks them.
 */
export async function startOfflineWorld(): Promise<OfflineWorld> {
  const user = 'jane@contoso.com';
  const aad = createAadEmulator({ session: user });
  const cookiesBlocked = new URLSearchParams(location.search).get(faultParameter) === 'third-party-cookies';
  aad.faults.thirdPartyCookiesBlocked = cookiesBlocked;
  const { orders, respond } = createDemoApi();
  const api = createApiEmulator({ issuer: aad, baseUrl: offlineApiUrl, respond });
  const exchange = createExchangeEmulator({ subjectIssuer: aad });
  const shipmentsApi = createApiEmulator({
    issuer: exchange,
    baseUrl: offlineShipmentsUrl,
    audience: 'orders-api',
    scopes: ['orders'],
    respond: respondShipments,
  });
  const { supportIdp, supportApi } = startSupportDesk(user, cookiesBlocked);
  const { backend, billingApi } = startBilling();
  const page: PageFaults = { redirectMissing: false };
  const redirectPage = http.get(new URL('/redirect.html', location.origin).href, () =>
    page.redirectMissing
      ? new HttpResponse('<!doctype html><title>Not found</title>', {
          status: 404,
          headers: { 'content-type': 'text/html; charset=utf-8' },
        })
      : passthrough(),
  );
  const emulators = [aad, api, exchange, shipmentsApi, supportIdp, supportApi, backend, billingApi];
  const handlers = emulators.flatMap((emulator) => emulator.handlers);
  const worker = setupWorker(redirectPage, ...handlers);
  await worker.start({
    quiet: true,
    onUnhandledFrame: 'bypass',
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return {
    aad,
    api,
    exchange,
    shipmentsApi,
    supportIdp,
    supportApi,
    backend,
    billingApi,
    page,
    orders,
    user,
  };
}
