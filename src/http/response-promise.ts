import type { KyResponse, ResponsePromise } from 'ky';

const bodyMethods = ['json', 'text', 'formData', 'arrayBuffer', 'blob', 'bytes'] as const;

/**
 * Wraps ky's `ResponsePromise` so every rejection — of the response or of a body method such as
 * `.json()` — goes through `mapError` (which turns it into a `CalloutError`). The outer promise is
 * marked handled, so calling only `.json()` never leaves an unhandled rejection behind.
 */
export function mapResponsePromise(
  inner: ResponsePromise,
  mapError: (error: unknown) => never,
): ResponsePromise {
  const outer = inner.then((response) => response, mapError) as ResponsePromise;
  outer.catch(() => {});
  const source = inner as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>;
  const target = outer as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of bodyMethods) {
    const original = source[method];
    if (typeof original === 'function') {
      target[method] = (...args: unknown[]) => original.apply(inner, args).catch(mapError);
    }
  }
  return outer;
}

/** A `ResponsePromise` that is already rejected with `error` (for requests refused before sending). */
export function rejectedResponsePromise(error: unknown): ResponsePromise {
  const rejected = Promise.reject(error) as Promise<KyResponse>;
  rejected.catch(() => {});
  const promise = rejected as ResponsePromise;
  const target = promise as unknown as Record<string, () => Promise<never>>;
  for (const method of bodyMethods) target[method] = () => Promise.reject(error);
  return promise;
}
