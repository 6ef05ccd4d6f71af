import { namePattern } from '../../src/credentials/name-rule.js';
import { checkOidcOptions, type OidcOptionName } from '../../src/oidc/check-options.js';
import type { OidcInteraction, OidcProviderOptions, OidcStore } from '../../src/oidc.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';

/** The raw attributes of a `<callout-oidc>` (the element itself has them all). */
export interface OidcAttributes {
  /** The provider name, when it is not the element's `id`. */
  name: string | null;
  /** The provider name when `name` is not set. */
  id: string;
  authority: string | null;
  clientId: string | null;
  redirectUri: string | null;
  returnUri: string | null;
  postLogoutRedirectUri: string | null;
  loginHint: string | null;
  interaction: string | null;
  scopes: string | null;
  store: string | null;
  signOutScope: string | null;
}

/** Provider name and options read from attributes, or the first invalid attribute. */
export type ParsedOidc = { name: string; options: OidcProviderOptions } | InvalidAttribute;

/** The attribute of each option {@link checkOidcOptions} can find at fault. */
const attributeOf: Record<OidcOptionName, string> = {
  authority: 'authority',
  clientId: 'client-id',
  redirectUri: 'redirect-uri',
  returnUri: 'return-uri',
  postLogoutRedirectUri: 'post-logout-redirect-uri',
  interaction: 'interaction',
  store: 'store',
  signOutScope: 'sign-out-scope',
};

/**
 * Reads `oidcProvider` options from attributes (the `oidc` passthrough comes from the element's
 * property), naming the attribute at fault. Synchronous and free of oidc-client-ts: it runs
 * `oidcProvider`'s own checks before the library is loaded, so the element can show the error at once.
 */
export function parseOidcAttributes(
  attributes: OidcAttributes,
  passthrough: OidcProviderOptions['oidc'],
): ParsedOidc {
  const name = attributes.name || attributes.id;
  if (!namePattern.test(name)) {
    return new InvalidAttribute({
      attribute: attributes.name ? 'name' : 'id',
      value: name,
      problem: 'it names the provider (credentials refer to it) and must start with a letter',
    });
  }
  const text = (value: string | null) => (value?.trim() ? value.trim() : undefined);
  const list = (value: string | null) => text(value)?.split(/[\s,]+/);
  const optional = {
    redirectUri: text(attributes.redirectUri),
    returnUri: text(attributes.returnUri),
    postLogoutRedirectUri: text(attributes.postLogoutRedirectUri),
    loginHint: text(attributes.loginHint),
    interaction: text(attributes.interaction) as OidcInteraction | undefined,
    scopes: list(attributes.scopes),
    store: text(attributes.store) as OidcStore | undefined,
    signOutScope: text(attributes.signOutScope) as OidcProviderOptions['signOutScope'],
    oidc: passthrough,
  };
  const options = {
    authority: text(attributes.authority) ?? '',
    clientId: text(attributes.clientId) ?? '',
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  } as OidcProviderOptions;
  const problem = checkOidcOptions(options);
  if (!problem) return { name, options };
  return new InvalidAttribute({
    attribute: attributeOf[problem.option],
    value: problem.value ?? null,
    problem: problem.problem,
  });
}
