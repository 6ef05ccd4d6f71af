/**
 * The page server of the time-to-first-data bench (`https://app.contoso.com`): serves each
 * variant's Vite build under `/<variant>/`. Hashed assets are cacheable for a year (`immutable`),
 * as a production host serves them; HTML is `no-cache` and the redirect pages `no-store` (as MSAL
 * asks). `index.html?n=<components>&cache=<memory|session|local>` is rendered per request: the
 * `<!--ttfd:repeat-->` block is repeated n times, `{{name}}` placeholders are filled, and an inline
 * script (no request) is put first in the head: it publishes the configuration for the plain-MSAL
 * and MGT pages and records, with `performance.now()`, each element whose `state` attribute becomes
 * `data` (`<callout-get>` sets it after rendering its data; the other pages set it themselves).
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { variants } from './build.mjs';
import { authority, clientId } from './idp.mjs';
import { hosts } from './servers.mjs';

/** @typedef {import('./servers.mjs').Handler} Handler */

export const appOrigin = `https://${hosts.app}`;
export const apiUrl = `https://${hosts.api}/v1/`;
export const loginHint = 'jane@contoso.com';
const scopes = 'api://orders/Orders.Read';
const caches = ['memory', 'session', 'local'];
const redirectPages = {
  ours: 'redirect.html',
  eager: 'redirect.html',
  tuned: 'redirect.html',
  plain: 'redirect.html',
  mgt: 'blank.html',
};

const types = /** @type {Record<string, string>} */ ({
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
});

/** Records when each element shows data (or an error), from the page's own clock. */
const glue = `
globalThis.ttfd = { shown: [], errors: [] };
addEventListener('error', (e) => ttfd.errors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => ttfd.errors.push(String(e.reason)));
new MutationObserver((records) => {
  for (const { target } of records) {
    const state = target.getAttribute('state');
    if (state === 'data' && !target.ttfdShown) {
      target.ttfdShown = true;
      ttfd.shown.push(performance.now());
    } else if (state === 'error') {
      ttfd.errors.push(Math.round(performance.now()) + ' ' + target.localName + ': ' + (target.shadowRoot?.textContent ?? target.textContent ?? '').trim().slice(0, 400));
    }
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });`;

/**
 * @param {string} template the built index.html
 * @param {Record<string, string>} values
 * @param {number} n
 */
function renderPage(template, values, n) {
  const repeated = template.replace(/<!--ttfd:repeat-->([\s\S]*?)<!--\/ttfd:repeat-->/, (_, block) =>
    Array.from({ length: n }, (_, i) => block.replaceAll('{{i}}', String(i))).join(''),
  );
  const filled = repeated.replace(/\{\{(\w+)\}\}/g, (match, name) => values[name] ?? match);
  const config = `globalThis.ttfdConfig = ${JSON.stringify(values)};`;
  return filled.replace('<head>', `<head><script>${config}${glue}</script>`);
}

/**
 * @param {Record<(typeof variants)[number], string>} dirs each variant's build directory
 * @returns {Handler}
 */
export function createApp(dirs) {
  /** @type {Map<string, Promise<Buffer>>} */
  const files = new Map();
  const read = (/** @type {string} */ path) => {
    let file = files.get(path);
    if (!file) {
      file = readFile(path);
      files.set(path, file);
    }
    return file;
  };
  return async ({ url }) => {
    const [, variant = '', ...rest] = url.pathname.split('/');
    const dir = /** @type {Record<string, string>} */ (dirs)[variant];
    const file = rest.join('/') || 'index.html';
    if (!dir || file.includes('..'))
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    const type = types[extname(file)] ?? 'application/octet-stream';
    let body;
    try {
      body = await read(resolve(dir, file));
    } catch {
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    }
    if (file.startsWith('assets/')) {
      return {
        status: 200,
        headers: { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' },
        body,
      };
    }
    if (file !== 'index.html')
      return { status: 200, headers: { 'content-type': type, 'cache-control': 'no-store' }, body };
    const cache = url.searchParams.get('cache') ?? 'session';
    const values = {
      clientId,
      authority,
      loginHint,
      redirectUri: `${appOrigin}/${variant}/${redirectPages[/** @type {keyof typeof redirectPages} */ (variant)]}`,
      apiUrl,
      scopes,
      cache: caches.includes(cache) ? cache : 'session',
    };
    const n = Math.max(1, Math.min(100, Number(url.searchParams.get('n') ?? '1') || 1));
    return {
      status: 200,
      headers: { 'content-type': type, 'cache-control': 'no-cache' },
      body: renderPage(body.toString('utf8'), values, n),
    };
  };
}
