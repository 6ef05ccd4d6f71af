/**
 * Registers `elementClass` as `name` unless that name is already taken, so loading the `define`
 * entry twice (two bundles on one page) never throws. Returns whether this call registered it.
 */
export function defineElement(name: string, elementClass: CustomElementConstructor): boolean {
  if (customElements.get(name)) return false;
  customElements.define(name, elementClass);
  return true;
}
