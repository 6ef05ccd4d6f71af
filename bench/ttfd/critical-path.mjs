/**
 * Reads the critical path of one page load from the servers' request log: starting from the last
 * API request that answered data, each request is charged to the request whose response was
 * written last before it arrived (what it waited for: a script that had to run, a redirect to
 * follow, a token to attach; a connection's setup counts only for requests to its server). The chain back to the page's HTML is the sequence of round trips
 * the user waited through. Requests served from Chromium's caches never reach a server, so they
 * cost nothing here, as they cost no round trip. When opening a connection costs time (the
 * servers' handshake relays), the connections a request waited for are on the path too, counted
 * apart as handshakes.
 */

/** @typedef {import('./servers.mjs').LogEntry} LogEntry */

/**
 * One step of the critical path, in milliseconds from the page request's arrival.
 * @typedef {{ request: string, start: number, end: number }} Step
 */

/** `/ours/assets/msal-B1xkp8it.js` → `/ours/assets/msal-*.js`: hashes differ between builds. */
const unhashed = (/** @type {string} */ path) => path.replace(/-[\w-]{8}\.js\b/, '-*.js');

/**
 * @param {LogEntry[]} log the entries of one page load (any order)
 * @returns {{ trips: number, handshakes: number, steps: Step[] }}
 */
export function criticalPath(log) {
  const entries = [...log].sort((a, b) => a.start - b.start);
  const page = entries.find(
    (e) => e.server === 'app' && e.method === 'GET' && /\/(index\.html)?$/.test(e.path.split(' ')[0] ?? ''),
  );
  const apiCalls = entries.filter((e) => e.server === 'api' && e.method === 'GET' && e.status === 200);
  const last = apiCalls.reduce((a, b) => (b.end > a.end ? b : a), apiCalls[0] ?? entries[0]);
  if (!page || !last) return { trips: 0, handshakes: 0, steps: [] };
  /** @type {LogEntry[]} */
  const chain = [last];
  for (let current = last; current !== page; ) {
    // A connection's setup gates only the requests to its own server: a request never waited for
    // another server's handshake (a preconnect to the API that ends just before the identity
    // provider's connection starts is not what that connection waited for).
    const before = entries.filter(
      (e) =>
        e.end <= current.start &&
        e !== current &&
        e.start >= page.start &&
        (e.method !== 'CONNECT' || e.server === current.server),
    );
    const waitedFor = before.reduce((a, b) => (b.end > a.end ? b : a), before[0] ?? page);
    if (waitedFor === current) break;
    chain.unshift(waitedFor);
    current = waitedFor;
  }
  const origin = page.start;
  const handshakes = chain.filter((e) => e.method === 'CONNECT').length;
  return {
    trips: chain.length - handshakes,
    handshakes,
    steps: chain.map((e) => ({
      request: `${e.server} ${e.method} ${unhashed(e.path)}${e.status >= 300 && e.status < 400 ? ` → ${e.status}` : ''}`,
      start: e.start - origin,
      end: e.end - origin,
    })),
  };
}
