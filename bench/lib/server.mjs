/**
 * The benchmark's HTTP server, on loopback (127.0.0.1) only:
 * - `/<name>.html` + `/<name>.js`: a page running bench/pages/<name>.ts, bundled by esbuild on
 *   first request (the overhead page is served cross-origin isolated, for a 5 µs timer);
 * - `/mockServiceWorker.js` (MSW's worker, scope `/`) and `/redirect.html` (MSAL's redirect
 *   bridge, from src/redirect.ts), as the test runner serves them;
 * - `/api/…`: a tiny JSON API, the real network target of the per-call overhead measure;
 * - `/secure/…`: the same API, but it answers 401 (`invalid_token`) to a token issued before the
 *   last `/revoke` (every token issued so far is then rejected: a revocation, a key rollover);
 * - `/token`: a counting token endpoint (opaque tokens), shared by every tab of a context;
 * - `/counters`: what the server counted (`?reset` zeroes it).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { root } from '../size/bundle.mjs';

/** @typedef {{ url: string, counters: { token: number, api: number }, close(): Promise<void> }} BenchServer */

const isolatedPages = new Set(['overhead']);

/**
 * Bundles one page script (TypeScript, with the repository's tsconfig: Lit's reactive properties
 * need `useDefineForClassFields: false`).
 * @param {string} entry path relative to the repository root
 */
async function bundlePage(entry) {
  const result = await build({
    entryPoints: [resolve(root, entry)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: resolve(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** @param {string} name */
const pageHtml = (name) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: ${name}</title></head>` +
  `<body><script type="module" src="/${name}.js"></script></body></html>`;

const redirectHtml =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>redirect</title></head>' +
  '<body><script type="module" src="/redirect.js"></script></body></html>';

/**
 * @typedef {{ status: number, type: string, body: string, headers?: Record<string, string> }} Reply
 * @typedef {{
 *   counters: { token: number, api: number },
 *   issued: number,
 *   firstValid: number,
 *   scripts: Map<string, Promise<string>>,
 * }} ServerState
 */

/** @returns {Reply} */
const json = (/** @type {number} */ status, /** @type {string} */ body, headers = {}) => ({
  status,
  type: 'application/json',
  body,
  headers,
});

/**
 * The bundle of one page script, built on its first request and kept.
 * @param {ServerState} state
 * @param {string} key
 * @param {string} entry path relative to the repository root
 */
function script(state, key, entry) {
  let cached = state.scripts.get(key);
  if (!cached) {
    cached = bundlePage(entry);
    state.scripts.set(key, cached);
  }
  return cached;
}

/**
 * The API and the token endpoint (`/api/…`, `/secure/…`, `/revoke`, `/token`, `/counters`), or
 * `undefined` when `url` is none of them.
 * @param {ServerState} state
 * @param {URL} url
 * @param {import('node:http').IncomingMessage} request
 * @returns {Promise<Reply | undefined>}
 */
async function answerApi(state, url, request) {
  const path = url.pathname;
  const { counters } = state;
  if (path.startsWith('/api/')) {
    counters.api++;
    return json(200, '{"ok":true}');
  }
  if (path.startsWith('/secure/')) {
    counters.api++;
    const number = Number(/^Bearer tok-(\d+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '0');
    if (number >= state.firstValid) return json(200, '{"ok":true}');
    return json(401, '{"error":"invalid_token"}', {
      'www-authenticate': 'Bearer error="invalid_token", error_description="The token was revoked"',
    });
  }
  if (path === '/revoke') {
    state.firstValid = state.issued + 1;
    return { status: 204, type: 'text/plain', body: '' };
  }
  if (path === '/token') {
    counters.token++;
    state.issued++;
    const lifetime = Number(url.searchParams.get('lifetime') ?? '3600');
    const delay = Math.min(Number(url.searchParams.get('delay') ?? '0'), 2000);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    // The number as it is after the delay, as it has always been read.
    return json(200, JSON.stringify({ access_token: `tok-${state.issued}`, expires_in: lifetime }));
  }
  if (path === '/counters') {
    const body = JSON.stringify(counters);
    if (url.searchParams.has('reset')) Object.assign(counters, { token: 0, api: 0 });
    return json(200, body);
  }
  return undefined;
}

/**
 * MSW's worker, MSAL's redirect page and the bench pages (HTML and bundled script), or
 * `undefined` when `path` is none of them.
 * @param {ServerState} state
 * @param {string} path
 * @returns {Promise<Reply | undefined>}
 */
async function answerFile(state, path) {
  if (path === '/mockServiceWorker.js') {
    const worker = await readFile(resolve(root, 'demo/public/mockServiceWorker.js'), 'utf8');
    return { status: 200, type: 'text/javascript', body: worker, headers: { 'service-worker-allowed': '/' } };
  }
  if (path === '/redirect.html') return { status: 200, type: 'text/html', body: redirectHtml };
  if (path === '/redirect.js') {
    return { status: 200, type: 'text/javascript', body: await script(state, 'redirect', 'src/redirect.ts') };
  }
  const page = /^\/([a-z-]+)\.(html|js)$/.exec(path);
  if (!page?.[1] || !page[2]) return undefined;
  const name = page[1];
  /** @type {Record<string, string>} */
  const headers = isolatedPages.has(name)
    ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
    : {};
  if (page[2] === 'html') return { status: 200, type: 'text/html', body: pageHtml(name), headers };
  const body = await script(state, name, `bench/pages/${name}.ts`);
  return { status: 200, type: 'text/javascript', body, headers };
}

/**
 * What the server answers to `request`: the API's, a file's, else 404.
 * @param {ServerState} state
 * @param {import('node:http').IncomingMessage} request
 * @returns {Promise<Reply>}
 */
async function answer(state, request) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const reply = (await answerApi(state, url, request)) ?? (await answerFile(state, url.pathname));
  return reply ?? { status: 404, type: 'text/plain', body: 'not found' };
}

/**
 * Answers one request, never cached; a failure answers 500 with its text.
 * @param {ServerState} state
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
async function handle(state, request, response) {
  /** @type {Reply} */
  let reply;
  try {
    reply = await answer(state, request);
  } catch (error) {
    reply = { status: 500, type: 'text/plain', body: String(error) };
  }
  const headers = { 'content-type': reply.type, 'cache-control': 'no-store', ...reply.headers };
  response.writeHead(reply.status, headers);
  response.end(reply.body);
}

/**
 * Starts the server on 127.0.0.1 and a free port.
 * @returns {Promise<BenchServer>}
 */
export async function startServer() {
  /** @type {ServerState} */
  const state = { counters: { token: 0, api: 0 }, issued: 0, firstValid: 1, scripts: new Map() };
  const server = createServer((request, response) => handle(state, request, response));
  server.keepAliveTimeout = 60_000;
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    counters: state.counters,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done(undefined));
      }),
  };
}
