/**
 * The checks of `oidcProvider` options that need no oidc-client-ts: `<callout-oidc>` runs them on
 * its attributes before the library has loaded, and the provider runs them again when it is
 * created.
 */
import type { OidcProviderOptions } from './options.js';

/** The options {@link checkOidcOptions} can find at fault, named as in `OidcProviderOptions`. */
export type OidcOptionName =
  | 'authority'
  | 'clientId'
  | 'redirectUri'
  | 'returnUri'
  | 'postLogoutRedirectUri'
  | 'interaction'
  | 'store'
  | 'signOutScope';

/** An option of `oidcProvider` that cannot work. */
export interface OidcOptionProblem {
  option: OidcOptionName;
  /** The value at fault, or `undefined` when the option is missing. */
  value: string | undefined;
  /** What is wrong, as a clause that follows "… is invalid: ". */
  problem: string;
}

/** The callback page the provider will use: `redirectUri`, else `<origin>/oidc-callback.html`. */
export function callbackUriOf(options: Pick<OidcProviderOptions, 'redirectUri'>): string {
  return options.redirectUri ?? `${globalThis.location?.origin ?? ''}/oidc-callback.html`;
}

const choices = {
  interaction: ['popup', 'redirect', 'none'],
  store: ['memory', 'session', 'local'],
  signOutScope: ['local', 'global'],
} as const;

/**
 * Finds the first option that cannot work: a missing client id; an authority that is not an
 * `https:` URL (`http:` only on localhost); a callback, return or post-logout URI that is not a
 * URL on this page's origin (answers are handed over within one origin); an `interaction`,
 * `store` or `signOutScope` outside its values. Returns `undefined` when none is wrong.
 * Synchronous, pure (reads only `location.origin`), never throws.
 */
export function checkOidcOptions(options: Partial<OidcProviderOptions>): OidcOptionProblem | undefined {
  if (!options.clientId) {
    return {
      option: 'clientId',
      value: undefined,
      problem: 'it is required: the client id of this app at the identity provider',
    };
  }
  return checkAuthority(options.authority) ?? checkPages(options) ?? checkChoices(options);
}

function checkAuthority(authority: string | undefined): OidcOptionProblem | undefined {
  const parsed = authority === undefined ? null : URL.parse(authority);
  const local = parsed?.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed && (parsed.protocol === 'https:' || local) && !parsed.search && !parsed.hash) return undefined;
  return {
    option: 'authority',
    value: authority,
    problem: `it must be the issuer's https URL (where /.well-known/openid-configuration is found), such as https://idp.contoso.com/realms/staff`,
  };
}

function checkPages(options: Partial<OidcProviderOptions>): OidcOptionProblem | undefined {
  const origin = globalThis.location?.origin;
  if (!origin) return undefined;
  const pages = [
    ['redirectUri', callbackUriOf(options)],
    ['returnUri', options.returnUri],
    ['postLogoutRedirectUri', options.postLogoutRedirectUri],
  ] as const;
  for (const [option, value] of pages) {
    if (value === undefined) continue;
    const target = URL.parse(value, origin);
    if (target?.origin === origin) continue;
    return {
      option,
      value,
      problem: target
        ? `it must be on this page's origin (${origin}): the identity provider's answer is handed over within one origin`
        : 'it must be a URL',
    };
  }
  return undefined;
}

function checkChoices(options: Partial<OidcProviderOptions>): OidcOptionProblem | undefined {
  for (const option of ['interaction', 'store', 'signOutScope'] as const) {
    const value: unknown = options[option];
    const allowed: readonly string[] = choices[option];
    if (value === undefined || allowed.includes(value as string)) continue;
    return {
      option,
      value: String(value),
      problem: `it must be one of ${allowed.map((choice) => `"${choice}"`).join(', ')}`,
    };
  }
  return undefined;
}

/**
 * Where the identity provider answers requests that must never carry an API token: its whole
 * origin (discovery, token, revocation), and any endpoint the `oidc.metadata` passthrough names.
 * Known without oidc-client-ts, so `<callout-oidc>`'s stand-in provider has them before it loads.
 * The authority must be valid ({@link checkOidcOptions}).
 */
export function expectedTokenEndpoints(options: Pick<OidcProviderOptions, 'authority' | 'oidc'>): string[] {
  const metadata = options.oidc?.metadata ?? {};
  const named = [metadata.token_endpoint, metadata.revocation_endpoint, metadata.userinfo_endpoint];
  return [`${new URL(options.authority).origin}/`, ...named.filter((url): url is string => !!url)];
}
