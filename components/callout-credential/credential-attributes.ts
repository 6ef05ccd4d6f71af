import type { CredentialDefinition } from '../../src/index.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';

/** The raw attributes of a `<callout-credential>` (the element itself has them all). */
export interface CredentialAttributes {
  name: string | null;
  url: string | null;
  provider: string | null;
  scopes: string | null;
  refreshOn: string | null;
  timeout: string | null;
}

/** A credential read from attributes: its name and definition, or the first invalid attribute. */
export type ParsedCredential = { name: string; definition: CredentialDefinition } | InvalidAttribute;

/**
 * Reads a credential from attributes, naming the attribute at fault: `scopes` and `refresh-on` are
 * lists separated by spaces or commas, `timeout` is milliseconds. What the registry checks when
 * the credential is defined — the name rule, the URL (absolute, https, no dot segments …), scope
 * details — is left to it (its error names the option, and so the attribute), so no rule and no
 * sentence is shipped twice.
 */
export function parseCredentialAttributes(attributes: CredentialAttributes): ParsedCredential {
  const fail = (attribute: string, value: string | null, problem: string) =>
    new InvalidAttribute({ attribute, value, problem });
  const name = attributes.name?.trim() ?? '';
  if (!name) return fail('name', attributes.name, 'it is required (the name used in callout:Name/path)');
  const url = attributes.url?.trim() ?? '';
  if (!url)
    return fail(
      'url',
      attributes.url,
      'it is required (the API base URL, such as https://api.contoso.com/v1/)',
    );
  const provider = attributes.provider?.trim() ?? '';
  if (!provider)
    return fail(
      'provider',
      attributes.provider,
      'it is required (the id of a <callout-msal> or another registered provider)',
    );
  const scopes = splitList(attributes.scopes);
  if (scopes.length === 0) {
    return fail('scopes', attributes.scopes, 'it needs at least one scope, such as api://orders/Orders.Read');
  }
  const definition: CredentialDefinition = { url, provider, scopes };
  if (attributes.refreshOn !== null) {
    const statuses = splitList(attributes.refreshOn).map(Number);
    if (statuses.length === 0 || statuses.some((s) => !Number.isInteger(s) || s < 400 || s > 599)) {
      return fail('refresh-on', attributes.refreshOn, 'it must list HTTP error statuses, such as "401 403"');
    }
    definition.refreshOn = statuses;
  }
  if (attributes.timeout !== null) {
    const timeout = Number(attributes.timeout);
    if (!(timeout > 0))
      return fail('timeout', attributes.timeout, 'it must be a positive number of milliseconds');
    definition.timeout = timeout;
  }
  return { name, definition };
}

function splitList(value: string | null): string[] {
  return (value ?? '').split(/[\s,]+/).filter((item) => item !== '');
}
