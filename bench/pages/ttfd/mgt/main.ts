/**
 * The same page with Microsoft Graph Toolkit 4: an Msal2Provider (what `<mgt-msal2-provider>`
 * creates; the element has no attribute for MSAL's cache location, so the provider is created in
 * code) with the login hint for silent SSO, the API's host as a custom host and its scope, and one
 * `<mgt-get>` per component. MGT uses its own MSAL (2.x), which reads the hidden iframe's answer
 * from its URL, so the redirect page is a blank page.
 */

import { registerMgtGetComponent } from '@microsoft/mgt-components';
import { Providers } from '@microsoft/mgt-element';
import { Msal2Provider } from '@microsoft/mgt-msal2-provider';
import { cacheLocations, config } from '../config.js';

const scopes = config.scopes.split(' ');
Providers.globalProvider = new Msal2Provider({
  clientId: config.clientId,
  authority: config.authority,
  redirectUri: config.redirectUri,
  loginHint: config.loginHint,
  scopes,
  customHosts: [new URL(config.apiUrl).hostname],
  options: {
    auth: { clientId: config.clientId },
    cache: { cacheLocation: cacheLocations[config.cache] },
  },
});

// Mark each <mgt-get> once it has rendered its data (the bench watches the `state` attribute).
document.addEventListener('dataChange', (event) => {
  const element = event.target as HTMLElement & {
    response?: unknown;
    error?: unknown;
    updateComplete?: Promise<unknown>;
  };
  void (async () => {
    await element.updateComplete;
    element.setAttribute('state', element.response && !element.error ? 'data' : 'error');
  })();
});
registerMgtGetComponent();
