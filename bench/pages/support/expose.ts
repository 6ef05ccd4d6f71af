/** What a benchmark page offers the runner: named async functions taking and returning JSON. */
export type BenchApi = Record<string, (params: never) => Promise<unknown>>;

interface BenchGlobal {
  bench?: BenchApi;
  benchReady?: boolean;
}

/** Publishes `api` as `globalThis.bench` and tells the runner the page is ready. */
export function expose(api: BenchApi): void {
  const slot = globalThis as BenchGlobal;
  slot.bench = api;
  slot.benchReady = true;
}
