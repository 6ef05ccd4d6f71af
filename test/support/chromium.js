// @ts-check
import { findBrowser } from '../../scripts/find-browser.mjs';

/**
 * The browser every suite runs in: the Chrome/Chromium that CHROME_PATH points at, else the first
 * one found on PATH (Debian's chromium first; see scripts/find-browser.mjs). Nothing downloads a
 * browser: `npm test` checks for one before any suite starts and says how to get one. The flags
 * keep headless Chromium quiet on a closed network (without the background-networking flags it
 * floods it with refused connections) and let it run as root in containers.
 */
const found = findBrowser();
export const executablePath = 'path' in found ? found.path : '/usr/bin/chromium';

/** Launch flags shared by the test runner, the end-to-end test and the benchmarks. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
