import type { MsalCacheLocation, MsalInteraction, MsalProviderOptions } from '../../src/msal.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';

/** The raw attributes of a `<callout-msal>`. */
export interface MsalAttributes {
  id: string;
  clientId: string | null;
  authority: string | null;
  tenant: string | null;
  redirectUri: string | null;
  loginHint: string | null;
  domainHint: string | null;
  sid: string | null;
  interaction: string | null;
  cache: string | null;
  clientCapabilities: string | null;
}

const interactions: readonly string[] = ['popup', 'redirect', 'none'];
const caches: readonly string[] = ['memory', 'session', 'local'];
const namePattern = /^[A-Za-z][A-Za-z0-9_-]{0,79}$/;

/** Provider name and options read from attributes, or the first invalid attribute. */
export type ParsedMsal = { name: string; options: MsalProviderOptions } | InvalidAttribute;

/**
 * Reads `msalProvider` options from attributes (the `msal` passthrough comes from the element's
 * property), naming the attribute at fault. What only MSAL can check is checked by `msalProvider`.
 */
export function parseMsalAttributes(
  attributes: MsalAttributes,
  passthrough: MsalProviderOptions['msal'],
): ParsedMsal {
  const fail = (attribute: string, value: string | null, problem: string) =>
    new InvalidAttribute({ attribute, value, problem });
  if (!namePattern.test(attributes.id)) {
    return fail(
      'id',
      attributes.id,
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
  const cache = text(attributes.cache);
  if (cache !== undefined && !caches.includes(cache)) {
    return fail('cache', attributes.cache, 'it must be "memory", "session" or "local"');
  }
  set('cache', cache as MsalCacheLocation | undefined);
  const capabilities = text(attributes.clientCapabilities)?.split(/[\s,]+/);
  set('clientCapabilities', capabilities);
  set('msal', passthrough);
  return { name: attributes.id, options };
}

const optionAttributes: readonly [RegExp, string][] = [
  [/clientId/, 'client-id'],
  [/redirectUri/, 'redirect-uri'],
  [/authority/, 'authority'],
  [/loginHint/, 'login-hint'],
];

/** Names the attribute behind an `msalProvider` configuration error (`client-id` when unclear). */
export function attributeOfMsalError(message: string): string {
  return optionAttributes.find(([pattern]) => pattern.test(message))?.[1] ?? 'client-id';
}
