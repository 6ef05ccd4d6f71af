import { namePattern } from '../../src/credentials/name-rule.js';
import { checkMsalOptions, type MsalOptionName } from '../../src/msal/check-options.js';
import type {
  MsalCacheLocation,
  MsalInteraction,
  MsalNestedAppAuth,
  MsalProviderOptions,
} from '../../src/msal.js';
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
  /** Nested app authentication in Teams/Outlook hosts (property only): `nestedAppAuth` of `sso-callout/nested-app-auth`. */
  nestedAppAuth?: MsalNestedAppAuth | undefined;
  /** `platform-broker`: present (empty or `true`) turns MSAL's platform broker on. */
  platformBroker: string | null;
}

/** Provider name and options read from attributes, or the first invalid attribute. */
export type ParsedMsal = { name: string; options: MsalProviderOptions } | InvalidAttribute;

/**
 * Reads `msalProvider` options from attributes (the `msal` passthrough comes from the element's
 * property), naming the attribute at fault. Synchronous and free of MSAL: it runs `msalProvider`'s
 * own checks (`checkMsalOptions`: a missing client id, a non-https authority, a redirect URI on
 * another origin, an unknown interaction or cache) before MSAL is loaded, so the element can show
 * the error at once. What only MSAL can check is checked when the provider is created.
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
  set('interaction', text(attributes.interaction) as MsalInteraction | undefined);
  const scopes = text(attributes.scopes)?.split(/[\s,]+/);
  set('scopes', scopes);
  set('cache', text(attributes.cache) as MsalCacheLocation | undefined);
  const capabilities = text(attributes.clientCapabilities)?.split(/[\s,]+/);
  set('clientCapabilities', capabilities);
  set('signInPage', text(attributes.signInPage));
  set('lwsNamespace', text(attributes.lwsNamespace));
  set('nestedAppAuth', attributes.nestedAppAuth);
  set('msal', passthrough);
  const broker = attributes.platformBroker?.trim().toLowerCase();
  if (broker !== undefined) {
    if (broker !== '' && broker !== 'true' && broker !== 'platform-broker') {
      return fail(
        'platform-broker',
        attributes.platformBroker,
        'it is a boolean attribute: present (platform-broker) turns the broker on; remove it to turn it off',
      );
    }
    options.platformBroker = true;
  }
  return checkOptions(options) ?? { name, options };
}

/** The attribute of each option {@link checkMsalOptions} can find at fault. */
const attributeOf: Record<MsalOptionName, string> = {
  clientId: 'client-id',
  authority: 'authority',
  tenant: 'tenant',
  redirectUri: 'redirect-uri',
  interaction: 'interaction',
  cache: 'cache',
  platformBroker: 'platform-broker',
};

/** `msalProvider`'s own checks of the options (no MSAL needed), reported by attribute. */
function checkOptions(options: MsalProviderOptions): InvalidAttribute | undefined {
  const problem = checkMsalOptions(options);
  if (!problem) return undefined;
  return new InvalidAttribute({
    attribute: attributeOf[problem.option],
    value: problem.value ?? null,
    problem: problem.problem,
  });
}
