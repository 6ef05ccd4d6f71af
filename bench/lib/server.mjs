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
 * Starts the server on 127.0.0.1 and a free port.
 * @returns {Promise<BenchServer>}
 */
export async function startServer() {
  /** @type {Map<string, Promise<string>>} */
  const scripts = new Map();
  const counters = { token: 0, api: 0 };
  let issued = 0;
  let firstValid = 1;
  const script = (/** @type {string} */ key, /** @type {string} */ entry) => {
    let cached = scripts.get(key);
    if (!cached) {
      cached = bundlePage(entry);
      scripts.set(key, cached);
    }
    return cached;
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (
      /** @type {number} */ status,
      /** @type {string} */ type,
      /** @type {string} */ body,
      headers = {},
    ) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      response.end(body);
    };
    try {
      const path = url.pathname;
      if (path.startsWith('/api/')) {
        counters.api++;
        return send(200, 'application/json', '{"ok":true}');
      }
      if (path.startsWith('/secure/')) {
        counters.api++;
        const number = Number(/^Bearer tok-(\d+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '0');
        if (number >= firstValid) return send(200, 'application/json', '{"ok":true}');
        return send(401, 'application/json', '{"error":"invalid_token"}', {
          'www-authenticate': 'Bearer error="invalid_token", error_description="The token was revoked"',
        });
      }
      if (path === '/revoke') {
        firstValid = issued + 1;
        return send(204, 'text/plain', '');
      }
      if (path === '/token') {
        counters.token++;
        issued++;
        const lifetime = Number(url.searchParams.get('lifetime') ?? '3600');
        const delay = Math.min(Number(url.searchParams.get('delay') ?? '0'), 2000);
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        return send(
          200,
          'application/json',
          JSON.stringify({ access_token: `tok-${issued}`, expires_in: lifetime }),
        );
      }
      if (path === '/counters') {
        const body = JSON.stringify(counters);
        if (url.searchParams.has('reset')) Object.assign(counters, { token: 0, api: 0 });
        return send(200, 'application/json', body);
      }
      if (path === '/mockServiceWorker.js') {
        const worker = await readFile(resolve(root, 'demo/public/mockServiceWorker.js'), 'utf8');
        return send(200, 'text/javascript', worker, { 'service-worker-allowed': '/' });
      }
      if (path === '/redirect.html') return send(200, 'text/html', redirectHtml);
      if (path === '/redirect.js')
        return send(200, 'text/javascript', await script('redirect', 'src/redirect.ts'));
      const page = /^\/([a-z-]+)\.(html|js)$/.exec(path);
      if (page?.[1] && page[2]) {
        const name = page[1];
        const isolation = isolatedPages.has(name)
          ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
          : {};
        if (page[2] === 'html') return send(200, 'text/html', pageHtml(name), isolation);
        return send(200, 'text/javascript', await script(name, `bench/pages/${name}.ts`), isolation);
      }
      return send(404, 'text/plain', 'not found');
    } catch (error) {
      return send(500, 'text/plain', String(error));
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    counters,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done(undefined));
      }),
  };
}
