import type { InteractiveAuthProvider } from '../../src/index.js';
import { DeferredProvider } from './deferred-provider.js';
import { type BlamedAttribute, optionOf } from './error-option.js';
import { InvalidAttribute } from './invalid-attribute.js';
import type { RegistrationHost, RegistrationOptions } from './registration.js';

/** What a provider element declares: a provider name and the options of its provider function. */
export interface ProviderDeclaration<O> {
  name: string;
  options: O;
}

/** A declared provider: the stand-in registered at once, and the load that completes it. */
export interface ProviderRegistered {
  name: string;
  provider: DeferredProvider;
  /** Settles (never rejects) once the provider's module has loaded and the provider was created, or failed. */
  ready: Promise<void>;
}

/** How one kind of provider element reads its attributes and makes its provider. */
export interface LazyProviderSpec<O> {
  /** Reads the attributes: the declaration, or the first invalid attribute (checked without the provider's module). */
  read(): ProviderDeclaration<O> | InvalidAttribute;
  /** Loads the provider's module (a dynamic `import()`, a chunk of its own) and returns its provider function. */
  load(): Promise<(options: O) => InteractiveAuthProvider>;
  /** The token endpoints the provider will have, known before it exists (see `DeferredProvider`). */
  tokenEndpoints(options: O): string[];
  /** The attribute (and its value) a provider option names, for errors the provider function throws. */
  blame(option: string | undefined): BlamedAttribute;
}

/** What the element does when a declared provider fails after it was registered. */
export interface ProviderRegistrationHooks {
  /** Something was declared or removed, or a failure shown. */
  changed(): void;
  /** The module did not load (`problem` undefined), or the provider function rejected the options (`problem` names the attribute). */
  failed(registered: ProviderRegistered, problem: InvalidAttribute | undefined, error: unknown): void;
}

/**
 * How a provider element (`<callout-msal>`, `<callout-oidc>`) declares its provider (see
 * `Registration`): a {@link DeferredProvider} is registered at once, with the element as owner,
 * so callouts through it wait for the provider's module instead of failing with "provider not
 * registered"; the module is loaded, then the provider is created from the options and handed to
 * the stand-in. A load overtaken by new attributes or a disconnect finds its stand-in removed and
 * creates nothing.
 */
export function lazyProviderRegistration<O>(
  element: RegistrationHost,
  spec: LazyProviderSpec<O>,
  hooks: ProviderRegistrationHooks,
): RegistrationOptions<ProviderDeclaration<O>, ProviderRegistered> {
  const problemOf = (error: unknown) =>
    new InvalidAttribute({
      ...spec.blame(optionOf(error)),
      problem: error instanceof Error ? error.message : String(error),
    });
  return {
    read: () => spec.read(),
    key: (declaration) => JSON.stringify([declaration.name, declaration.options]),
    register(client, { name, options }) {
      const provider = new DeferredProvider({ name, tokenEndpoints: spec.tokenEndpoints(options) });
      client.providers.define(name, provider, { owner: element });
      const registered: ProviderRegistered = { name, provider, ready: Promise.resolve() };
      registered.ready = spec.load().then(
        (create) => {
          if (!provider.waiting) return;
          try {
            provider.resolve(create(options));
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
