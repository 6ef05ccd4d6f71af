// The backend-minted provider of docs/providers.md ("Backend-minted tokens"), exactly as the docs
// show it between the markers (but for the import path): test/docs/snippets.test.mjs fails when
// the two differ, test/core/backend-minted.test.ts runs it, and the demo's invoices card uses it.
// docs:begin
import { functionProvider } from '../../../src/index.js';

const backend = functionProvider(
  async ({ scopes, forceRefresh }) => {
    const response = await fetch('/api/callout-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scopes, forceRefresh: forceRefresh === true }),
    });
    if (!response.ok) throw new Error(`The token backend answered ${response.status}`);
    const { access_token, expires_in } = await response.json();
    return { accessToken: access_token, expiresOn: Date.now() + expires_in * 1000 };
  },
  { tokenEndpoints: ['/api/callout-token'] }, // never sent a token, never retried through
);

// docs:end

export { backend };
