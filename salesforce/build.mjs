// @ts-check
/**
 * `npm run build:salesforce`: writes the Salesforce static resource `ssoCallout` — the sandbox
 * script (core, MSAL provider, lit, ky and @azure/msal-browser inside), `redirect.html` and
 * `sign-in.html` with their scripts — to `dist/salesforce/ssoCallout/` (or the folder given as
 * the first argument, e.g. an SFDX project's `staticresources/ssoCallout`), and checks the total
 * stays under Salesforce's 5 MB static-resource limit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleSalesforce } from './bundle.mjs';

const limit = 5 * 1024 * 1024;
const out = resolve(process.argv[2] ?? 'dist/salesforce/ssoCallout');
const files = await bundleSalesforce({ minify: true });
await mkdir(out, { recursive: true });
let total = 0;
for (const [name, text] of files) {
  const bytes = Buffer.byteLength(text);
  total += bytes;
  await writeFile(resolve(out, name), text);
  console.log(`${name.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
}
console.log(`${'total'.padEnd(16)} ${(total / 1024).toFixed(1).padStart(8)} KiB → ${out}`);
if (total > limit) {
  console.error(`The static resource is over Salesforce's 5 MB limit (${total} bytes).`);
  process.exit(1);
}
