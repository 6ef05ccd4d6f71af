/**
 * An attribute value an element could not use. Elements keep it instead of throwing from
 * `attributeChangedCallback`, show it as a configuration error, and log it once with
 * `console.error` naming the element and the attribute.
 */
export class InvalidAttribute {
  readonly attribute: string;
  readonly value: string | null;
  readonly problem: string;

  constructor(init: { attribute: string; value: string | null; problem: string }) {
    this.attribute = init.attribute;
    this.value = init.value;
    this.problem = init.problem;
  }

  /** One sentence naming the element, the attribute and what is wrong. */
  describe(tagName: string): string {
    return `<${tagName.toLowerCase()}> attribute "${this.attribute}" is invalid: ${this.problem}`;
  }
}

/** A Lit attribute converter for a JSON attribute: invalid JSON becomes an {@link InvalidAttribute}. */
export function jsonAttribute(attribute: string): { fromAttribute: (value: string | null) => unknown } {
  return {
    fromAttribute(value) {
      if (value === null) return undefined;
      try {
        return JSON.parse(value) as unknown;
      } catch (error) {
        return new InvalidAttribute({
          attribute,
          value,
          problem: `it must be JSON (${error instanceof Error ? error.message : String(error)})`,
        });
      }
    },
  };
}
