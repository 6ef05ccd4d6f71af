/**
 * Type test, checked by `npm run typecheck` (never run): `msalProvider`, `oidcProvider` and the
 * elements' stand-in all have the one shape of a provider that signs in, `InteractiveAuthProvider`;
 * a bare `AuthProvider` does not. Each `@ts-expect-error` fails the typecheck if the line below it compiles.
 */
import { DeferredProvider } from '../../components/shared/deferred-provider.js';
import { type AuthProvider, functionProvider, type InteractiveAuthProvider } from '../../src/index.js';
import { msalProvider } from '../../src/msal.js';
import { oidcProvider } from '../../src/oidc.js';

export const providers: InteractiveAuthProvider[] = [
  msalProvider({ clientId: '11111111-2222-3333-4444-555555555555' }),
  oidcProvider({ authority: 'https://idp.contoso.test', clientId: 'spa' }),
  new DeferredProvider({ name: 'aad', tokenEndpoints: [] }),
];

const bare: AuthProvider = functionProvider(async () => ({ accessToken: 'x', expiresOn: 0 }));
// @ts-expect-error A provider that only gets tokens is not one that signs in.
export const notInteractive: InteractiveAuthProvider = bare;

export async function signInWithSignal(provider: InteractiveAuthProvider): Promise<string> {
  const account = await provider.signIn({ signal: AbortSignal.timeout(60_000) });
  return provider.signInUrl() ?? account.username;
}
