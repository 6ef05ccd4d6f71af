/**
 * (4) Per-call overhead with a cached token: median and p95 latency of callout() vs raw fetch vs
 * plain ky against the loopback bench server, interleaved in one page.
 */
import { callBench, openPage } from '../lib/browser.mjs';
import { ms } from '../lib/table.mjs';

/** @typedef {{ n: number, median: number, p95: number, mean: number, min: number }} Summary */

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'overhead',
  title: '(4) Per-call overhead with a cached token (loopback HTTP)',
  target: 'callout() median ≤ 1.05× raw fetch median',
  browser: true,
  async run({ context, server, quick }) {
    const calls = quick ? 200 : 2_000;
    const warmup = quick ? 20 : 200;
    const page = await openPage(context, server.url, '/overhead.html');
    const { crossOriginIsolated, results } =
      /** @type {{ crossOriginIsolated: boolean, results: Record<string, Summary> }} */ (
        await callBench(page, 'measure', { calls, warmup }, 300_000)
      );
    await page.close();
    const labels = {
      fetch: 'raw fetch',
      ky: 'plain ky',
      callout: 'ours: callout()',
      memoryFetch: 'in-memory fetch (no network): raw fetch',
      memoryKy: 'in-memory fetch: plain ky',
      memoryCallout: 'in-memory fetch: ours',
    };
    const rows = Object.entries(labels).map(([id, label]) => {
      const r = results[id];
      // Each group is compared with its own raw fetch.
      const base = id.startsWith('memory') ? results.memoryFetch : results.fetch;
      if (!r || !base) return [label, 'not measured', '', '', '', ''];
      return [
        label,
        r.n,
        ms(r.median),
        ms(r.p95),
        `${(r.median / base.median).toFixed(2)}×`,
        `+${((r.median - base.median) * 1000).toFixed(0)} µs`,
      ];
    });
    return {
      columns: ['client', 'calls', 'median', 'p95', 'median vs fetch', 'median overhead'],
      rows,
      notes: [
        `${warmup} warm-up rounds, then ${calls} rounds of one call per client in rotating order; every call sends the same bearer token and reads the JSON body.`,
        'The in-memory rows answer from a fetch that resolves at once: the difference is the JavaScript each client runs per call, which the loopback rows partly hide behind network time.',
        `Timer resolution: ${crossOriginIsolated ? 'cross-origin isolated page (5 µs)' : 'not isolated (100 µs)'}; the loopback server runs in the same Node process as the runner.`,
      ],
      data: { calls, warmup, crossOriginIsolated, results },
    };
  },
};
