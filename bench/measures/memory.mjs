/**
 * (6) Memory: listeners left on the client and JS heap after 1,000 mount/unmount cycles of
 * `<callout-get>`, read over CDP after forced garbage collection, in steps to show the trend.
 */
import { callBench, openPage } from '../lib/browser.mjs';

/**
 * Collects garbage and reads the heap, the page's listener and node counts, and the listeners
 * on the client's event bus.
 * @param {import('playwright-core').CDPSession} cdp
 */
async function snapshot(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'globalThis.benchEvents' });
  const { listeners } = result.objectId
    ? await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })
    : { listeners: [] };
  if (result.objectId) await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  return {
    heapUsedBytes: metric('JSHeapUsedSize'),
    pageListeners: metric('JSEventListeners'),
    nodes: metric('Nodes'),
    clientListeners: listeners.length,
  };
}

/** @typedef {Awaited<ReturnType<typeof snapshot>>} Snapshot */

/**
 * One row of the table: after `label`, `ok` cycles with data so far, what `now` counted, the
 * credential subscriptions left and the heap compared with the warm-up (`delta`, text).
 * @param {string} label
 * @param {number} ok
 * @param {Snapshot} now
 * @param {number} subscriptions
 * @param {string} delta
 */
const row = (label, ok, now, subscriptions, delta) => [
  label,
  ok,
  now.clientListeners,
  subscriptions,
  now.pageListeners,
  kB(now.heapUsedBytes),
  delta,
];

/**
 * Runs `total` mount/unmount cycles on `page` in steps of `step`, with a snapshot after each
 * step: one table row and one data entry per step, after the warm-up's (`base`).
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').CDPSession} cdp
 * @param {Snapshot} base
 * @param {number} total
 * @param {number} step
 */
async function cycleInSteps(page, cdp, base, total, step) {
  /** @type {(string | number)[][]} */
  const rows = [row('after 50 warm-up cycles', 0, base, 0, '—')];
  /** @type {unknown[]} */
  const steps = [{ cycles: 0, ...base }];
  let done = 0;
  let ok = 0;
  while (done < total) {
    const result = /** @type {{ ok: number, credentialSubscriptions: number }} */ (
      await callBench(page, 'cycles', { count: step }, 120_000)
    );
    done += step;
    ok += result.ok;
    const now = await snapshot(cdp);
    steps.push({ cycles: done, ...now, credentialSubscriptions: result.credentialSubscriptions });
    const delta = now.heapUsedBytes - base.heapUsedBytes;
    rows.push(
      row(`+${done} cycles`, ok, now, result.credentialSubscriptions, `${delta >= 0 ? '+' : ''}${kB(delta)}`),
    );
  }
  return { rows, steps };
}

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'memory',
  title: '(6) Memory after mount/unmount cycles of <callout-get>',
  target: '0 listeners left on the client, flat heap',
  browser: true,
  async run({ context, server, quick }) {
    const total = quick ? 200 : 1_000;
    const page = await openPage(context, server.url, '/memory.html');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await callBench(page, 'cycles', { count: 50 }); // warm-up: code, styles, caches
    const base = await snapshot(cdp);
    const { rows, steps } = await cycleInSteps(page, cdp, base, total, total / 4);
    await cdp.detach();
    await page.close();
    return {
      columns: [
        'after',
        'cycles with data',
        'listeners on client.events',
        'credential subscriptions',
        'JS listeners in page',
        'JS heap used',
        'heap vs warm-up',
      ],
      rows,
      notes: [
        'Each cycle mounts one <callout-get> on the default client, waits for its data from the loopback API (cached token), and removes it.',
        'Heap and page listeners from CDP Performance.getMetrics after HeapProfiler.collectGarbage ×3; client listeners from CDP DOMDebugger.getEventListeners on callout.events; credential subscriptions counted by wrapping credentials.subscribe.',
      ],
      data: { total, steps },
    };
  },
};

/** @param {number} bytes */
const kB = (bytes) => `${(bytes / 1000).toFixed(0)} kB`;
