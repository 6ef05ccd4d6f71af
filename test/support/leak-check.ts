import type { Callout, CalloutEventName } from '../../src/index.js';
import { findSecret } from './find-secret.js';

const eventNames: CalloutEventName[] = [
  'token',
  'request',
  'response',
  'retry',
  'error',
  'interaction-required',
  'account',
];

/** Records the detail of every event `callout` fires from now on (what a listener could keep). */
export function recordEventDetails(callout: Callout): unknown[] {
  const details: unknown[] = [];
  for (const name of eventNames) callout.events.addEventListener(name, (e) => details.push(e.detail));
  return details;
}

/**
 * Every place in `error` and the event `details` where one of `secrets` (tokens a server issued
 * or a request carried) is found, as `findSecret` paths; `[]` when none is reachable.
 */
export function leaksOf(error: unknown, details: unknown[], secrets: readonly string[]): string[] {
  return secrets.flatMap((secret, n) => [
    ...findSecret(error, secret, `error(token ${n})`),
    ...findSecret(details, secret, `events(token ${n})`),
  ]);
}

/** Every path from each of `roots` (named by its key) to one of `secrets`, as `findSecret` paths. */
export function secretPaths(secrets: readonly string[], roots: Record<string, unknown>): string[] {
  return secrets.flatMap((secret) =>
    Object.entries(roots).flatMap(([name, root]) => findSecret(root, secret, name)),
  );
}
