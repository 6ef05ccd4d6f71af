// @ts-check
import { relative } from 'node:path';
/**
 * A @web/test-runner reporter that ends the run with one plain line, `N passed, N failed, N skipped`,
 * counting every test in every browser session. It also fails the run for what the runner only
 * logs: an unhandled promise rejection in a test page counts as one failure of that test file.
 * A session that failed outside any test (a syntax error, a crashed page) counts as one failure too,
 * so nothing can hide.
 * @returns {import('@web/test-runner').Reporter}
 */
export function summaryReporter() {
  /** @type {import('@web/test-runner').TestSession[]} */
  let last = [];
  return {
    onTestRunFinished({ sessions }) {
      last = sessions;
    },
    stop({ sessions }) {
      if (sessions.length > 0) last = sessions;
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      /** @type {string[]} */
      const problems = [];
      /** @param {import('@web/test-runner').TestSuiteResult | undefined} suite */
      const walk = (suite) => {
        if (!suite) return;
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of last) {
        walk(session.testResults);
        if (session.errors.length > 0 || (session.passed === false && !hasFailedTest(session.testResults))) {
          failed++;
          problems.push(
            `${relative(process.cwd(), session.testFile)}: the test file failed outside its tests`,
          );
        }
        if (session.logs.some((args) => args.some((arg) => String(arg).includes(unhandledMarker)))) {
          failed++;
          problems.push(
            `${relative(process.cwd(), session.testFile)}: an unhandled promise rejection (see its browser logs)`,
          );
        }
      }
      const line = `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
      // The runner's dynamic terminal redraws until it exits: print after it has finished.
      process.once('exit', () => {
        for (const problem of problems) process.stdout.write(`\n${problem}`);
        process.stdout.write(`\n${line}\n`);
        if (failed > 0 && !process.exitCode) process.exitCode = 1;
      });
    },
  };
}

/** What @web/browser-logs prints for a promise rejection nobody handled. */
const unhandledMarker = 'An error was thrown in a Promise outside a test';

/** @param {import('@web/test-runner').TestSuiteResult | undefined} suite @returns {boolean} */
function hasFailedTest(suite) {
  if (!suite) return false;
  return suite.tests.some((t) => !t.passed && !t.skipped) || suite.suites.some(hasFailedTest);
}
