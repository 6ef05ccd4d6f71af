/**
 * What the bench server tells the plain-MSAL and MGT pages (an inline script it puts in the
 * page's head, so no request is added): the same values the sso-callout page has in its
 * attributes.
 */
export interface TtfdConfig {
  clientId: string;
  authority: string;
  loginHint: string;
  redirectUri: string;
  apiUrl: string;
  scopes: string;
  cache: 'memory' | 'session' | 'local';
}

/** The configuration of this page load. */
export const config = (globalThis as unknown as { ttfdConfig: TtfdConfig }).ttfdConfig;

/** MSAL's name for each cache option. */
export const cacheLocations = {
  memory: 'memoryStorage',
  session: 'sessionStorage',
  local: 'localStorage',
} as const;
