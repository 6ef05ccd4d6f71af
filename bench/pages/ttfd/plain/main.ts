/**
 * The same page with plain MSAL and fetch, as MSAL's documentation shows it: one
 * PublicClientApplication, `initialize()` and `handleRedirectPromise()` first, then every component
 * asks for its token (`acquireTokenSilent` with the account, `ssoSilent` with the login hint when
 * there is none yet) and calls the API with `fetch`.
 */
import { InteractionRequiredAuthError, PublicClientApplication } from '@azure/msal-browser';
import { cacheLocations, config } from '../config.js';

const scopes = config.scopes.split(' ');
const pca = new PublicClientApplication({
  auth: { clientId: config.clientId, authority: config.authority, redirectUri: config.redirectUri },
  cache: { cacheLocation: cacheLocations[config.cache] },
});
await pca.initialize();
await pca.handleRedirectPromise();

async function getToken(): Promise<string> {
  const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
  if (account) {
    try {
      return (await pca.acquireTokenSilent({ account, scopes })).accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
    }
  }
  const result = await pca.ssoSilent({ scopes, loginHint: config.loginHint });
  pca.setActiveAccount(result.account);
  return result.accessToken;
}

async function show(element: HTMLElement): Promise<void> {
  try {
    const token = await getToken();
    const response = await fetch(`${config.apiUrl}orders/${element.dataset.order}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`API answered ${response.status}`);
    const order = (await response.json()) as { id: string; sku: string; quantity: number };
    element.textContent = `${order.id} · ${order.sku} × ${order.quantity}`;
    element.setAttribute('state', 'data');
  } catch (error) {
    element.textContent = String(error);
    element.setAttribute('state', 'error');
  }
}

for (const element of document.querySelectorAll<HTMLElement>('[data-order]')) void show(element);
