import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  CalloutQuery,
  type CalloutQueryInput,
  type CalloutQueryState,
  parseResponse,
  requestKey,
} from '../shared/callout-query.js';

/** Options of {@link useCallout}: everything but the URL. */
export type UseCalloutOptions<T> = Omit<CalloutQueryInput<T>, 'url'>;

/** What {@link useCallout} returns: the state, and `refresh` to run again now. */
export interface UseCalloutResult<T> extends CalloutQueryState<T> {
  /** Runs the callout now (writes included), aborting one in flight; resolves when it settled, never rejects. */
  refresh(): Promise<void>;
}

/**
 * React's `@wire`: calls `url` (`callout:Name/path`, or an absolute URL) through the page's
 * default client (or `options.callout`) and returns `{ data, error, loading, status, refresh }`.
 *
 * Timing and behaviour:
 * - GET and HEAD run after the component mounts, and again when `url`, `method`, `json` or
 *   `headers` change (compared by value, so a new but equal object does not re-run), or when the
 *   client, `auto` changes. Other methods (writes) run only on `refresh()`, e.g. from a click.
 *   `url` empty, `null` or `undefined` (or `auto: false`): nothing runs.
 * - Each run has its own `AbortController`: a new run, a change of URL or unmounting aborts the
 *   one in flight, and its late result is dropped, never shown. Aborting is not an error (the
 *   client fires `abort`, not `error`). Under StrictMode the first, immediately undone effect
 *   sends nothing: a mount costs one request.
 * - While a new run is in flight, `data` keeps the previous result and `loading` is true; after
 *   an error `data` is `undefined` and `error` is a `CalloutError` (`describeError` or
 *   `error.hint` say what to change).
 * - It runs again by itself when the credential is defined (a `<callout-credential>` rendered in
 *   the same tree registers after the first effect), its provider is registered, the default
 *   client is replaced, or — after an error a sign-in fixes — anyone signs in with its provider.
 * - `parse` (default: JSON, text, or `null` for an empty body) is read at each run, so an inline
 *   function is fine.
 *
 * @example
 * ```tsx
 * function Orders() {
 *   const { data, error, loading, refresh } = useCallout<Order[]>('callout:Orders/orders?status=open');
 *   if (error) return <p>{error.message} <button onClick={refresh}>Retry</button></p>;
 *   if (loading && !data) return <p>Loading…</p>;
 *   return <ul>{data?.map((o) => <li key={o.id}>{o.sku}</li>)}</ul>;
 * }
 * ```
 */
export function useCallout<T = unknown>(
  url: string | null | undefined,
  options: UseCalloutOptions<T> = {},
): UseCalloutResult<T> {
  const [query] = useState(() => new CalloutQuery<T>({ url, ...options }));
  const state = useSyncExternalStore(
    query.subscribe,
    () => query.state,
    () => query.state,
  );
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const key = requestKey({ url, ...options });
  const { callout, auto } = options;
  // `key` stands for url, method, json and headers by value; the rest is read from `latest`.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run on the request's value, not on each render's new objects.
  useEffect(
    () =>
      query.start({
        ...latest.current,
        url,
        parse: (response) => (latest.current.parse ?? parseResponse)(response) as Promise<T>,
      }),
    [query, key, callout, auto],
  );
  return useMemo(() => ({ ...state, refresh: query.refresh }), [state, query]);
}
