// @ts-check
/**
 * The browser every suite runs in: Debian's chromium by default, or the Chrome/Chromium that
 * CHROME_PATH points at. Nothing downloads a browser. The flags keep headless Chromium quiet on
 * a closed network (without the background-networking flags it floods it with refused
 * connections) and let it run as root in containers.
 */
export const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

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
