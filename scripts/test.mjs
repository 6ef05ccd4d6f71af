// @ts-check
/**
 * `npm test` — the README's test command, and what CI runs (`.ci/run` installs the dependencies,
 * then calls this). Before any suite starts it makes sure of what the suites need
 * (scripts/preflight.mjs): on a machine with Node 20 it fetches Node 22 from the npm registry and
 * runs again under it; with no Chrome or Chromium it installs Debian's where it may; whatever it
 * cannot set up ends the run at once with one message naming what is missing and the command
 * that fixes it. Then it runs the steps in order, stopping at the first that fails — typecheck,
 * lint, size limits, the generated docs, the browser suites, the demo end to end — and ends with one line,
 * `N passed, N failed, N skipped`, adding up both test runners. A step that fails before it
 * could count a test counts as one failure.
 *
 * `--preflight` checks (and sets up) what is needed without running any step.
 */
import { spawn, spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDependencies, ensureBrowser, ensureNode } from './preflight.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const steps = ['typecheck', 'lint', 'size', 'test:docs', 'test:browser', 'test:e2e'];
/** @param {string} line */
const log = (line) => process.stdout.write(`\n== ${line}\n`);

const problems = [];
const dependencies = checkDependencies(root);
if (dependencies) problems.push(dependencies);
const browser = ensureBrowser(log);
if ('missing' in browser) problems.push(browser);
const node = dependencies ? {} : ensureNode(root, log);
if ('missing' in node) problems.push(node);
if (problems.length > 0) {
  process.stdout.write('\nThe tests cannot run on this machine yet; nothing was started.\n');
  for (const { missing, fix } of problems)
    process.stdout.write(`\n  missing: ${missing}\n  fix:     ${fix}\n`);
  process.stdout.write('\n0 passed, 1 failed, 0 skipped\n');
  process.exit(1);
}
const env = { ...process.env, CHROME_PATH: 'path' in browser ? browser.path : '' };
if ('node' in node && node.node) {
  // Run again under Node 22, with it first on PATH so every tool's `#!/usr/bin/env node` finds it.
  env.PATH = `${dirname(node.node)}${delimiter}${env.PATH ?? ''}`;
  const again = spawnSync(node.node, process.argv.slice(1), { stdio: 'inherit', env });
  process.exit(again.status ?? 1);
}
log(`node ${process.version}; browser ${env.CHROME_PATH}`);
if (process.argv.includes('--preflight')) process.exit(0);

const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;
for (const step of steps) {
  log(`npm run ${step}`);
  const counted = await run(step);
  if (counted.status !== 0) {
    status = counted.status;
    if (counted.failed === 0) totals.failed += 1;
    break;
  }
}
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(status);

/**
 * Runs `npm run <step>`, passing its output through and adding the counts it prints (the browser
 * runner's `Tests: N passed, N failed, N skipped`, node's `ℹ pass N` / `ℹ fail N` / `ℹ skipped N`).
 * @param {string} step
 * @returns {Promise<{ status: number; failed: number }>}
 */
function run(step) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', step], {
      cwd: root,
      env,
      stdio: ['inherit', 'pipe', 'pipe'],
    });
    let failed = 0;
    let pending = '';
    /** @param {string} line */
    const count = (line) => {
      const browserRun = /^Tests: (\d+) passed, (\d+) failed, (\d+) skipped/.exec(line);
      if (browserRun) {
        totals.passed += Number(browserRun[1]);
        failed += Number(browserRun[2]);
        totals.skipped += Number(browserRun[3]);
      }
      const nodeRun = /^ℹ (pass|fail|skipped) (\d+)$/.exec(line);
      if (nodeRun?.[1] === 'pass') totals.passed += Number(nodeRun[2]);
      if (nodeRun?.[1] === 'fail') failed += Number(nodeRun[2]);
      if (nodeRun?.[1] === 'skipped') totals.skipped += Number(nodeRun[2]);
    };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(count);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => {
      count(pending);
      totals.failed += failed;
      resolve({ status: code ?? 1, failed });
    });
  });
}
