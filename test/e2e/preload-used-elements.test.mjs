// @ts-check
/**
 * build/preload-used-elements.mjs, the Vite plugin that lets what `sso-callout/define` loads on
 * demand load with the page's own script: a page built with it preloads a provider element's
 * adapter (MSAL's, OpenID Connect's) and the chunks of the on-demand elements in its HTML,
 * nothing for elements it does not contain.
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
        '<callout-msal id="aad"></callout-msal><callout-login provider="aad"></callout-login><callout-get credential="A"></callout-get>',
      ),
    );
    writeFileSync(join(source, 'empty.html'), page('<p>No elements here.</p>'));
    writeFileSync(join(source, 'oidc.html'), page('<callout-oidc id="idp"></callout-oidc>'));
    await build({
      configFile: false,
      root: source,
      logLevel: 'error',
      publicDir: false,
      plugins: [preloadUsedElements()],
      build: {
        outDir: join(source, 'dist'),
        target: 'es2022',
        rolldownOptions: {
          input: {
            index: join(source, 'index.html'),
            empty: join(source, 'empty.html'),
            oidc: join(source, 'oidc.html'),
          },
        },
      },
    });
  });

  it("preloads MSAL's adapter and the on-demand elements of the page, and none it does not use", () => {
    const names = preloads('index.html');
    for (const chunk of ['msal', 'callout-login']) {
      assert.equal(names.filter((name) => name === chunk).length, 1, `${chunk} in ${names.join(', ')}`);
    }
    assert.deepEqual(
      names.filter((name) => name === 'callout-log' || name === 'adaptations' || name === 'oidc'),
      [],
    );
  });

  it("preloads the OpenID Connect adapter for a <callout-oidc>, and not MSAL's", () => {
    const names = preloads('oidc.html');
    assert.equal(names.filter((name) => name === 'oidc').length, 1, names.join(', '));
    assert.deepEqual(
      names.filter((name) => name === 'msal'),
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
