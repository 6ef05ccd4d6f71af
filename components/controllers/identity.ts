/**
 * Numbers that stand for objects, kept in a module-private WeakMap: a value that must be compared
 * by identity (a client, a provider) but must not be stored where other code can read it.
 */
const identities = new WeakMap<object, number>();
let lastIdentity = 0;

/** A number that stands for `value` (the same number for the same object), 0 for none. */
export function identityOf(value: object | undefined): number {
  if (value === undefined) return 0;
  let id = identities.get(value);
  if (id === undefined) {
    id = ++lastIdentity;
    identities.set(value, id);
  }
  return id;
}
