import { type CalloutError, isCalloutError } from '../../src/index.js';

/** Awaits `promise`, which must reject with a `CalloutError`, and returns that error. */
export async function expectFailure(promise: Promise<unknown>): Promise<CalloutError> {
  try {
    await promise;
  } catch (error) {
    if (isCalloutError(error)) return error;
    throw error;
  }
  throw new Error('expected the callout to fail');
}
