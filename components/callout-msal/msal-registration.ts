import { authorityOf } from '../../src/msal/check-options.js';
import type { MsalProviderOptions } from '../../src/msal.js';
import type { LazyProviderSpec } from '../shared/lazy-provider-registration.js';
import { loadMsal } from './load-msal.js';
import { type MsalAttributes, parseMsalAttributes } from './msal-attributes.js';

type MsalHost = MsalAttributes & { readonly msal: MsalProviderOptions['msal'] };

/**
 * How `<callout-msal>` makes its provider (see `lazyProviderRegistration`): options from the
 * attributes (checked without MSAL), MSAL (`sso-callout/msal`) loaded on demand, then
 * `msalProvider(options)`; until then the stand-in already knows the token endpoints.
 */
export function msalSpec(
  element: MsalHost,
  blame: LazyProviderSpec<MsalProviderOptions>['blame'],
): LazyProviderSpec<MsalProviderOptions> {
  return {
    read: () => parseMsalAttributes(element, element.msal),
    load: async () => (await loadMsal()).msalProvider,
    tokenEndpoints: expectedTokenEndpoints,
    blame,
  };
}

/**
 * The token endpoints the provider `options` describe will have (what `msalProvider` sets as
 * `tokenEndpoints`): the whole authority host, and the token endpoint of `authorityMetadata`.
 * Known before MSAL loads, so a stand-in provider never lets a token go to them meanwhile.
 */
function expectedTokenEndpoints(options: MsalProviderOptions): string[] {
  const auth = options.msal?.auth;
  const endpoints = [`${new URL(authorityOf(options)).origin}/`];
  try {
    const metadata = auth?.authorityMetadata ? (JSON.parse(auth.authorityMetadata) as unknown) : undefined;
    const tokenEndpoint = (metadata as { token_endpoint?: unknown } | undefined)?.token_endpoint;
    if (typeof tokenEndpoint === 'string') endpoints.push(tokenEndpoint);
  } catch {
    // MSAL reports malformed metadata itself when the provider is created.
  }
  return endpoints;
}
