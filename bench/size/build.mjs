/**
 * `npm run size` step 1: writes our bundles (bench/size/entries.mjs, same esbuild settings as the
 * benchmark) to node_modules/.cache/sso-callout-size/, where .size-limit.json checks them with
 * @size-limit/file (gzip). Bytes are deterministic, so size-limit may fail the build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundle, root } from './bundle.mjs';
import { ours } from './entries.mjs';

/** Where the bundles go (ignored by git with the rest of node_modules). */
export const outDir = resolve(root, 'node_modules/.cache/sso-callout-size');

await mkdir(outDir, { recursive: true });
for (const entry of ours) {
  const { code, gzip } = await bundle(entry);
  await writeFile(resolve(outDir, `${entry.id}.js`), code);
  console.log(`${entry.id}: ${gzip} B min+gzip`);
}
