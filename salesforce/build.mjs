// @ts-check
/**
 * `npm run build:salesforce -- --config <settings.json> [out]`: writes the Salesforce static
 * resource `ssoCallout` — the sandbox script (core, MSAL provider, lit, ky and
 * @azure/msal-browser inside), `redirect.html` and `sign-in.html` with their scripts — to
 * `dist/salesforce/ssoCallout/` (or the folder given, e.g. an SFDX project's
 * `staticresources/ssoCallout`), and checks the total stays under Salesforce's 5 MB limit.
 *
 * The sign-in page's identity-provider settings (client id, authority, scopes, optional domain
 * hint and authority metadata) are read from the JSON file given with `--config` (or the
 * `SSO_CALLOUT_SIGN_IN_CONFIG` environment variable), validated, and baked into `sign-in.js`:
 * the page never takes them from its URL. `--no-sign-in` builds the resource without the sign-in
 * page (components then only sign in silently). See docs/salesforce.md.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleSalesforce } from './bundle.mjs';

const limit = 5 * 1024 * 1024;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { config: { type: 'string' }, 'no-sign-in': { type: 'boolean', default: false } },
});
const out = resolve(positionals[0] ?? 'dist/salesforce/ssoCallout');
const configFile = values.config ?? process.env.SSO_CALLOUT_SIGN_IN_CONFIG;
if (!configFile && !values['no-sign-in']) {
  console.error(
    'The sign-in page needs its identity-provider settings, fixed at build time:\n' +
      '  npm run build:salesforce -- --config sso-callout.salesforce.json [out]\n' +
      'with { "clientId": "…", "authority": "https://login.microsoftonline.com/<tenant>", "scopes": ["api://…/…"] }\n' +
      '(see docs/salesforce.md), or --no-sign-in to build without the sign-in page.',
  );
  process.exit(1);
}
/** @type {unknown} */
let signIn;
if (configFile && !values['no-sign-in']) {
  try {
    signIn = JSON.parse(await readFile(resolve(configFile), 'utf8'));
  } catch (error) {
    console.error(
      `Could not read the sign-in settings ${configFile}: ${/** @type {Error} */ (error).message}`,
    );
    process.exit(1);
  }
}
/** @type {Map<string, string>} */
let files;
try {
  files = await bundleSalesforce({ minify: true, ...(signIn === undefined ? {} : { signIn }) });
} catch (error) {
  console.error(`Build failed: ${/** @type {Error} */ (error).message}`);
  process.exit(1);
}
await mkdir(out, { recursive: true });
// A resource built without the sign-in page must not keep one from an earlier build.
if (!files.has('sign-in.js')) {
  for (const stale of ['sign-in.html', 'sign-in.js']) await rm(resolve(out, stale), { force: true });
}
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
