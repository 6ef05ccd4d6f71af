// @ts-check
/**
 * What package.test.mjs asserts about the tarball's contents: every entry point resolves, the
 * redirect page and the browser build are there and self-contained, nothing of the tests, the
 * demo or the sources ships, source maps and the custom-elements manifest point at files that
 * ship, the README's links work, and the runtime dependencies are exactly what the code imports.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { it } from 'node:test';

/** @typedef {import('../support/packed-tarball.js').PackedTarball} PackedTarball */

/** Folders of the repository that must not ship (bench/ ships only its README, for the README's links). */
const unshipped =
  /^(test|demo|examples|src|components|scripts|build|salesforce|bench\/(?!README\.md$)|\.ci)\b/;
/**
 * Import specifiers in built JavaScript: static, re-exports, side-effect and dynamic imports. A
 * specifier has no whitespace, comma, parenthesis, brace or `$`, so minified text such as a log
 * message ending in "from" before a template literal is not taken for an import.
 */
const specifiers = /\b(?:from\s*|import\s*\(?\s*)["'`]([^"'`\s,;(){}$]+)["'`]/g;

/**
 * Every file path `value` (an `exports` entry: a path, or conditions of paths) names.
 * @param {unknown} value
 * @returns {string[]}
 */
function targets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}

/**
 * The package's own name resolved like a `package.json` path: `./dist/x.js` → `dist/x.js`.
 * @param {string} path
 */
const inPackage = (path) => posix.normalize(path.replace(/^\.\//, ''));

/**
 * Registers the tarball tests; `packed()` returns the tarball once the file's `before` has made it.
 * @param {() => PackedTarball} packed
 */
export function describeTarball(packed) {
  /** @param {string} path */
  const read = (path) => readFile(join(packed().dir, path), 'utf8');
  const manifest = async () => JSON.parse(await read('package.json'));
  /** @param {string} path */
  const has = (path) => packed().files.includes(path);

  it('resolves every exports entry, main, types and customElements to a file in the tarball', async () => {
    const pkg = await manifest();
    const paths = [...targets(pkg.exports), pkg.main, pkg.types, pkg.customElements].map(inPackage);
    assert.ok(paths.length >= 15);
    assert.deepEqual(
      paths.filter((path) => !has(path)),
      [],
    );
    for (const [name, entry] of Object.entries(pkg.exports)) {
      if (typeof entry === 'object') assert.ok('default' in entry, `${name} has a default condition`);
    }
  });

  it('ships the redirect page, the browser build, the licence and the docs, and no tests, demo or sources', () => {
    for (const path of [
      'dist/redirect.html',
      'dist/browser/sso-callout.js',
      'LICENSE',
      'README.md',
      'docs/msal.md',
    ])
      assert.ok(has(path), `${path} is in the tarball`);
    assert.deepEqual(
      packed().files.filter((path) => unshipped.test(path)),
      [],
    );
    assert.deepEqual(packed().listed, packed().files);
  });

  it('puts the redirect script inline, loading nothing', async () => {
    const html = await read('dist/redirect.html');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    assert.deepEqual(scripts, [' type="module"']);
    assert.doesNotMatch(html, /\bsrc=|\bimport\s*\(|\bfrom\s*["'`]/);
  });

  it('makes the browser build one module whose chunks are siblings, with no bare import', async () => {
    const browserFiles = packed().files.filter((path) => /^dist\/browser\/.*\.js$/.test(path));
    const problems = [];
    for (const path of browserFiles) {
      for (const [, specifier] of (await read(path)).matchAll(specifiers)) {
        const target = posix.join(posix.dirname(path), specifier ?? '');
        if (!specifier?.startsWith('./') || !has(target)) problems.push(`${path} imports ${specifier}`);
      }
    }
    assert.deepEqual(problems, []);
    const entry = await read('dist/browser/sso-callout.js');
    const staticImports = [...entry.matchAll(/\b(?:from|import)\s*["'`]/g)];
    assert.equal(staticImports.length, 0, 'the entry imports nothing up front');
  });

  it('points every source map reference at a map in the tarball, and every map carries its sources', async () => {
    const problems = [];
    for (const path of packed().files.filter((file) => /\.(js|mjs)$/.test(file))) {
      const reference = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(await read(path))?.[1];
      if (reference && !has(posix.join(posix.dirname(path), reference)))
        problems.push(`${path} → ${reference}`);
    }
    for (const path of packed().files.filter((file) => file.endsWith('.map'))) {
      const map = JSON.parse(await read(path));
      /** @type {string[]} */
      const sources = map.sources;
      sources.forEach((source, index) => {
        if (typeof map.sourcesContent?.[index] !== 'string')
          problems.push(`${path}: ${source} has no content`);
        if (/(^|\/)(test|demo)\//.test(source)) problems.push(`${path}: bundles ${source}`);
      });
    }
    assert.deepEqual(problems, []);
  });

  it('has a custom-elements manifest whose modules ship, with a definition for every element', async () => {
    const cem = JSON.parse(await read('custom-elements.json'));
    /** @type {string[]} */
    const references = [];
    JSON.stringify(cem, (key, value) => {
      if ((key === 'path' || key === 'module') && typeof value === 'string') references.push(value);
      return value;
    });
    assert.ok(references.length > 10);
    assert.deepEqual(
      [...new Set(references)].filter((path) => !has(inPackage(path))),
      [],
    );
    const defined = cem.modules
      .flatMap((/** @type {{ exports?: { kind: string, name: string }[] }} */ module) => module.exports ?? [])
      .filter((/** @type {{ kind: string }} */ entry) => entry.kind === 'custom-element-definition')
      .map((/** @type {{ name: string }} */ entry) => entry.name);
    for (const tag of ['callout-credential', 'callout-get', 'callout-log', 'callout-login', 'callout-msal'])
      assert.ok(defined.includes(tag), `${tag} has a custom-element-definition export`);
  });

  it('resolves every relative link of the README to a file in the tarball', async () => {
    const readme = await read('README.md');
    const links = [...readme.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
      .map((match) => match[1] ?? '')
      .filter((link) => !/^[a-z]+:/i.test(link));
    assert.ok(links.length >= 5);
    assert.deepEqual(
      links.filter((link) => !has(posix.normalize(link))),
      [],
    );
  });

  it('declares every package the built code imports, and as dependencies only those, with no engines', async () => {
    const pkg = await manifest();
    const imported = new Set();
    for (const path of packed().files.filter((file) => /^dist\/(?!browser\/).*\.js$/.test(file))) {
      for (const [, specifier] of (await read(path)).matchAll(specifiers)) {
        if (specifier && !specifier.startsWith('.'))
          imported.add(
            specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0],
          );
      }
    }
    const dependencies = Object.keys(pkg.dependencies ?? {});
    const declared = new Set([...dependencies, ...Object.keys(pkg.peerDependencies ?? {})]);
    assert.deepEqual(
      [...imported].filter((name) => !declared.has(name)),
      [],
      'imported but not declared',
    );
    assert.deepEqual(
      dependencies.filter((name) => !imported.has(name)),
      [],
      'declared but imported by no shipped module',
    );
    assert.equal(pkg.engines, undefined);
    assert.equal(pkg.devEngines?.runtime?.name, 'node');
  });
}
