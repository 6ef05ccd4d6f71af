// @ts-check
/**
 * Code the docs show as something to copy is a file the browser tests run: this fails when the
 * docs' block and the tested file differ, so "written from the docs alone" stays true.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);

/** The first ```ts block after `heading` in `doc`. */
async function docBlock(doc, heading) {
  const text = await readFile(new URL(doc, root), 'utf8');
  const from = text.indexOf(`\n${heading}\n`);
  assert.notEqual(from, -1, `${doc} has no heading "${heading}"`);
  const match = /```ts\n([\s\S]*?)```/.exec(text.slice(from));
  assert.ok(match, `${doc} has no ts block after "${heading}"`);
  return match[1];
}

/** The part of a tested file between `// docs:begin` and `// docs:end`, imported as a user would. */
async function testedBlock(file) {
  const text = await readFile(new URL(file, root), 'utf8');
  const match = /\/\/ docs:begin\n([\s\S]*?)\/\/ docs:end\n/.exec(text);
  assert.ok(match, `${file} has no docs:begin/docs:end markers`);
  return match[1].replace(/\n+$/, '\n').replaceAll(/from '(?:\.\.\/)+src\/index\.js'/g, "from 'sso-callout'");
}

test('the custom provider docs/providers.md shows under "Writing a provider" is the one the browser tests run', async () => {
  assert.equal(
    await docBlock('docs/providers.md', '## Writing a provider'),
    await testedBlock('test/support/docs-snippets/gateway-provider.ts'),
  );
});

test('the backend-minted provider docs/providers.md shows under "Backend-minted tokens" is the one the browser tests and the demo run', async () => {
  assert.equal(
    await docBlock('docs/providers.md', '## Backend-minted tokens'),
    await testedBlock('test/support/docs-snippets/backend-provider.ts'),
  );
});
