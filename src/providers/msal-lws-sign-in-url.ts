/**
 * The link to the sign-in page of the Salesforce static resource (see `msal-lws-sign-in.ts` for
 * the flow). Kept apart from the listener so that `signInUrl()` can answer synchronously from the
 * provider's own chunk, before the on-demand LWS adaptations (`msal-lws.ts`) have loaded.
 */

/** What the sign-in page needs to know, passed in its URL (no secret: a public client). */
export interface SignInPageParams {
  /** URL of the static resource's `sign-in.html`. */
  page: string;
  clientId: string;
  authority: string;
  scopes: string[];
  loginHint?: string;
  domainHint?: string;
  /** The LWS namespace of the components (`c` unless in a managed package). */
  namespace: string;
  /** MSAL `authorityMetadata` (only for clouds/emulators without discovery). */
  authorityMetadata?: string;
}

/** The sign-in page URL with its parameters in the query string. */
export function signInPageUrl(params: SignInPageParams): string {
  const url = new URL(params.page, globalThis.location?.href);
  const query = url.searchParams;
  query.set('client_id', params.clientId);
  query.set('authority', params.authority);
  query.set('scope', params.scopes.join(' '));
  query.set('ns', params.namespace);
  if (params.loginHint) query.set('login_hint', params.loginHint);
  if (params.domainHint) query.set('domain_hint', params.domainHint);
  if (params.authorityMetadata) query.set('authority_metadata', params.authorityMetadata);
  return url.href;
}
