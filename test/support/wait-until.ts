import { waitUntil as waitUntilWithin } from '@open-wc/testing';

/**
 * `@open-wc/testing`'s `waitUntil`, bounded at ten seconds instead of one unless `options` say
 * otherwise. Tests wait for a token, a round trip to an emulator or a message between tabs, which a
 * loaded two-core machine can take more than a second to deliver. The bound only decides when a
 * wait that never ends is reported; no test asserts how long anything took.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilWithin(predicate, message, { timeout: 10_000, ...options });
}
