// @ts-check
/**
 * What the end-to-end tests of the built demo (`vite build --mode demo`) share: `vite preview`
 * serving it on a free loopback port, Debian's Chromium driven by playwright-core (no browser
 * download; CHROME_PATH overrides the path), pages whose console errors and uncaught errors are
 * collected, and screenshots in test-results/e2e/ (not committed).
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { chromiumArgs, executablePath } from '../support/chromium.js';

const root = new URL('../../', import.meta.url);
const shots = new URL('test-results/e2e/', root);

/** Statuses the scenarios provoke on purpose: the browser logs each as a console error. */
export const provoked =
  /Failed to load resource: the server responded with a status of (400|401|403|429|500)/;

/** @returns {Promise<number>} a free loopback port */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * Serves the built demo with `vite preview` and launches Chromium. `stop()` closes both.
 * @returns {Promise<{ origin: string; browser: import('playwright-core').Browser; stop(): Promise<void> }>}
 */
export async function startDemoSite() {
  const port = await freePort();
  // Vite's own script under this Node (no npx wrapper), so killing it really stops the server.
  const vite = new URL('node_modules/vite/bin/vite.js', root).pathname;
  const args = [
    vite,
    'preview',
    '--mode',
    'demo',
    '--port',
    String(port),
    '--strictPort',
    '--host',
    '127.0.0.1',
  ];
  const preview = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start')), 30_000);
    preview.stdout?.on('data', (chunk) => {
      if (String(chunk).includes(`${port}`)) {
        clearTimeout(timer);
        resolve(undefined);
      }
    });
    preview.once('exit', (code) => reject(new Error(`vite preview exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  return {
    origin: `http://127.0.0.1:${port}`,
    browser,
    stop: async () => {
      await browser.close();
      if (preview.exitCode !== null) return;
      const exited = new Promise((resolve) => preview.once('exit', resolve));
      preview.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * A new page of `context` whose console errors (other than {@link provoked} statuses) and
 * uncaught errors, and those of the popups it opens, are collected in `problems`.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function watchedPage(context) {
  /** @type {string[]} */
  const problems = [];
  context.on('page', (opened) => {
    opened.on('pageerror', (error) => problems.push(`popup page error: ${error.message}`));
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !provoked.test(message.text()))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, problems };
}

/**
 * Saves a full-page screenshot of `page` as test-results/e2e/<name>.png.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function screenshot(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, shots).pathname, fullPage: true });
}

/**
 * Polls `read` until `check` holds for what it returns; fails after 15 s naming `what`.
 * @template T
 * @param {() => Promise<T>} read
 * @param {(value: T) => boolean} check
 * @param {string} what
 * @returns {Promise<T>}
 */
export async function waitFor(read, check, what) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const current = await read();
    if (check(current)) return current;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(current)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
