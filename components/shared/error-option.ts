import type { LitElement } from 'lit';
import { CalloutErrorCode, isCalloutError } from '../../src/index.js';

/**
 * What the core's configuration errors say today, for errors that do not carry `option` yet: a
 * pattern of the message and the option it names. The only place components read messages.
 */
const optionsInMessages: readonly (readonly [RegExp, string])[] = [
  [/^Credential "[^"]*" cannot be redefined: it is already defined with another "(\w+)"/, '$1'],
  [/^Credential "[^"]*" (?:has an invalid url|is not allowed: its origin)/, 'url'],
  [/^Credential "[^"]*" is invalid: (?:"scopes"|scope )/, 'scopes'],
  [/^Credential "[^"]*" is invalid: "refreshOn"/, 'refreshOn'],
  [/^Credential "[^"]*" is invalid: "timeout"/, 'timeout'],
  [/^Credential "[^"]*" is invalid: "provider"/, 'provider'],
  [/^Credential "[^"]*" is invalid: its name/, 'name'],
  [/^msalProvider .*\bclientId\b/, 'clientId'],
  [/^msalProvider redirectUri\b/, 'redirectUri'],
  [/^msalProvider authority\b/, 'authority'],
  [/^msalProvider .*\btenant\b/, 'tenant'],
  [/^msalProvider .*\bloginHint\b/, 'loginHint'],
  [/^msalProvider .*\bcache\b/, 'cache'],
];

/**
 * The option a configuration error blames — a credential's field (`url`, `scopes`, `refreshOn` …)
 * or an `msalProvider` option (`clientId`, `authority` …) — or `undefined` when it names none.
 *
 * Errors that carry the structured `option` field are read from it. Until the core sets it on
 * every configuration error, the others are recognised by their message here; once it does, this
 * function's body becomes `return isCalloutError(error) ? error.option : undefined`.
 */
export function optionOf(error: unknown): string | undefined {
  if (!isCalloutError(error)) return undefined;
  const option: unknown = (error as { option?: unknown }).option;
  if (typeof option === 'string') return option;
  if (error.code === CalloutErrorCode.providerConflict) return 'name';
  for (const [pattern, named] of optionsInMessages) {
    const match = pattern.exec(error.message);
    if (match) return named === '$1' ? match[1] : named;
  }
  return undefined;
}

/** The attribute (and its current value) of `element` that a configuration error blames. */
export interface BlamedAttribute {
  attribute: string;
  value: string | null;
}

/**
 * The attribute of `element` that sets `option` (`refreshOn` → `refresh-on`, `clientId` →
 * `client-id`), or `fallback` when the element has no such attribute, with the value the element
 * holds for it (its property, else the attribute).
 */
export function attributeForOption(
  element: LitElement,
  option: string | undefined,
  fallback: string,
): BlamedAttribute {
  const named = option?.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  const observed = (element.constructor as typeof LitElement).observedAttributes;
  const attribute = named !== undefined && observed.includes(named) ? named : fallback;
  const property = attribute.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
  const value: unknown = (element as unknown as Record<string, unknown>)[property];
  return { attribute, value: typeof value === 'string' ? value : element.getAttribute(attribute) };
}
