import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createCallout } from '../../src/index.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { createTokenSource } from '../support/token-source.js';

const origin = 'https://api.contoso.test';
const base = `${origin}/v1/`;

/**
 * An oracle written independently of the library: a token may only go to the base origin, below
 * /v1/, with no dot segment even after repeated percent-decoding (as a server might decode).
 */
function mayCarryToken(href: string): boolean {
  const url = new URL(href);
  if (url.origin !== origin || url.username || url.password) return false;
  if (!url.pathname.startsWith('/v1/')) return false;
  let path = url.pathname;
  for (let i = 0; i < 6; i++) {
    if (path.split(/[/\\]/).some((s) => s === '..' || s === '.')) return false;
    const decoded = path.replace(/%([0-9a-f]{2})/gi, (_, h: string) =>
      String.fromCharCode(Number.parseInt(h, 16)),
    );
    if (decoded === path) return true;
    path = decoded;
  }
  return false;
}

const fragments = [
  '..',
  '.',
  '/',
  '//',
  '\\',
  '%2e',
  '%2E',
  '%2e%2e',
  '.%2e',
  '%252e',
  '%2f',
  '%2F',
  '%5c',
  '%25',
  '%',
  '@',
  'user@evil.test',
  'user:pass@',
  ':',
  'https:',
  'http://evil.test',
  '//evil.test',
  'evil.test',
  '?',
  '#',
  '&',
  '=',
  ';',
  'orders',
  'v1',
  'v10',
  'admin',
  'é',
  '\uff0e',
  '\u3002',
  '\u2024',
  '\u0000',
  '\t',
  '\n',
  ' ',
  '%00',
  '%09',
  'a',
  '1',
];

const path = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 3 })), { maxLength: 12 })
  .map((p) => p.join(''));
const input = fc.oneof(
  path.map((p) => `callout:Orders/${p}`),
  path.map((p) => `callout:Orders${p}`),
  path.map((p) => `${base}${p}`),
  path.map((p) => `${origin}/v1${p}`),
  path.map((p) => `${origin}/${p}`),
  path.map((p) => `https://api.contoso.test${p}`),
  path.map((p) => `${p}`),
);

describe('token scoping under fuzzing', () => {
  failOnUnhandledRejections();

  it('never sends a token outside the credential base URL across 10,000 generated inputs', async () => {
    const source = createTokenSource();
    const callout = createCallout({
      crossTab: false,
      providers: { test: source.provider },
      credentials: { Orders: { url: base, provider: 'test', scopes: ['Orders.Read'] } },
    });
    let sent = 0;
    let withToken = 0;
    const violations: string[] = [];
    const recordingFetch = async (request: Request | URL | string) => {
      const r = request as Request;
      sent++;
      if (r.headers.has('authorization')) {
        withToken++;
        if (!mayCarryToken(r.url)) violations.push(r.url);
      }
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        try {
          await callout(value, { fetch: recordingFetch, retry: 0 });
        } catch {
          // Refused (url_escape, invalid URL): that is a valid outcome; only what was sent matters.
        }
        return violations.length === 0;
      }),
      { numRuns: 10_000 },
    );
    expect(violations).to.deep.equal([]);
    // The generator must really exercise both sides of the rule.
    expect(sent).to.be.greaterThan(1_000);
    expect(withToken).to.be.greaterThan(100);
    expect(sent - withToken).to.be.greaterThan(100);
  });
});
