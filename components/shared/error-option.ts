import type { LitElement } from 'lit';
import { isCalloutError } from '../../src/index.js';

/**
 * What `msalProvider`'s configuration errors say, for as long as they do not carry `option`: a
 * pattern of the message and the option it names. The only place components read messages.
 */
const msalOptionsInMessages: readonly (readonly [RegExp, string])[] = [
  [/^msalProvider .*\bclientId\b/, 'clientId'],
  [/^msalProvider redirectUri\b/, 'redirectUri'],
  [/^msalProvider authority\b/, 'authority'],
  [/^msalProvider .*\btenant\b/, 'tenant'],
  [/^msalProvider .*\bloginHint\b/, 'loginHint'],
  [/^msalProvider .*\bcache\b/, 'cache'],
];

/**
 * The option a configuration error blames — a credential's field (`url`, `scopes`, `refreshOn` …),
 * a provider's `name`, or an `msalProvider` option (`clientId`, `authority` …) — or `undefined`
 * when it names none: the error's `option`. `msalProvider`'s own configuration errors do not set
 * it yet and are recognised by their message; once they do, this body becomes
 * `return isCalloutError(error) ? error.option : undefined`.
 */
export function optionOf(error: unknown): string | undefined {
  if (!isCalloutError(error)) return undefined;
  if (error.option !== undefined) return error.option;
  return msalOptionsInMessages.find(([pattern]) => pattern.test(error.message))?.[1];
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
