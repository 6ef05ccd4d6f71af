// @ts-check
/**
 * @web/test-runner middleware serving `/__lwc/<name>.js` (`ssoCalloutOrders`,
 * `ssoCalloutApexCredential`): one of the SFDX example's LWC components compiled by the
 * open-source LWC compiler, with the LWC engine and the Salesforce platform stubs
 * (test/support/lwc-build.js). Built on first request and cached in memory, so `npm test` works
 * on a clean checkout.
 */
import { buildLwcWrapper, isLwcComponent } from './lwc-build.js';

/** @type {Map<string, Promise<string>>} component name → its harness script */
const scripts = new Map();

/** @type {import('@web/dev-server-core').Middleware} */
export async function lwcServer(context, next) {
  const name = /^\/__lwc\/(\w+)\.js$/.exec(context.path)?.[1];
  if (!name || !isLwcComponent(name)) return next();
  let script = scripts.get(name);
  if (!script) {
    script = buildLwcWrapper(name);
    scripts.set(name, script);
  }
  context.body = await script.catch((error) => {
    scripts.delete(name);
    throw error;
  });
  context.type = 'application/javascript; charset=utf-8';
  context.set('Cache-Control', 'no-store');
}
