/**
 * (5) Bundle size: every bundle built the same way (esbuild, minified, gzip -9), ours against
 * their targets and CI limits, beside the libraries users would pick instead. No browser.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { kB } from '../lib/table.mjs';
import { bundle, root } from '../size/bundle.mjs';
import { others, ours } from '../size/entries.mjs';

/** @param {string} name */
async function versionOf(name) {
  try {
    const json = JSON.parse(await readFile(resolve(root, 'node_modules', name, 'package.json'), 'utf8'));
    return String(json.version);
  } catch {
    return undefined;
  }
}

/**
 * The limits CI enforces, by entry id (the folder in each .size-limit.json path), in bytes.
 * @returns {Promise<Map<string, number>>}
 */
async function readLimits() {
  /** @type {{ path: string, limit: string }[]} */
  const checks = JSON.parse(await readFile(resolve(root, '.size-limit.json'), 'utf8'));
  const limits = new Map();
  for (const check of checks) {
    const id = /sso-callout-size\/([^/]+)\//.exec(check.path)?.[1];
    const kilobytes = Number.parseFloat(check.limit);
    if (id && check.limit.trim().endsWith('kB')) limits.set(id, Math.round(kilobytes * 1000));
  }
  return limits;
}

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'size',
  title: '(5) Bundle size, min+gzip (esbuild -9)',
  target: 'core ≤ 8 kB, MSAL adapter ≤ 3 kB, define page ≤ 16 kB, everything ≤ 110 kB',
  browser: false,
  async run() {
    /** @type {(string | number)[][]} */
    const rows = [];
    /** @type {string[]} */
    const notes = [];
    /** @type {Record<string, unknown>} */
    const data = {};
    const limits = await readLimits();
    for (const entry of [...ours, ...others]) {
      const version = entry.package ? await versionOf(entry.package) : undefined;
      const label = version ? `${entry.label} ${version}` : entry.label;
      try {
        const { minified, gzip, chunks } = await bundle(entry);
        for (const chunk of chunks.filter((c) => !c.counted)) {
          notes.push(
            `${entry.label}: not counted, the ${chunk.name} (${kB(chunk.gzip)} min+gzip), which ${entry.count === 'page' ? 'only some pages load (see the entry)' : 'loads on demand'}.`,
          );
        }
        const limit = limits.get(entry.id);
        data[entry.id] = {
          minified,
          gzip,
          ...(entry.target ? { target: entry.target } : {}),
          ...(limit ? { limit } : {}),
          ...(version ? { version } : {}),
        };
        const target = entry.target ? kB(entry.target) : '—';
        const verdict = entry.target
          ? gzip <= entry.target
            ? 'yes'
            : `no (+${kB(gzip - entry.target)})`
          : '—';
        rows.push([label, kB(minified), kB(gzip), target, verdict, limit ? kB(limit) : '—']);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        data[entry.id] = { notMeasured: reason };
        rows.push([label, `not measured: ${reason}`, '', '', '']);
        notes.push(`${entry.label} was not measured: ${reason}`);
      }
    }
    notes.push(
      '"w/o X" means X is left external (loaded once by the page and shared); the adapter row also leaves out the core it imports.',
      'Bundles are split as an app bundler splits them: a row counts what the page loads up front; "everything" also counts the lazy chunks that page loads (the MSAL adapter and MSAL), not <callout-login>, <callout-log> (loaded only where used) or the Lightning Web Security adaptations (only inside Salesforce). Each chunk is gzipped on its own, as it is downloaded: splitting costs bytes, since a chunk shares no compression dictionary with the others.',
      'Alternatives are measured as their whole public API (`export * from`), MGT as the four pieces a page needs.',
      '`npm run size` (part of `npm test`) fails when one of ours grows past its CI limit: size-limit on the same bundles, with the limits of .size-limit.json.',
    );
    return {
      columns: ['bundle', 'min', 'min+gzip', 'target', 'within target', 'CI limit'],
      rows,
      notes,
      data,
    };
  },
};
