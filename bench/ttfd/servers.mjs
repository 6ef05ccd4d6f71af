/**
 * The three loopback servers of the time-to-first-data bench, each on its own port, HTTPS and
 * HTTP/2 (as production origins are; HTTP/1.1 would cap a host at six parallel requests), with one
 * throw-away certificate for every host name:
 * - `app` serves the pages (https://app.contoso.com),
 * - `idp` is Entra ID (https://login.microsoftonline.com),
 * - `api` is the API (https://api.contoso.com).
 * Chromium reaches them under those names through `--host-resolver-rules` (see `resolverRules`).
 *
 * Every request waits `latencyMs` (half before the handler runs, half after: one round trip), every
 * new connection may wait `handshakeMs` first (a relay in front of each server), and both are
 * logged with their start and the moment they end (the answer leaves, the connection is through)
 * on one clock
 * (`performance.timeOrigin + performance.now()`, epoch milliseconds), so the critical path can be
 * read from the log.
 */
import { createSecureServer } from 'node:http2';
import { connect, createServer as createNetServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { selfSignedCertificate } from './tls.mjs';

/**
 * @typedef {object} BenchRequest
 * @property {string} method
 * @property {URL} url
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} body
 */
/** @typedef {{ status: number, headers: Record<string, string>, body: string | Buffer }} BenchResponse */
/** @typedef {(request: BenchRequest) => Promise<BenchResponse> | BenchResponse} Handler */
/**
 * @typedef {object} LogEntry
 * @property {'app' | 'idp' | 'api'} server
 * @property {string} method
 * @property {string} path path and the query parameters that tell requests apart (`prompt`, `grant_type`)
 * @property {number} status
 * @property {number} start epoch ms, fractional: when the request arrived
 * @property {number} end epoch ms: when its response was handed to the connection
 * @property {number} [gzip] the response body's size gzipped (level 9): JavaScript only
 */

export const hosts = /** @type {const} */ ({
  app: 'app.contoso.com',
  idp: 'login.microsoftonline.com',
  api: 'api.contoso.com',
});

const now = () => performance.timeOrigin + performance.now();

/** The part of a URL worth showing in a critical path: the path plus a few telling parameters. */
function describe(/** @type {URL} */ url, /** @type {string} */ body) {
  const telling = ['prompt', 'n']
    .filter((k) => url.searchParams.has(k))
    .map((k) => `${k}=${url.searchParams.get(k)}`);
  const grant = new URLSearchParams(body).get('grant_type');
  if (grant) telling.push(`grant_type=${grant}`);
  return telling.length > 0 ? `${url.pathname} (${telling.join(', ')})` : url.pathname;
}

/** @typedef {{ latencyMs: number, handshakeMs: number }} Delays */

/**
 * One HTTPS + HTTP/2 server: every request waits `delays.latencyMs` (half before the handler, half
 * after) and is logged.
 * @param {'app' | 'idp' | 'api'} name
 * @param {Handler} handler
 * @param {{ delays: Delays, log: LogEntry[], key: string, cert: string }} shared
 */
function serve(name, handler, { delays, log, key, cert }) {
  return createSecureServer({ key, cert, allowHTTP1: true }, async (req, res) => {
    const start = now();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', `https://${hosts[name]}`);
    const method = req.method ?? 'GET';
    /** @type {LogEntry} */
    const entry = { server: name, method, path: describe(url, body), status: 0, start, end: 0 };
    await sleep(delays.latencyMs / 2);
    /** @type {BenchResponse} */
    let response;
    try {
      response = await handler({ method, url, headers: req.headers, body });
    } catch (error) {
      response = { status: 500, headers: { 'content-type': 'text/plain' }, body: String(error) };
    }
    await sleep(delays.latencyMs / 2);
    entry.status = response.status;
    res.writeHead(response.status, response.headers);
    // The answer leaves now. (Waiting for 'finish' would add the event loop's lag on a busy
    // machine, and a response could then seem to end after the request it caused began.)
    entry.end = now();
    log.push(entry);
    res.end(response.body);
    if (/javascript/.test(response.headers['content-type'] ?? '')) entry.gzip = gzipSize(response.body);
  });
}

/** Gzipped sizes of the bodies served, computed once per body (after it was sent). */
const gzipSizes = new WeakMap();

/** @param {string | Buffer} body */
function gzipSize(body) {
  if (typeof body === 'string') return gzipSync(body, { level: 9 }).byteLength;
  let size = gzipSizes.get(body);
  if (size === undefined) {
    size = gzipSync(body, { level: 9 }).byteLength;
    gzipSizes.set(body, size);
  }
  return size;
}

/**
 * A TCP relay in front of a server that holds every new connection `delays.handshakeMs` before
 * passing it through: the cost of opening a connection (TCP + TLS handshakes), which loopback
 * otherwise makes free. Logged as a `CONNECT` entry when not zero.
 * @param {'app' | 'idp' | 'api'} name
 * @param {number} port the server's
 * @param {{ delays: Delays, log: LogEntry[] }} shared
 */
function handshakeRelay(name, port, { delays, log }) {
  return createNetServer((client) => {
    const start = now();
    const hold = delays.handshakeMs;
    client.pause();
    client.on('error', () => client.destroy());
    setTimeout(() => {
      const upstream = connect(port, '127.0.0.1', () => {
        if (hold > 0) {
          const path = '(TCP + TLS handshake)';
          log.push({ server: name, method: 'CONNECT', path, status: 0, start, end: now() });
        }
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    }, hold);
  });
}

/** @param {import('node:net').Server} server */
async function listen(server) {
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Starts the servers (and their handshake relays, which Chromium connects to) on 127.0.0.1 and
 * free ports.
 * @param {Record<'app' | 'idp' | 'api', Handler>} handlers
 */
export async function startTtfdServers(handlers) {
  const { key, cert } = selfSignedCertificate(Object.values(hosts));
  /** @type {LogEntry[]} */
  const log = [];
  /** @type {Delays} */
  const delays = { latencyMs: 0, handshakeMs: 0 };
  /** @type {import('node:net').Server[]} */
  const servers = [];
  /** @type {Record<string, number>} */
  const ports = {};
  for (const name of /** @type {const} */ (['app', 'idp', 'api'])) {
    const server = serve(name, handlers[name], { delays, log, key, cert });
    const relay = handshakeRelay(name, await listen(server), { delays, log });
    ports[name] = await listen(relay);
    servers.push(server, relay);
  }
  return {
    log,
    ports,
    /** Every request waits this long from now on. @param {number} ms */
    setLatency: (ms) => {
      delays.latencyMs = ms;
    },
    /** Every new connection waits this long from now on. @param {number} ms */
    setHandshake: (ms) => {
      delays.handshakeMs = ms;
    },
    /** Chromium's `--host-resolver-rules` value that sends the three host names here. */
    resolverRules: Object.entries(hosts)
      .map(([name, host]) => `MAP ${host} 127.0.0.1:${ports[name]}`)
      .join(', '),
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise((done) => {
              server.close(() => done(undefined));
              setTimeout(() => done(undefined), 2000).unref();
            }),
        ),
      ),
  };
}
