import { authorityOf } from '../../src/msal/check-options.js';
import type { MsalProviderOptions } from '../../src/msal.js';
import { DeferredProvider } from '../shared/deferred-provider.js';
import { attributeForOption, optionOf } from '../shared/error-option.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';
import type { RegistrationHost, RegistrationOptions } from '../shared/registration.js';
import { loadMsal } from './load-msal.js';
import { type MsalAttributes, parseMsalAttributes } from './msal-attributes.js';

/** What a `<callout-msal>` declares: a provider name and `msalProvider` options. */
export interface MsalDeclaration {
  name: string;
  options: MsalProviderOptions;
}

/** A declared provider: the stand-in registered at once, and the load that completes it. */
export interface MsalRegistered {
  name: string;
  provider: DeferredProvider;
  /** Settles (never rejects) once MSAL has loaded and the provider was created, or failed. */
  ready: Promise<void>;
}

/** What the element does when a declared provider fails after it was registered. */
export interface MsalRegistrationHooks {
  /** Something was declared or removed, or a failure shown. */
  changed(): void;
  /** MSAL did not load (`problem` undefined), or rejected the options (`problem` names the attribute). */
  failed(registered: MsalRegistered, problem: InvalidAttribute | undefined, error: unknown): void;
}

type MsalHost = RegistrationHost & MsalAttributes & { readonly msal: MsalProviderOptions['msal'] };

/**
 * How `<callout-msal>` declares its provider (see `Registration`): a {@link DeferredProvider} is
 * registered at once, with the element as owner, so callouts through it wait for MSAL instead of
 * failing with "provider not registered"; MSAL (`sso-callout/msal`) is loaded, then
 * `msalProvider(options)` is created and handed to the stand-in. A load overtaken by new
 * attributes or a disconnect finds its stand-in removed and creates nothing.
 */
export function msalRegistration(
  element: MsalHost,
  hooks: MsalRegistrationHooks,
): RegistrationOptions<MsalDeclaration, MsalRegistered> {
  const problemOf = (error: unknown) =>
    new InvalidAttribute({
      ...blamed(element, optionOf(error)),
      problem: error instanceof Error ? error.message : String(error),
    });
  return {
    read: () => parseMsalAttributes(element, element.msal),
    key: (declaration) => JSON.stringify([declaration.name, declaration.options]),
    register(client, { name, options }) {
      const provider = new DeferredProvider({ name, tokenEndpoints: expectedTokenEndpoints(options) });
      client.providers.define(name, provider, { owner: element });
      const registered: MsalRegistered = { name, provider, ready: Promise.resolve() };
      registered.ready = loadMsal().then(
        ({ msalProvider }) => {
          if (!provider.waiting) return;
          try {
            provider.resolve(msalProvider(options));
          } catch (error) {
            provider.reject(error);
            hooks.failed(registered, problemOf(error), error);
          }
        },
        (error: unknown) => {
          if (!provider.waiting) return;
          provider.reject(error);
          hooks.failed(registered, undefined, error);
        },
      );
      return registered;
    },
    holds: (client, { name, provider }) => client.providers.get(name) === provider,
    unregister(client, { name, provider }) {
      const held = client.providers.get(name) === provider;
      if (held) client.providers.delete(name);
      provider.dispose();
      return held;
    },
    problemOf,
    changed: hooks.changed,
  };
}

/** The attribute an option names; the provider's name is `name` when set, else `id`. */
function blamed(element: MsalHost, option: string | undefined): { attribute: string; value: string | null } {
  if (option === 'name' && !element.name) return { attribute: 'id', value: element.id };
  return attributeForOption(element, option, 'client-id');
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
