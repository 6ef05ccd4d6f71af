import { type Callout, functionProvider } from '../../src/index.js';

/**
 * Registers provider `backend` on `callout`: docs/providers.md's backend-minted recipe, as a
 * page author writes it. The host's own server (here `/api/callout-token`, answered offline by
 * the emulated backend) obtains the billing API's token with client credentials — the secret
 * never reaches the browser — and hands it to the page. The store calls the function only when
 * it has no fresh token, and once with `forceRefresh` after the API rejects the token (the
 * `Invoices` credential in index.html refreshes on 401 and 403).
 */
export function registerBackend(callout: Callout, url = '/api/callout-token'): void {
  const endpoint = new URL(url, location.origin).href;
  callout.providers.define(
    'backend',
    functionProvider(
      async ({ scopes, forceRefresh }) => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ scopes, forceRefresh: forceRefresh === true }),
        });
        if (!response.ok) throw new Error(`The token backend answered ${response.status}`);
        const { access_token, expires_in } = (await response.json()) as {
          access_token: string;
          expires_in: number;
        };
        return { accessToken: access_token, expiresOn: Date.now() + expires_in * 1000 };
      },
      { tokenEndpoints: [endpoint] },
    ),
  );
}
