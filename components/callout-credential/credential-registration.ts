import type { CredentialDefinition, ResolvedCredential } from '../../src/index.js';
import { attributeForOption, optionOf } from '../shared/error-option.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';
import { allowedOriginsMetaName, pageAllowedOrigins } from '../shared/page-allowed-origins.js';
import { preconnect } from '../shared/preconnect.js';
import type { RegistrationHost, RegistrationOptions } from '../shared/registration.js';
import { type CredentialAttributes, parseCredentialAttributes } from './credential-attributes.js';

/** What a `<callout-credential>` declares: the credential, and the page's allowed origins. */
export interface CredentialDeclaration {
  name: string;
  definition: CredentialDefinition;
  pageOrigins: readonly string[] | undefined;
}

/** The prefix of the registry's messages, which the element's own sentence already says. */
const registryPrefix =
  /^Credential "[^"]*" (is invalid|is not allowed|has an invalid url ("(?:[^"\\]|\\.)*"|\S+)): /;

/**
 * How `<callout-credential>` declares its credential (see `Registration`): defined with the
 * element as owner — and, when the page's `<head>` declares allowed origins, only on those —
 * released when the element leaves, and a refusal blamed on the attribute it names. Once defined,
 * the page gets a preconnect hint for the credential's origin (see `preconnect`).
 */
export function credentialRegistration(
  element: RegistrationHost & CredentialAttributes,
  changed: () => void,
): RegistrationOptions<CredentialDeclaration, ResolvedCredential> {
  return {
    read() {
      const parsed = parseCredentialAttributes(element);
      if (parsed instanceof InvalidAttribute) return parsed;
      return { ...parsed, pageOrigins: pageAllowedOrigins() };
    },
    key: (declaration) => JSON.stringify(declaration),
    register(client, { name, definition, pageOrigins }) {
      const credential = client.credentials.define(name, definition, {
        owner: element,
        ...(pageOrigins
          ? {
              allowedOrigins: pageOrigins,
              allowedOriginsSource: `the page's <meta name="${allowedOriginsMetaName}">`,
            }
          : {}),
      });
      // The API's connection opens while the token is acquired (only once the client accepted it).
      preconnect(credential.url);
      return credential;
    },
    holds: (client, credential) => client.credentials.get(credential.name) === credential,
    unregister: (client, credential) =>
      client.credentials.get(credential.name) === credential &&
      client.credentials.release(credential.name, element),
    problemOf(error) {
      const message = error instanceof Error ? error.message : String(error);
      return new InvalidAttribute({
        ...attributeForOption(element, optionOf(error), 'url'),
        problem: message.replace(registryPrefix, ''),
      });
    },
    changed,
  };
}
