// @ts-check
import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { bundledModules } from './test/support/bundled-modules.js';
import { chromiumArgs, executablePath } from './test/support/chromium.js';
import { corsServer } from './test/support/cors-server.js';
import { lwcServer } from './test/support/lwc-server.js';
import { lwsServer } from './test/support/lws-server.js';
import { signInTabPlugin } from './test/support/sign-in-tab.js';
import { summaryReporter } from './test/support/summary-reporter.js';

/**
 * MSW's worker must be served from `/` so its scope covers the test page.
 * @type {import('@web/dev-server-core').Middleware}
 */
const mswWorker = async (context, next) => {
  if (context.path === '/mockServiceWorker.js') {
    context.type = 'application/javascript';
    context.set('Service-Worker-Allowed', '/');
    context.body = readFileSync(new URL('./demo/public/mockServiceWorker.js', import.meta.url));
    return;
  }
  return next();
};

/**
 * MSAL's redirect page, served at `/redirect.html` the way apps must host it: same origin, no
 * COOP, never cached. The test runner's own cache middleware, which runs around this one, marks
 * every path with a file extension cacheable for a year; the path is renamed on the way out so
 * that it leaves this page's `Cache-Control` alone (diagnose()'s redirect-page check reads it).
 * @type {import('@web/dev-server-core').Middleware}
 */
const redirectPage = async (context, next) => {
  if (context.path === '/test/oidc/callback.html') {
    // The OIDC callback page, never cached as an app must serve it (diagnose()'s oidc-callback-page
    // check), renamed on the way out like the redirect page below.
    await next();
    context.set('Cache-Control', 'no-store');
    context.path = '/oidc-callback-page';
    return;
  }
  if (context.path !== '/redirect.html') return next();
  context.url = `/demo/redirect.html${context.querystring ? `?${context.querystring}` : ''}`;
  await next();
  context.set('Cache-Control', 'no-store');
  context.path = '/redirect-page';
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  // lwsServer: the Salesforce static resource (built on the fly) and a cross-origin authorize endpoint.
  // corsServer: a cross-origin API with real CORS answers (MSW's answers skip CORS), for diagnose().
  middleware: [mswWorker, redirectPage, lwsServer, lwcServer, corsServer],
  reporters: [defaultReporter(), summaryReporter()],
  // signInTabPlugin: opens the Salesforce sign-in page in a real tab and records its requests.
  // bundledModules: React, Vue and Angular for the adapter tests, and MSAL, jose, MSW and ky, each
  // served pre-bundled in a few files instead of hundreds of module requests per test page.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    signInTabPlugin(),
    bundledModules(),
  ],
  browsers: [playwrightLauncher({ launchOptions: { executablePath, args: chromiumArgs, headless: true } })],
  testFramework: { config: { timeout: 20_000 } },
};
