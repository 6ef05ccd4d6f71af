import type { MsalCacheLocation, MsalInteraction, MsalProviderOptions } from '../../src/msal.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';

/** The raw attributes of a `<callout-msal>` (the element itself has them all). */
export interface MsalAttributes {
  /** The provider name, when it is not the element's `id`. */
  name: string | null;
  /** The provider name when `name` is not set. */
  id: string;
  clientId: string | null;
  authority: string | null;
  tenant: string | null;
  redirectUri: string | null;
  loginHint: string | null;
  domainHint: string | null;
  sid: string | null;
  interaction: string | null;
  scopes: string | null;
  cache: string | null;
  clientCapabilities: string | null;
  /** Under Lightning Web Security: URL of the static resource's `sign-in.html`. */
  signInPage: string | null;
  /** Under Lightning Web Security: the components' namespace (default `c`). */
  lwsNamespace: string | null;
}

const interactions: readonly string[] = ['popup', 'redirect', 'none'];
const caches: readonly string[] = ['memory', 'session', 'local'];
const namePattern = /^[A-Za-z][A-Za-z0-9_-]{0,79}$/;

/** Provider name and options read from attributes, or the first invalid attribute. */
export type ParsedMsal = { name: string; options: MsalProviderOptions } | InvalidAttribute;

/**
 * Reads `msalProvider` options from attributes (the `msal` passthrough comes from the element's
 * property), naming the attribute at fault. Synchronous and free of MSAL: it checks what
 * `msalProvider` would reject (a missing client id, a non-https authority, a redirect URI on another
 * origin) before MSAL is loaded, so the element can show the error at once. What only MSAL can
 * check is still checked by `msalProvider` when the provider is created.
 */
export function parseMsalAttributes(
  attributes: MsalAttributes,
  passthrough: MsalProviderOptions['msal'],
): ParsedMsal {
  const fail = (attribute: string, value: string | null, problem: string) =>
    new InvalidAttribute({ attribute, value, problem });
  const name = attributes.name || attributes.id;
  if (!namePattern.test(name)) {
    return fail(
      attributes.name ? 'name' : 'id',
      name,
      'it names the provider (credentials refer to it) and must start with a letter',
    );
  }
  const options: MsalProviderOptions = {};
  const text = (value: string | null) => (value?.trim() ? value.trim() : undefined);
  const set = <K extends keyof MsalProviderOptions>(key: K, value: MsalProviderOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('clientId', text(attributes.clientId));
  set('authority', text(attributes.authority));
  set('tenant', text(attributes.tenant));
  set('redirectUri', text(attributes.redirectUri));
  set('loginHint', text(attributes.loginHint));
  set('domainHint', text(attributes.domainHint));
  set('sid', text(attributes.sid));
  const interaction = text(attributes.interaction);
  if (interaction !== undefined && !interactions.includes(interaction)) {
    return fail('interaction', attributes.interaction, 'it must be "popup", "redirect" or "none"');
  }
  set('interaction', interaction as MsalInteraction | undefined);
  const scopes = text(attributes.scopes)?.split(/[\s,]+/);
  set('scopes', scopes);
  const cache = text(attributes.cache);
  if (cache !== undefined && !caches.includes(cache)) {
    return fail('cache', attributes.cache, 'it must be "memory", "session" or "local"');
  }
  set('cache', cache as MsalCacheLocation | undefined);
  const capabilities = text(attributes.clientCapabilities)?.split(/[\s,]+/);
  set('clientCapabilities', capabilities);
  set('signInPage', text(attributes.signInPage));
  set('lwsNamespace', text(attributes.lwsNamespace));
  set('msal', passthrough);
  return checkOptions(options) ?? { name, options };
}

/** The checks of `msalProvider`'s configuration that need no MSAL, by attribute. */
function checkOptions(options: MsalProviderOptions): InvalidAttribute | undefined {
  const auth = options.msal?.auth;
  const fail = (attribute: string, value: string | undefined, problem: string) =>
    new InvalidAttribute({ attribute, value: value ?? null, problem });
  if (!(options.clientId ?? auth?.clientId)) {
    return fail(
      'client-id',
      undefined,
      'it is required: the "Application (client) ID" of the app registration in Entra ID',
    );
  }
  const authority =
    options.authority ??
    auth?.authority ??
    `https://login.microsoftonline.com/${options.tenant ?? 'organizations'}`;
  const authorityAttribute =
    options.authority === undefined && options.tenant !== undefined ? 'tenant' : 'authority';
  const parsed = URL.parse(authority);
  if (!parsed) {
    return fail(
      authorityAttribute,
      authority,
      'it must make an https URL such as https://login.microsoftonline.com/<tenant>',
    );
  }
  if (parsed.protocol !== 'https:') {
    return fail(
      'authority',
      authority,
      'MSAL accepts only https authorities (authority_uri_insecure), even on localhost',
    );
  }
  const redirectUri = options.redirectUri ?? auth?.redirectUri;
  const origin = globalThis.location?.origin;
  if (redirectUri !== undefined && origin) {
    const target = URL.parse(redirectUri, origin);
    if (!target) return fail('redirect-uri', redirectUri, 'it must be a URL');
    if (target.origin !== origin) {
      return fail(
        'redirect-uri',
        redirectUri,
        `it must be on this page's origin (${origin}): Azure AD's answer is handed over with a BroadcastChannel, which works only within one origin`,
      );
    }
  }
  return undefined;
}

const optionAttributes: readonly [RegExp, string][] = [
  [/clientId/, 'client-id'],
  [/redirectUri/, 'redirect-uri'],
  [/authority/, 'authority'],
  [/tenant/, 'tenant'],
  [/loginHint/, 'login-hint'],
  [/cache/, 'cache'],
];

/** Names the attribute behind an `msalProvider` configuration error (`client-id` when unclear). */
export function attributeOfMsalError(message: string): string {
  return optionAttributes.find(([pattern]) => pattern.test(message))?.[1] ?? 'client-id';
}
