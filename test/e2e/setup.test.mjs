// @ts-check
/**
 * The README's test command as a newcomer meets it on a machine without a browser: `npm test`
 * (scripts/test.mjs) must stop before any suite with one message naming what is missing and the
 * command that fixes it — not run suites that each fail with "the test file failed outside its
 * tests". The machine state is made by the environment: PATH holds only a folder with `node`
 * (no chromium, no apt-get), and CHROME_PATH is unset or points nowhere.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/test.mjs', import.meta.url));
const bare = mkdtempSync(join(tmpdir(), 'no-browser-'));
symlinkSync(process.execPath, join(bare, 'node'));
after(() => rmSync(bare, { recursive: true, force: true }));

/** @param {Record<string, string>} extra */
function npmTest(extra) {
  const env = { HOME: process.env.HOME ?? bare, PATH: bare, ...extra };
  const started = Date.now();
  const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 60_000 });
  return { ...result, output: `${result.stdout}${result.stderr}`, seconds: (Date.now() - started) / 1000 };
}

describe('npm test on a machine without a browser', () => {
  it('says no Chrome or Chromium was found and how to install one, before any suite starts', () => {
    const run = npmTest({});
    assert.equal(run.status, 1, run.output);
    assert.match(run.output, /missing: No Chrome or Chromium was found/);
    assert.match(run.output, /sudo apt-get install -y chromium/);
    assert.match(run.output, /CHROME_PATH=\/path\/to\/chrome npm test/);
    assert.match(run.output, /nothing was started/);
    assert.doesNotMatch(run.output, /npm run (typecheck|lint|size|test:browser|test:e2e)/);
    assert.doesNotMatch(run.output, /failed outside its tests/);
    assert.match(run.output, /\n0 passed, 1 failed, 0 skipped\n$/);
  });

  it('names a CHROME_PATH that points nowhere instead of looking for another browser', () => {
    const run = npmTest({ CHROME_PATH: join(bare, 'chrome-that-is-not-there') });
    assert.equal(run.status, 1, run.output);
    assert.match(
      run.output,
      /CHROME_PATH is set to .*chrome-that-is-not-there, which is not an executable file/,
    );
    assert.doesNotMatch(run.output, /npm run /);
  });

  it('finds a browser on PATH and passes the preflight without running a step', () => {
    const withBrowser = mkdtempSync(join(tmpdir(), 'with-browser-'));
    try {
      symlinkSync(process.execPath, join(withBrowser, 'node'));
      // Any executable named chromium satisfies the lookup; the preflight does not launch it.
      symlinkSync(process.execPath, join(withBrowser, 'chromium'));
      const run = spawnSync(process.execPath, [script, '--preflight'], {
        env: { HOME: process.env.HOME ?? withBrowser, PATH: withBrowser },
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
      assert.match(run.stdout, new RegExp(`browser ${join(withBrowser, 'chromium')}`));
      assert.doesNotMatch(run.stdout, /npm run /);
    } finally {
      rmSync(withBrowser, { recursive: true, force: true });
    }
  });
});
