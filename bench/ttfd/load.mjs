/**
 * One time-to-first-data sample: a fresh browser context (empty HTTP, preflight and storage caches)
 * whose only state is the user's Entra ID session cookie, a cold load of a variant's page, then a
 * reload of it (warm: scripts from the HTTP cache, MSAL's cache per the `cache` option, CORS
 * preflights cached by `Access-Control-Max-Age`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../../test/support/chromium.js';
import { appOrigin, loginHint } from './app.mjs';
import { profileLoad } from './cpu-profile.mjs';
import { criticalPath } from './critical-path.mjs';
import { sessionCookie } from './idp.mjs';
import { hosts } from './servers.mjs';

/**
 * @typedef {object} LoadResult
 * @property {number} ms when the last component showed its data (ms from navigation start)
 * @property {number} firstMs when the first did
 * @property {number} trips sequential round trips on the critical path (server log)
 * @property {number} handshakes connection handshakes on that path (when they cost time)
 * @property {number} networkMs the time those round trips took; the rest of `ms` is CPU
 * @property {import('./critical-path.mjs').Step[]} steps that path
 * @property {number} requests requests that reached a server
 * @property {number} scriptGzip the JavaScript the page's server sent (gzip -9 bytes; the HTTP
 *   cache serves the rest)
 * @property {import('./cpu-profile.mjs').CpuByOwner} [cpu] the CPU the load took, by owner (when
 *   profiled)
 */

/**
 * Launches Chromium with the bench servers' host names mapped to loopback.
 * @param {string} resolverRules
 */
export function launchTtfdBrowser(resolverRules) {
  return chromium.launch({
    executablePath,
    args: browserArgs(resolverRules),
    headless: true,
    timeout: 30_000,
  });
}

/**
 * The test suite's flags, the host names mapped to the servers, and the servers' self-signed
 * certificate accepted (accepting it per context instead, with ignoreHTTPSErrors, makes Chromium
 * reject every new connection once and open it again).
 * @param {string} resolverRules
 */
const browserArgs = (resolverRules) => [
  ...chromiumArgs,
  `--host-resolver-rules=${resolverRules}`,
  '--ignore-certificate-errors',
];

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
  const scriptGzip = log.reduce((sum, entry) => sum + (entry.gzip ?? 0), 0);
  return {
    ms: Math.max(...shown),
    firstMs: Math.min(...shown),
    ...path,
    networkMs,
    requests: log.length,
    scriptGzip,
  };
}

/** The user's Entra ID session (the host app's SSO), as a cookie of the IdP. */
const session = {
  name: sessionCookie,
  value: loginHint,
  domain: hosts.idp,
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: /** @type {const} */ ('None'),
  // Playwright's contexts and Chromium's default profile block third-party cookies, so the
  // cookie is partitioned to the page's site (CHIPS): the hidden authorize iframe sends it, as
  // Entra's cookie is sent where third-party cookies are allowed.
  partitionKey: appOrigin,
};

/** @typedef {(url: string) => string | undefined} FileOf the built file a script URL comes from */

/**
 * Loads `variant` in `context` (cold), then reloads it (warm) unless `warm` is false. With
 * `fileOf`, each load runs under Chromium's CPU profiler and reports its CPU by owner.
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ servers: { log: import('./servers.mjs').LogEntry[] }, variant: string, n: number, cache: string, warm: boolean, fileOf?: FileOf }} options
 */
async function loadTwice(context, { servers, variant, n, cache, warm, fileOf }) {
  await context.addCookies([session]);
  const page = context.pages()[0] ?? (await context.newPage());
  const load = async (/** @type {() => Promise<unknown>} */ navigate) => {
    servers.log.length = 0;
    const stop = fileOf ? await profileLoad(context, page, fileOf) : undefined;
    await navigate();
    const result = await measure(page, servers.log, n);
    return stop ? { ...result, cpu: await stop() } : result;
  };
  const cold = await load(() =>
    page.goto(`${appOrigin}/${variant}/?n=${n}&cache=${cache}`, { waitUntil: 'commit' }),
  );
  if (!warm) return { cold, warm: undefined };
  return { cold, warm: await load(() => page.reload({ waitUntil: 'commit' })) };
}

/**
 * A cold load and a warm reload in a fresh context of `browser` (like an incognito window: fast
 * to create, but Chromium ignores `<link rel="preconnect">` there).
 * @param {object} options
 * @param {import('playwright-core').Browser} options.browser
 * @param {{ log: import('./servers.mjs').LogEntry[] }} options.servers
 * @param {string} options.variant
 * @param {number} options.n components
 * @param {string} options.cache `memory`, `session` or `local`
 * @param {boolean} [options.warm] whether to reload (default true)
 * @param {FileOf} [options.fileOf] profile each load's CPU (see cpu-profile.mjs)
 * @returns {Promise<{ cold: LoadResult, warm: LoadResult | undefined }>}
 */
export async function coldAndWarm({ browser, servers, variant, n, cache, warm = true, fileOf }) {
  const context = await browser.newContext();
  try {
    return await loadTwice(context, { servers, variant, n, cache, warm, ...(fileOf ? { fileOf } : {}) });
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * A cold load in a Chromium of its own with a fresh regular profile, as a user's browser is: it
 * acts on `<link rel="preconnect">`, which matters when opening a connection costs time.
 * @param {{ servers: { log: import('./servers.mjs').LogEntry[], resolverRules: string }, variant: string }} options
 * @returns {Promise<LoadResult>}
 */
export async function coldInFreshProfile({ servers, variant }) {
  const profile = await mkdtemp(join(tmpdir(), 'sso-callout-ttfd-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: browserArgs(servers.resolverRules),
    headless: true,
    timeout: 30_000,
  });
  try {
    return (await loadTwice(context, { servers, variant, n: 1, cache: 'session', warm: false })).cold;
  } finally {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
}
