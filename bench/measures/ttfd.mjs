/**
 * (7) Time to first data: from navigation to the components showing the API's data, on a page
 * served by real loopback servers (the page, Entra ID under its own host name, the API on another
 * origin; HTTPS, HTTP/2) that add a fixed latency to every request. Cold (an Entra session, nothing
 * cached) and warm (a reload, with each MSAL cache option), 1 and 10 components; ours, plain MSAL +
 * fetch and Microsoft Graph Toolkit in the same run; milliseconds, the sequential round trips on
 * the critical path (from the servers' request log), and the floor. See bench/ttfd/.
 */
import { cpus, loadavg } from 'node:os';
import { createApi } from '../ttfd/api.mjs';
import { appOrigin, createApp } from '../ttfd/app.mjs';
import { buildAll } from '../ttfd/build.mjs';
import { createIdp } from '../ttfd/idp.mjs';
import { coldAndWarm, launchTtfdBrowser } from '../ttfd/load.mjs';
import { startTtfdServers } from '../ttfd/servers.mjs';

const latencies = [50, 150];
const counts = [1, 10];
const caches = /** @type {const} */ (['session', 'memory', 'local']);
/** Each client's page (bench/pages/ttfd/<id>/, see bench/ttfd/build.mjs) and its column. */
const clients = /** @type {const} */ ([
  ['ours', 'ours: the README page'],
  ['plain', 'plain MSAL + fetch'],
  ['mgt', 'MGT 4.6'],
]);

/**
 * The fewest sequential round trips each case allows, and what they are.
 * Cold: the page; its scripts (every one referenced up front, in parallel); the hidden authorize
 * request; the redirect page it answers with (its script inline or cached); the token request; the
 * API's CORS preflight (the Authorization header needs one); the API call. Warm with MSAL's cache in
 * storage: the page and the API call (scripts, token and preflight cached). Warm with the memory
 * cache, the token is gone: the page, authorize, redirect page, token, API.
 */
export const floors = {
  cold: { trips: 7, path: 'page → scripts → authorize → redirect page → token → preflight → API' },
  session: { trips: 2, path: 'page → API' },
  local: { trips: 2, path: 'page → API' },
  memory: { trips: 5, path: 'page → authorize → redirect page → token → API' },
};

const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** @typedef {{ ms: number[], trips: number[], networkMs: number[], paths: string[][] }} Samples */

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'ttfd',
  title: '(7) Time to first data, cold and warm, against loopback servers with added latency',
  target: '≤ 1.2× the floor cold and warm, and fewer round trips than plain MSAL and MGT',
  browser: false,
  async run({ quick }) {
    const repeats = quick ? 1 : 2;
    const load = [loadavg()[0] ?? 0];
    const dirs = await buildAll();
    const idp = await createIdp({ appOrigin });
    const servers = await startTtfdServers({
      app: createApp(dirs),
      idp: idp.handler,
      api: createApi({ jwks: idp.jwks, appOrigin }),
    });
    const browser = await launchTtfdBrowser(servers.resolverRules);
    const browserVersion = browser.version();
    /** @type {Record<string, Samples>} keyed `${latency}|${case}|${n}|${client}` */
    const samples = {};
    const add = (/** @type {string} */ key, /** @type {import('../ttfd/load.mjs').LoadResult} */ result) => {
      samples[key] ??= { ms: [], trips: [], networkMs: [], paths: [] };
      samples[key].ms.push(result.ms);
      samples[key].trips.push(result.trips);
      samples[key].networkMs.push(result.networkMs);
      samples[key].paths.push(
        result.steps.map((s) => `${s.start.toFixed(0)}–${s.end.toFixed(0)} ms ${s.request}`),
      );
    };
    try {
      for (const latency of latencies) {
        servers.setLatency(latency);
        for (let round = 0; round < repeats; round++) {
          for (const n of counts) {
            for (const cache of caches) {
              // Rotate the order so load drift on a shared machine hits every client alike.
              const order = clients.map(
                (_, i) => clients[(i + round + caches.indexOf(cache)) % clients.length],
              );
              for (const entry of order) {
                const client = entry?.[0] ?? 'ours';
                const { cold, warm } = await coldAndWarm({ browser, servers, variant: client, n, cache });
                add(`${latency}|cold|${n}|${client}`, cold);
                add(`${latency}|${cache}|${n}|${client}`, warm);
              }
            }
          }
        }
      }
    } finally {
      await browser.close().catch(() => {});
      await servers.close();
      load.push(loadavg()[0] ?? 0);
    }
    return { ...summarize(samples, repeats, load), browserVersion };
  },
};

/**
 * @param {Record<string, Samples>} samples
 * @param {number} repeats
 * @param {number[]} load the machine's 1-minute load average at the start and the end
 */
function summarize(samples, repeats, load) {
  /** @type {(string | number)[][]} */
  const rows = [];
  /** @type {Record<string, unknown>} */
  const cases = {};
  for (const latency of latencies) {
    for (const kase of /** @type {const} */ (['cold', 'session', 'local', 'memory'])) {
      for (const n of counts) {
        const floor = floors[kase];
        const floorMs = floor.trips * latency;
        /** @type {Record<string, { ms: number, trips: number, networkMs: number, msSamples: number[], tripsSamples: number[], path: string[] }>} */
        const cells = {};
        for (const [client] of clients) {
          const s = samples[`${latency}|${kase}|${n}|${client}`];
          if (!s) continue;
          cells[client] = {
            ms: Math.round(median(s.ms)),
            trips: median(s.trips),
            networkMs: Math.round(median(s.networkMs)),
            msSamples: s.ms.map(Math.round),
            tripsSamples: s.trips,
            path: s.paths[0] ?? [],
          };
        }
        const text = (/** @type {string} */ client) => {
          const cell = cells[client];
          return cell ? `${cell.ms} ms (${cell.trips})` : 'not measured';
        };
        const ratio = (/** @type {string} */ client) =>
          `${((cells[client]?.ms ?? Number.NaN) / floorMs).toFixed(2)}×`;
        const label = kase === 'cold' ? 'cold' : `warm reload, ${kase} cache`;
        rows.push([
          `${latency} ms`,
          `${label}, ${n} component${n > 1 ? 's' : ''}`,
          ...clients.map(([client]) => text(client)),
          `${floorMs} ms (${floor.trips})`,
          ratio('ours'),
        ]);
        cases[`${latency}|${kase}|${n}`] = { floor: { ...floor, ms: floorMs }, ...cells };
      }
    }
  }
  return {
    columns: [
      'latency',
      'case',
      ...clients.map(([, label], i) => (i === 0 ? `${label}: ms (round trips)` : label)),
      'floor',
      'ours ÷ floor',
    ],
    rows,
    notes: [
      `Median of ${repeats} run(s) per cell (cold: ${repeats * caches.length}, one per cache option); each run is a fresh browser context holding only the Entra session cookie, loaded once (cold) and reloaded (warm). Milliseconds from navigation start to the last component showing the API's data; round trips: the requests one after another on the critical path, read from the servers' log.`,
      `The machine's load average was ${load.map((l) => l.toFixed(1)).join(' → ')} (${cpus().length} cores): the time beyond the round trips (data.cases[…].networkMs is the round trips' share) is CPU, including waiting for a core, so compare round trips first and milliseconds within a row.`,
      'Servers: the page (app.contoso.com), Entra ID (login.microsoftonline.com, so MSAL uses its built-in Entra metadata exactly as in production) and the API (api.contoso.com, CORS, preflights cached 600 s), HTTPS + HTTP/2 on loopback, mapped with --host-resolver-rules. Each request waits the latency before its answer; connection setup and bandwidth are free, so the rest of each time is CPU (MSAL, rendering, and on a shared machine, waiting for a core).',
      `Floor: cold ${floors.cold.trips} (${floors.cold.path}); warm with session or local cache ${floors.session.trips} (${floors.session.path}); warm with memory cache ${floors.memory.trips} (${floors.memory.path}).`,
      'Pages are built with Vite as an app ships them (hashed chunks cached immutable, HTML no-cache, redirect pages no-store): ours as the README shows (one import of sso-callout/define, elements in the HTML); plain MSAL 5 as its docs show (redirect page with the redirect bridge; every component asks for its token); MGT 4.6 (its own MSAL 2, blank redirect page, the login hint for silent SSO).',
    ],
    data: { latencies, counts, repeats, floors, load, cases },
  };
}
