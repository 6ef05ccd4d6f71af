import {
  getCurrentScope,
  type MaybeRefOrGetter,
  onScopeDispose,
  type ShallowRef,
  shallowRef,
  toValue,
  watch,
} from 'vue';
import type { CalloutError } from '../../src/index.js';
import { CalloutQuery, type CalloutQueryInput, parseResponse, requestKey } from '../shared/callout-query.js';

/** Options of {@link useCallout}: everything but the URL. */
export type UseCalloutOptions<T> = Omit<CalloutQueryInput<T>, 'url'>;

/** What {@link useCallout} returns: read-only refs of the state, and `refresh` to run again now. */
export interface UseCalloutReturn<T> {
  /** The last result's data; kept while a new run is in flight, `undefined` after an error. */
  data: Readonly<ShallowRef<T | undefined>>;
  /** The last run's error (a `CalloutError`), or `undefined`. */
  error: Readonly<ShallowRef<CalloutError | undefined>>;
  /** Whether a run is in flight. */
  loading: Readonly<ShallowRef<boolean>>;
  /** The last result's HTTP status. */
  status: Readonly<ShallowRef<number | undefined>>;
  /** Runs the callout now (writes included), aborting one in flight; resolves when it settled, never rejects. */
  refresh(): Promise<void>;
}

/**
 * Vue's `@wire`: a composable that calls `url` (`callout:Name/path`, or an absolute URL) through
 * the page's default client (or `options.callout`) and returns refs `{ data, error, loading,
 * status }` and `refresh`. `url` and `options` may be refs or getters.
 *
 * Timing and behaviour (as `useCallout` of `sso-callout/react`):
 * - GET and HEAD run at once (in a microtask) and again when `url`, `method`, `json` or `headers`
 *   change by value, or when the client or `auto` changes; other methods (writes) run only on
 *   `refresh()`. An empty `url` (or `auto: false`) runs nothing.
 * - Each run has its own `AbortController`: a new run, a URL change or disposing the scope (the
 *   component unmounting) aborts the one in flight and drops its late result. Aborting is not an
 *   error (the client fires `abort`, not `error`).
 * - It runs again when the credential is defined (a `<callout-credential>` in the same template
 *   registers after `setup()`), its provider is registered, the default client is replaced, or,
 *   after an error a sign-in fixes, anyone signs in with its provider.
 *
 * Call it in `setup()` (or inside an `effectScope`): it stops with that scope.
 *
 * @example
 * ```ts
 * const { data, error, loading, refresh } = useCallout<Order[]>(() => `callout:Orders/orders?status=${status.value}`);
 * ```
 */
export function useCallout<T = unknown>(
  url: MaybeRefOrGetter<string | null | undefined>,
  options: MaybeRefOrGetter<UseCalloutOptions<T>> = {},
): UseCalloutReturn<T> {
  const query = new CalloutQuery<T>({ url: toValue(url), ...toValue(options) });
  const data = shallowRef<T | undefined>(query.state.data);
  const error = shallowRef<CalloutError | undefined>(query.state.error);
  const loading = shallowRef(query.state.loading);
  const status = shallowRef<number | undefined>(query.state.status);
  const stopListening = query.subscribe(() => {
    ({ data: data.value, error: error.value, loading: loading.value, status: status.value } = query.state);
  });
  let stopQuery = () => {};
  const stopWatching = watch(
    [
      () => requestKey({ url: toValue(url), ...toValue(options) }),
      () => toValue(options).callout,
      () => toValue(options).auto,
    ],
    () => {
      stopQuery();
      stopQuery = query.start({
        ...toValue(options),
        url: toValue(url),
        parse: (response) => (toValue(options).parse ?? parseResponse)(response) as Promise<T>,
      });
    },
    { immediate: true },
  );
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stopWatching();
      stopQuery();
      stopListening();
    });
  }
  return { data, error, loading, status, refresh: query.refresh };
}
