/**
 * `{ [key]: value }`, or `{}` when `value` is `undefined`: spread it to set an optional property
 * only when there is a value (`exactOptionalPropertyTypes`), in one short call.
 */
export function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
