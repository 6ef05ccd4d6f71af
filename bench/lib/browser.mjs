/**
 * Launches the system Chromium (Debian's /usr/bin/chromium, or CHROME_PATH) with playwright-core:
 * no browser is downloaded. The flags keep it quiet on a closed network; `--expose-gc` lets the
 * memory measure collect garbage before reading the heap.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../../test/support/chromium.js';

/** The test suite's flags, plus `--expose-gc` for the memory measure. */
const benchArgs = [...chromiumArgs, '--js-flags=--expose-gc'];

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchBrowser() {
  return chromium.launch({ executablePath, args: benchArgs, headless: true, timeout: 30_000 });
}

/**
 * Opens `path` of `baseUrl` in a new page of `context` and waits until the page script has set
 * `globalThis.benchReady`.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} baseUrl
 * @param {string} path
 */
export async function openPage(context, baseUrl, path) {
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}${path}`, { timeout: 30_000 });
  try {
    await page.waitForFunction(
      () => /** @type {{ benchReady?: boolean }} */ (globalThis).benchReady === true,
      null,
      {
        timeout: 30_000,
      },
    );
  } catch (error) {
    throw new Error(`${path} did not get ready: ${errors.join('; ') || String(error)}`);
  }
  return page;
}

/**
 * Calls `globalThis.bench[name](params)` in `page` (see bench/pages/support/expose.ts).
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {unknown} params JSON
 * @param {number} [timeoutMs] the call fails after this long (default 120 s)
 * @returns {Promise<unknown>}
 */
export function callBench(page, name, params, timeoutMs = 120_000) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
  });
  const call = page.evaluate(
    ([fn, args]) => {
      const api = /** @type {{ bench: Record<string, (p: unknown) => Promise<unknown>> }} */ (
        /** @type {unknown} */ (globalThis)
      ).bench;
      const method = api[String(fn)];
      if (!method) throw new Error(`the page has no bench.${fn}`);
      return method(args);
    },
    [name, params],
  );
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}
