/**
 * `npm run size` step 1: writes the chunks each of our entries counts (bench/size/entries.mjs,
 * same esbuild settings as the benchmark) to node_modules/.cache/sso-callout-size/<id>/, where
 * .size-limit.json checks their sum with @size-limit/file (gzip). Bytes are deterministic, so
 * size-limit may fail the build.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundle, root } from './bundle.mjs';
import { ours } from './entries.mjs';

/** Where the bundles go (ignored by git with the rest of node_modules). */
export const outDir = resolve(root, 'node_modules/.cache/sso-callout-size');

await rm(outDir, { recursive: true, force: true });
for (const entry of ours) {
  const { gzip, chunks } = await bundle(entry);
  // One folder per entry holding the chunks it counts: .size-limit.json sums `<id>/*.js`.
  const dir = resolve(outDir, entry.id);
  await mkdir(dir, { recursive: true });
  let index = 0;
  for (const chunk of chunks) {
    if (chunk.counted) await writeFile(resolve(dir, `${index++}.js`), chunk.code);
  }
  const left = chunks.filter((chunk) => !chunk.counted);
  const leftOut = left.length
    ? ` (not counted: ${left.map((c) => `${c.name}, ${c.gzip} B`).join('; ')})`
    : '';
  console.log(`${entry.id}: ${gzip} B min+gzip in ${chunks.length - left.length} chunk(s)${leftOut}`);
}
