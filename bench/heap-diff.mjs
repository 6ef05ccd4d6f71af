/**
 * Tells a leak from warm-up for measure (6): takes CDP heap snapshots after 250, 500 and 1,000
 * mount/unmount cycles of `<callout-get>` (after the same 50 warm-up cycles) and prints, per
 * constructor, how many objects survived garbage collection at each point. A leak grows with the
 * cycles; warm-up (compiled code, feedback vectors, caches filled once) stops growing.
 *
 *   node bench/heap-diff.mjs
 */
import { callBench, launchBrowser, openPage } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

/** @param {import('playwright-core').CDPSession} cdp */
async function heapSnapshot(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  let json = '';
  /** @param {{ chunk: string }} event */
  const onChunk = (event) => {
    json += event.chunk;
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(json);
  const {
    node_fields: fields,
    node_types: [types],
  } = snapshot.snapshot.meta;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  /** @type {Map<string, { count: number, bytes: number }>} */
  const byName = new Map();
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]];
    const name =
      type === 'object' || type === 'closure' || type === 'native'
        ? `${type === 'native' ? '(native) ' : ''}${snapshot.strings[snapshot.nodes[i + nameAt]]}`
        : `(${type})`;
    const size = snapshot.nodes[i + sizeAt];
    total += size;
    const entry = byName.get(name) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += size;
    byName.set(name, entry);
  }
  return { total, byName };
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await openPage(context, server.url, '/memory.html');
  const cdp = await context.newCDPSession(page);
  await callBench(page, 'cycles', { count: 50 });
  const points = [250, 500, 1000];
  const snaps = [];
  let done = 0;
  for (const point of points) {
    await callBench(page, 'cycles', { count: point - done }, 300_000);
    done = point;
    snaps.push(await heapSnapshot(cdp));
  }
  console.log(
    `snapshot totals: ${snaps.map((s, i) => `${points[i]} cycles ${(s.total / 1000).toFixed(0)} kB`).join(', ')}`,
  );
  const names = new Set(snaps.flatMap((s) => [...s.byName.keys()]));
  const rows = [...names]
    .map((name) => {
      const [a, b, c] = snaps.map((s) => s.byName.get(name) ?? { count: 0, bytes: 0 });
      return { name, counts: [a.count, b.count, c.count], grow: c.bytes - a.bytes };
    })
    .filter((r) => r.counts[2] !== r.counts[0])
    .sort((x, y) => Math.abs(y.grow) - Math.abs(x.grow))
    .slice(0, 25);
  console.log('constructor | objects at 250 / 500 / 1000 cycles | bytes 250→1000');
  for (const r of rows)
    console.log(`${r.name.slice(0, 60)} | ${r.counts.join(' / ')} | ${r.grow >= 0 ? '+' : ''}${r.grow}`);
  await cdp.detach();
} finally {
  await browser.close();
  await server.close();
}
