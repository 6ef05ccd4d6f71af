// @ts-check
/**
 * docs/troubleshooting.md is generated from the code (scripts/troubleshooting.mjs): this fails
 * when the checked-in file is not what the code generates now — a new error code, a changed hint
 * or check, a new end-user sentence — so the docs cannot drift from the code.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { documentUrl, renderTroubleshooting } from '../../scripts/troubleshooting.mjs';

test('docs/troubleshooting.md is what the error codes, hints and checks generate (run `npm run docs` to update it)', async () => {
  const expected = await renderTroubleshooting();
  const actual = await readFile(documentUrl, 'utf8');
  if (actual === expected) return;
  const actualLines = actual.split('\n');
  const line = expected.split('\n').findIndex((text, index) => text !== actualLines[index]);
  assert.fail(
    `docs/troubleshooting.md is stale from line ${line + 1} on: run \`npm run docs\` and commit the result.\n` +
      `  generated: ${expected.split('\n')[line]}\n  in the file: ${actualLines[line]}`,
  );
});

test('every check of diagnose() and every error code has its own section', async () => {
  const text = await renderTroubleshooting();
  const sections = [...text.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
  assert.ok(sections.includes('Check: cors-www-authenticate'));
  assert.ok(sections.includes('`third_party_cookies_blocked`'));
  assert.equal(new Set(sections).size, sections.length, 'a section appears twice');
});
