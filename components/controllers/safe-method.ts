/** The methods that only read: the only ones a controller or element sends by itself. */
const safeMethods: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * Whether `method` (any case; empty means GET) only reads, so it may run without being asked:
 * GET and HEAD. Everything else writes, and runs only on `refresh()` — from script or a click.
 */
export function isSafeMethod(method: string | undefined): boolean {
  return safeMethods.has((method || 'GET').toUpperCase());
}
