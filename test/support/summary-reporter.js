// @ts-check
/**
 * A @web/test-runner reporter that ends the run with one plain line, `N passed, N failed, N skipped`,
 * counting every test in every browser session. A session that failed outside any test (a syntax
 * error, an unhandled rejection, a crashed page) counts as one failure, so it can never hide.
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
        }
      }
      const line = `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
      // The runner's dynamic terminal redraws until it exits: print after it has finished.
      process.once('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}

/** @param {import('@web/test-runner').TestSuiteResult | undefined} suite @returns {boolean} */
function hasFailedTest(suite) {
  if (!suite) return false;
  return suite.tests.some((t) => !t.passed && !t.skipped) || suite.suites.some(hasFailedTest);
}
