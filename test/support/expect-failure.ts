import { expect } from '@open-wc/testing';
import { type CalloutError, isCalloutError } from '../../src/index.js';

/** Awaits `promise`, which must reject with a `CalloutError`, and returns that error. */
export async function expectFailure(promise: Promise<unknown>): Promise<CalloutError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    if (isCalloutError(error)) return error;
    throw error;
  }
  throw new Error(`expected the attempt to fail, but it resolved with ${JSON.stringify(value)}`);
}

/** Runs `fn`, which must throw a `CalloutError` synchronously, and returns that error. */
export function expectThrown(fn: () => unknown): CalloutError {
  try {
    fn();
  } catch (error) {
    if (isCalloutError(error)) return error;
    throw error;
  }
  throw new Error('expected a CalloutError to be thrown');
}

/**
 * Awaits `promise`, which must reject, and returns what it rejected with, whatever it is (an
 * error of another realm, where `isCalloutError` and `instanceof` do not hold, included).
 */
export async function expectRejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, but it resolved with ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}
