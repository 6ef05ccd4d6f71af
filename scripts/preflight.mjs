// @ts-check
/**
 * What `npm test` needs before any suite starts — the project's dependencies, Node 22 or newer, a
 * Chrome or Chromium — set up where that can be done without asking, and otherwise described with
 * the command that fixes it. Runs on Node 20: a fresh Debian machine ships it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser, which } from './find-browser.mjs';

/** @typedef {{ missing: string; fix: string }} Problem */

/** The oldest Node major the toolchain (TypeScript 7, size-limit, @web/test-runner 1) runs on. */
export const requiredNodeMajor = 22;

/**
 * The path of a Node ≥ 22 binary to re-run under, `undefined` when this one is new enough, or a
 * problem. An older Node gets Node 22 from the npm registry in `<root>/.node-toolchain` (kept
 * there for the next run; it is git-ignored).
 * @param {string} root
 * @param {(line: string) => void} log
 * @returns {{ node?: string } | Problem}
 */
export function ensureNode(root, log) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= requiredNodeMajor) return {};
  const prefix = join(root, '.node-toolchain');
  const node = join(prefix, 'node_modules', '.bin', 'node');
  if (!existsSync(node)) {
    log(
      `Node ${process.version} is too old for the test tools; installing Node ${requiredNodeMajor} from the npm registry into .node-toolchain/`,
    );
    const npm = spawnSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node@${requiredNodeMajor}`],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (npm.status !== 0 || !existsSync(node)) {
      return {
        missing: `Node ${requiredNodeMajor} or newer (this is ${process.version}, and installing Node ${requiredNodeMajor} from the npm registry failed)`,
        fix: `install Node ${requiredNodeMajor} (for example \`nvm install ${requiredNodeMajor}\`) and run \`npm test\` again`,
      };
    }
  }
  return { node };
}

/**
 * The browser to test in: found, installed from Debian's packages where this user may (root, or
 * sudo without a password, and `apt-get` present; `SSO_CALLOUT_INSTALL_BROWSER=0` forbids it),
 * or a problem.
 * @param {(line: string) => void} log
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ path: string } | Problem}
 */
export function ensureBrowser(log, env = process.env) {
  const found = findBrowser(env);
  if ('path' in found) return { path: found.path };
  const fix =
    "install Debian's Chromium with `sudo apt-get install -y chromium`, or point CHROME_PATH at a Chrome or Chromium: `CHROME_PATH=/path/to/chrome npm test`";
  if (env.CHROME_PATH || env.SSO_CALLOUT_INSTALL_BROWSER === '0') return { missing: found.problem, fix };
  const sudo = aptInstaller(env);
  if (!sudo) return { missing: found.problem, fix };
  log("No Chrome or Chromium found; installing Debian's chromium with apt-get");
  const install = spawnSync(
    'sh',
    [
      '-c',
      `${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq chromium`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env },
  );
  const after = findBrowser(env);
  if (install.status === 0 && 'path' in after) return { path: after.path };
  return { missing: `${found.problem} Installing Debian's chromium with apt-get failed.`, fix };
}

/**
 * `''` when this user can run apt-get itself, `'sudo '` when sudo works without a password, or
 * `undefined` when no package can be installed without asking.
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
function aptInstaller(env) {
  if (!which('apt-get', env)) return undefined;
  if (process.getuid?.() === 0) return '';
  if (!which('sudo', env)) return undefined;
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', env }).status === 0 ? 'sudo ' : undefined;
}

/**
 * A problem when `npm install` has not been run (the test tools come from node_modules).
 * @param {string} root
 * @returns {Problem | undefined}
 */
export function checkDependencies(root) {
  const tools = ['web-test-runner', 'tsc', 'biome', 'size-limit', 'vite'];
  const absent = tools.filter((tool) => !existsSync(join(root, 'node_modules', '.bin', tool)));
  // The Angular example's compiler needs TypeScript 6: npm installs both in that workspace.
  if (!existsSync(join(root, 'examples', 'angular', 'node_modules', '@angular', 'compiler-cli')))
    absent.push('the Angular example’s compiler');
  if (absent.length === 0) return undefined;
  return {
    missing: `the project's dependencies (${absent.join(', ')} not in node_modules)`,
    fix: 'run `npm install`',
  };
}
