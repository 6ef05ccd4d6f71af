/**
 * Logs `message` with `console.error` unless it is in `logged` already, so an element that
 * re-checks its attributes on every update reports each problem once.
 */
export function logOnce(logged: Set<string>, message: string): void {
  if (logged.has(message)) return;
  logged.add(message);
  console.error(message);
}
