import type { LitElement } from 'lit';
import { isCalloutError } from '../../src/index.js';

/**
 * The option a configuration error blames — a credential's field (`url`, `scopes`, `refreshOn` …),
 * a provider's `name`, or an `msalProvider` option (`clientId`, `authority` …) — or `undefined`
 * when it names none: the error's `option`. No message is read.
 */
export function optionOf(error: unknown): string | undefined {
  return isCalloutError(error) ? error.option : undefined;
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
