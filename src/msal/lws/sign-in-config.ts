/**
 * The Salesforce sign-in page's identity-provider settings, fixed when the static resource is
 * built (`npm run build:salesforce -- --config <file>`, see docs/salesforce.md) and never read
 * from the page's URL or storage: a page that runs with the org's origin must not let a link
 * choose where the user's authorization code and PKCE verifier go.
 *
 * The build validates the settings with {@link parseSignInPageConfig} (so a mistake fails the
 * build, not a user's sign-in) and bakes them into `sign-in.js`; the page validates them again.
 */

/** What an admin sets for the sign-in page (the same app registration as the components use). */
export interface SignInPageConfig {
  /** The Entra ID application (client) id; the components' `clientId` must be the same. */
  clientId: string;
  /** `https://login.microsoftonline.com/<tenant>` (or another https authority). */
  authority: string;
  /**
   * Scopes consented at sign-in, besides `openid profile offline_access`: every API scope the
   * components request (may be empty).
   */
  scopes: string[];
  /** Home realm hint (`contoso.com`) to skip the account-type choice. */
  domainHint?: string;
  /** MSAL `authorityMetadata` (openid-configuration as JSON text), only for clouds without discovery. */
  authorityMetadata?: string;
  /** MSAL `knownAuthorities` (hosts). Default: the authority's host when `authorityMetadata` is set. */
  knownAuthorities?: string[];
}

const keys: ReadonlySet<string> = new Set([
  'clientId',
  'authority',
  'scopes',
  'domainHint',
  'authorityMetadata',
  'knownAuthorities',
]);

/** Printable ASCII without spaces, quotes or backslashes (RFC 6749 scope-token characters). */
const token = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const host = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/;
const loopback: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Validates settings (an object, or its JSON text) and returns them normalised: only known keys,
 * `authorityMetadata` as JSON text. Throws an `Error` naming the first wrong setting. Runs in the
 * build (Node) and in the page, and does not touch the DOM.
 */
export function parseSignInPageConfig(input: unknown): SignInPageConfig {
  const value: unknown = typeof input === 'string' ? JSON.parse(input) : input;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('the sign-in page settings must be a JSON object');
  }
  const settings = value as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (!keys.has(key))
      throw new Error(`unknown sign-in page setting "${key}" (known: ${[...keys].join(', ')})`);
  }
  const clientId = settings.clientId;
  if (typeof clientId !== 'string' || clientId.length > 256 || !token.test(clientId)) {
    throw new Error('clientId must be the application (client) id of the app registration');
  }
  const authority = httpsUrl(settings.authority, 'authority', false);
  const scopes = settings.scopes;
  if (!Array.isArray(scopes) || scopes.length > 50 || !scopes.every(isScope)) {
    throw new Error(
      'scopes must be an array of scope strings (no spaces), e.g. ["api://orders/Orders.Read"]',
    );
  }
  const config: SignInPageConfig = { clientId, authority, scopes: [...scopes] };
  const { domainHint, authorityMetadata, knownAuthorities } = settings;
  if (domainHint !== undefined) {
    if (typeof domainHint !== 'string' || !/^[A-Za-z0-9.-]{1,253}$/.test(domainHint)) {
      throw new Error('domainHint must be a domain name such as contoso.com');
    }
    config.domainHint = domainHint;
  }
  if (authorityMetadata !== undefined) config.authorityMetadata = metadata(authorityMetadata);
  if (knownAuthorities !== undefined) {
    if (
      !Array.isArray(knownAuthorities) ||
      !knownAuthorities.every((h) => typeof h === 'string' && host.test(h))
    ) {
      throw new Error('knownAuthorities must be an array of host names');
    }
    config.knownAuthorities = [...knownAuthorities];
  }
  return config;
}

function isScope(scope: unknown): scope is string {
  return typeof scope === 'string' && scope.length <= 512 && token.test(scope);
}

/** An https URL without credentials, query or fragment (http only on loopback, when allowed). */
function httpsUrl(value: unknown, name: string, allowLoopback: boolean): string {
  const url =
    typeof value === 'string' && value.length <= 2048 && URL.canParse(value) ? new URL(value) : undefined;
  const secure =
    url?.protocol === 'https:' || (allowLoopback && url?.protocol === 'http:' && loopback.has(url.hostname));
  if (!url || !secure || url.username || url.password || url.search || url.hash) {
    throw new Error(`${name} must be an https URL without query or fragment`);
  }
  return value as string;
}

/** The openid-configuration MSAL needs, as JSON text, with its endpoints checked. */
function metadata(value: unknown): string {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('authorityMetadata must be the openid-configuration object (or its JSON text)');
  }
  const document = parsed as Record<string, unknown>;
  for (const name of ['authorization_endpoint', 'token_endpoint']) {
    httpsUrl(document[name], `authorityMetadata.${name}`, true);
  }
  if (typeof document.issuer !== 'string') throw new Error('authorityMetadata.issuer must be set');
  return JSON.stringify(document);
}
