// @ts-check
/**
 * build/preload-used-elements.mjs, the Vite plugin that lets the autoloader's elements load with
 * the page's own script: a page built with it preloads the chunks of the `callout-*` elements in
 * its HTML (and MSAL's adapter for `<callout-msal>`), nothing for elements it does not contain.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { preloadUsedElements } from '../../build/preload-used-elements.mjs';

const define = fileURLToPath(new URL('../../components/define.ts', import.meta.url));
const source = mkdtempSync(join(tmpdir(), 'preload-used-elements-'));
after(() => rmSync(source, { recursive: true, force: true }));

/** @param {string} body */
const page = (body) =>
  `<!doctype html><html><head><script type="module" src="./main.js"></script></head><body>${body}</body></html>`;

/** The chunk names (without hash) a built page preloads. */
function preloads(/** @type {string} */ file) {
  const html = readFileSync(join(source, 'dist', file), 'utf8');
  return [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/assets\/([^"]+)-[\w-]{8}\.js"/g)].map(
    (match) => match[1],
  );
}

describe('preloadUsedElements()', () => {
  before(async () => {
    writeFileSync(join(source, 'main.js'), `import ${JSON.stringify(define)};\n`);
    writeFileSync(
      join(source, 'index.html'),
      page(
        '<callout-msal id="aad"></callout-msal><callout-credential name="A"></callout-credential><callout-get credential="A"></callout-get>',
      ),
    );
    writeFileSync(join(source, 'empty.html'), page('<p>No elements here.</p>'));
    await build({
      configFile: false,
      root: source,
      logLevel: 'error',
      publicDir: false,
      plugins: [preloadUsedElements()],
      build: {
        outDir: join(source, 'dist'),
        target: 'es2022',
        rolldownOptions: { input: { index: join(source, 'index.html'), empty: join(source, 'empty.html') } },
      },
    });
  });

  it("preloads the chunks of the page's elements and MSAL's adapter, and none of the elements it does not use", () => {
    const names = preloads('index.html');
    for (const chunk of ['callout-msal', 'callout-credential', 'callout-get', 'msal']) {
      assert.equal(names.filter((name) => name === chunk).length, 1, `${chunk} in ${names.join(', ')}`);
    }
    assert.deepEqual(
      names.filter((name) => name === 'callout-log' || name === 'callout-login'),
      [],
    );
  });

  it('adds nothing to a page without callout-* elements', () => {
    const names = preloads('empty.html');
    assert.deepEqual(
      names.filter((name) => name.startsWith('callout-') || name === 'msal'),
      [],
    );
  });
});
