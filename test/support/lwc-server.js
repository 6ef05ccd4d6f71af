// @ts-check
/**
 * @web/test-runner middleware serving `/__lwc/ssoCalloutOrders.js`: the SFDX example's LWC
 * wrapper compiled by the open-source LWC compiler, with the LWC engine and the Salesforce
 * platform stubs (test/support/lwc-build.js). Built on first request and cached in memory, so
 * `npm test` works on a clean checkout.
 */
import { buildLwcWrapper } from './lwc-build.js';

/** @type {Promise<string> | undefined} */
let script;

/** @type {import('@web/dev-server-core').Middleware} */
export async function lwcServer(context, next) {
  if (context.path !== '/__lwc/ssoCalloutOrders.js') return next();
  script ??= buildLwcWrapper();
  context.body = await script.catch((error) => {
    script = undefined;
    throw error;
  });
  context.type = 'application/javascript; charset=utf-8';
  context.set('Cache-Control', 'no-store');
}
