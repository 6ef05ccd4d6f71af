/**
 * One time-to-first-data sample: a fresh browser context (empty HTTP, preflight and storage caches)
 * whose only state is the user's Entra ID session cookie, a cold load of a variant's page, then a
 * reload of it (warm: scripts from the HTTP cache, MSAL's cache per the `cache` option, CORS
 * preflights cached by `Access-Control-Max-Age`).
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../../test/support/chromium.js';
import { appOrigin, loginHint } from './app.mjs';
import { criticalPath } from './critical-path.mjs';
import { sessionCookie } from './idp.mjs';
import { hosts } from './servers.mjs';

/**
 * @typedef {object} LoadResult
 * @property {number} ms when the last component showed its data (ms from navigation start)
 * @property {number} firstMs when the first did
 * @property {number} trips sequential round trips on the critical path (server log)
 * @property {number} networkMs the time those round trips took; the rest of `ms` is CPU
 * @property {import('./critical-path.mjs').Step[]} steps that path
 * @property {number} requests requests that reached a server
 */

/**
 * Launches Chromium with the bench servers' host names mapped to loopback.
 * @param {string} resolverRules
 */
export function launchTtfdBrowser(resolverRules) {
  return chromium.launch({
    executablePath,
    args: [...chromiumArgs, `--host-resolver-rules=${resolverRules}`],
    headless: true,
    timeout: 30_000,
  });
}

/**
 * Waits for `n` components to show data and reads the timings and the critical path.
 * @param {import('playwright-core').Page} page
 * @param {import('./servers.mjs').LogEntry[]} log
 * @param {number} n
 * @returns {Promise<LoadResult>}
 */
async function measure(page, log, n) {
  try {
    await page.waitForFunction(
      (count) => /** @type {{ ttfd?: { shown: number[] } }} */ (globalThis.ttfd?.shown.length ?? 0) >= count,
      n,
      { timeout: 30_000, polling: 50 },
    );
  } catch {
    const errors = await page.evaluate(
      () => /** @type {{ ttfd?: { errors: string[] } }} */ (globalThis).ttfd?.errors,
    );
    throw new Error(
      `the page did not show data: ${(errors ?? []).join(' | ').slice(0, 500) || 'no error reported'}`,
    );
  }
  const shown = await page.evaluate(
    () => /** @type {{ ttfd: { shown: number[] } }} */ (globalThis).ttfd.shown,
  );
  // Let writes that follow the data (MSAL's cache) land before the next load.
  await new Promise((resolve) => setTimeout(resolve, 250));
  const path = criticalPath(log);
  const networkMs = path.steps.reduce((sum, step) => sum + step.end - step.start, 0);
  return { ms: Math.max(...shown), firstMs: Math.min(...shown), ...path, networkMs, requests: log.length };
}

/**
 * @param {object} options
 * @param {import('playwright-core').Browser} options.browser
 * @param {{ log: import('./servers.mjs').LogEntry[] }} options.servers
 * @param {string} options.variant
 * @param {number} options.n components
 * @param {string} options.cache `memory`, `session` or `local`
 * @returns {Promise<{ cold: LoadResult, warm: LoadResult }>}
 */
export async function coldAndWarm({ browser, servers, variant, n, cache }) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    // The user is signed in to Entra ID (the host app's SSO). Bench contexts block third-party
    // cookies like incognito windows, so the session cookie is partitioned to the page's site
    // (CHIPS): the hidden authorize iframe sends it, as Entra's cookie is sent where third-party
    // cookies are allowed.
    await context.addCookies([
      {
        name: sessionCookie,
        value: loginHint,
        domain: hosts.idp,
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'None',
        partitionKey: appOrigin,
      },
    ]);
    const page = await context.newPage();
    servers.log.length = 0;
    await page.goto(`${appOrigin}/${variant}/?n=${n}&cache=${cache}`, { waitUntil: 'commit' });
    const cold = await measure(page, servers.log, n);
    servers.log.length = 0;
    await page.reload({ waitUntil: 'commit' });
    const warm = await measure(page, servers.log, n);
    return { cold, warm };
  } finally {
    await context.close().catch(() => {});
  }
}
