// The custom provider of docs/providers.md ("Writing a provider"), exactly as the docs show it
// between the markers (but for the import path): test/docs/snippets.test.mjs fails when the two
// differ, and test/core/docs-custom-provider.test.ts runs it.
// docs:begin
import { type AuthProvider, CalloutError } from '../../../src/index.js';

/** Wraps the user's Entra token for a legacy gateway that wants it in its own envelope. */
const gateway: AuthProvider = {
  async getToken(request, context) {
    const user = await context!.token('aad', { scopes: ['api://gateway/.default'] });
    const response = await fetch('https://gateway.contoso.com/envelope', {
      method: 'POST',
      body: JSON.stringify({ token: user.accessToken }),
    });
    if (!response.ok) {
      throw new CalloutError({
        code: 'token_endpoint_error',
        message: `gateway.contoso.com answered ${response.status}`,
        hint: 'Check that gateway.contoso.com allows this origin in CORS.',
      });
    }
    const { envelope, ttl } = await response.json();
    return {
      accessToken: envelope,
      expiresOn: new Date(Date.now() + ttl * 1000),
      scopes: request.scopes,
      source: 'provider',
    };
  },
  tokenEndpoints: ['https://gateway.contoso.com/envelope'],
};

// docs:end

export { gateway };
