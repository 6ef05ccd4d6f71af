/**
 * `npm run bench [-- --only size,refresh] [-- --quick]`: runs the benchmarks of issue 7, prints
 * one Markdown section per measure and writes bench/results.json (measures not run this time keep
 * their previous results). Benchmarks measure; they never fail on a time. A measure that cannot
 * run is reported as "not measured: <reason>" and the others still run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from './lib/args.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { describeMachine, machineLine } from './lib/machine.mjs';
import { startServer } from './lib/server.mjs';
import { renderMeasure } from './lib/table.mjs';
import acquisitions from './measures/acquisitions.mjs';
import memory from './measures/memory.mjs';
import overhead from './measures/overhead.mjs';
import refresh from './measures/refresh.mjs';
import size from './measures/size.mjs';
import tabs from './measures/tabs.mjs';
import ttfd from './measures/ttfd.mjs';
import { root } from './size/bundle.mjs';

/**
 * @typedef {object} MeasureContext
 * @property {import('playwright-core').BrowserContext} context a fresh browser context
 * @property {import('./lib/server.mjs').BenchServer} server
 * @property {boolean} quick small counts
 */

/**
 * @typedef {object} Measure
 * @property {string} id
 * @property {string} title
 * @property {string} target
 * @property {boolean} browser whether it needs Chromium
 * @property {(ctx: MeasureContext) => Promise<Omit<import('./lib/table.mjs').MeasureResult, 'id' | 'title' | 'target'>>} run
 */

/** @type {Measure[]} In the order they are printed. */
const measures = [acquisitions, refresh, tabs, overhead, size, memory, ttfd];

const resultsPath = resolve(root, 'bench/results.json');

async function main() {
  const args = parseArgs(
    process.argv.slice(2),
    measures.map((m) => m.id),
  );
  const selected = measures.filter((m) => !args.only || args.only.includes(m.id));
  const server = await startServer();
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {import('./lib/table.mjs').MeasureResult[]} */
  const results = [];
  try {
    if (selected.some((m) => m.browser)) browser = await launchBrowser();
    for (const measure of selected) {
      const started = Date.now();
      process.stderr.write(`bench: ${measure.id}…\n`);
      const context = browser ? await browser.newContext() : /** @type {never} */ (undefined);
      try {
        const result = await measure.run({ context, server, quick: args.quick });
        results.push({ id: measure.id, title: measure.title, target: measure.target, ...result });
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        results.push({
          id: measure.id,
          title: measure.title,
          target: measure.target,
          columns: ['result'],
          rows: [[`not measured: ${reason}`]],
          notes: [],
          data: { notMeasured: reason },
        });
      } finally {
        await context?.close().catch(() => {});
      }
      process.stderr.write(`bench: ${measure.id} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    // A measure that launches its own Chromium (ttfd) reports its version.
    const version = browser?.version() ?? results.find((r) => r.browserVersion)?.browserVersion;
    await browser?.close().catch(() => {});
    await server.close();
    const machine = describeMachine(version);
    const sections = results.map(renderMeasure).join('\n\n');
    console.log(
      `## Benchmarks${args.quick ? ' (quick run: small counts)' : ''}\n\n${machineLine(machine)}\n\n${sections}`,
    );
    await writeResults(machine, results, args.quick);
  }
}

/**
 * Merges this run into bench/results.json, keyed by measure id.
 * @param {ReturnType<typeof describeMachine>} machine
 * @param {import('./lib/table.mjs').MeasureResult[]} results
 * @param {boolean} quick
 */
async function writeResults(machine, results, quick) {
  /** @type {{ measures?: Record<string, unknown> }} */
  let previous = {};
  try {
    previous = JSON.parse(await readFile(resultsPath, 'utf8'));
  } catch {
    // First run.
  }
  const merged = { ...(previous.measures ?? {}) };
  for (const result of results) merged[result.id] = { ...result, machine, quick };
  await writeFile(resultsPath, `${JSON.stringify({ updated: machine.date, measures: merged }, null, 2)}\n`);
}

await main();
