import type { Callout, CalloutEventName } from '../../src/index.js';
import { findSecret } from './find-secret.js';

/** Every event a client fires: a record, so the compiler names any event added later. */
const everyEvent: Record<CalloutEventName, true> = {
  token: true,
  request: true,
  response: true,
  retry: true,
  error: true,
  abort: true,
  'interaction-required': true,
  account: true,
};
const eventNames = Object.keys(everyEvent) as CalloutEventName[];

/** Records the name and detail of every event `callout` fires from now on, in order. */
export function recordEvents(callout: Callout): [CalloutEventName, unknown][] {
  const events: [CalloutEventName, unknown][] = [];
  for (const name of eventNames) callout.events.addEventListener(name, (e) => events.push([name, e.detail]));
  return events;
}

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
