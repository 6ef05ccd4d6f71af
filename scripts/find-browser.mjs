// @ts-check
/**
 * Finds the Chrome or Chromium every browser suite, the end-to-end test and the benchmarks run in.
 * Nothing here downloads a browser. Order:
 *
 * 1. `CHROME_PATH`, when set, is used as given — and only it: a wrong `CHROME_PATH` is reported,
 *    not silently replaced by another browser;
 * 2. the first of Debian's `chromium`, `chromium-browser`, `google-chrome-stable`, `google-chrome`
 *    found on `PATH`;
 * 3. the usual install locations of Chrome and Chromium on macOS.
 *
 * Runs on Node 20 too: the test command calls it before it has a newer Node.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Browser commands looked up on `PATH`, best first. */
export const browserCommands = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

const macApplications = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * @typedef {{ path: string; source: 'CHROME_PATH' | 'PATH' | 'applications' }} FoundBrowser
 * @typedef {{ problem: string }} BrowserProblem
 */

/**
 * Where the browser is, or why none can be used.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {FoundBrowser | BrowserProblem}
 */
export function findBrowser(env = process.env) {
  if (env.CHROME_PATH) {
    return isExecutableFile(env.CHROME_PATH)
      ? { path: env.CHROME_PATH, source: 'CHROME_PATH' }
      : { problem: `CHROME_PATH is set to ${env.CHROME_PATH}, which is not an executable file.` };
  }
  const onPath = browserCommands.map((command) => which(command, env)).find((path) => path !== undefined);
  if (onPath) return { path: onPath, source: 'PATH' };
  const installed = process.platform === 'darwin' ? macApplications.find(isExecutableFile) : undefined;
  if (installed) return { path: installed, source: 'applications' };
  return {
    problem: `No Chrome or Chromium was found (CHROME_PATH is not set; ${browserCommands.join(', ')} are not on PATH).`,
  };
}

/**
 * The first executable file named `command` in the folders of `env.PATH`.
 * @param {string} command
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined}
 */
export function which(command, env = process.env) {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (!folder) continue;
    const candidate = join(folder, command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** @param {string} path */
function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
