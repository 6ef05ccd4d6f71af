/**
 * (7) Time to first data: from navigation to the components showing the API's data, on a page
 * served by real loopback servers (the page, Entra ID under its own host name, the API on another
 * origin; HTTPS, HTTP/2) that add a fixed latency to every request. Cold (an Entra session, nothing
 * cached) and warm (a reload, with each MSAL cache option), 1 and 10 components; ours, plain MSAL +
 * fetch and Microsoft Graph Toolkit in the same run; milliseconds, the sequential round trips on
 * the critical path (from the servers' request log), and the floor. See bench/ttfd/.
 */
import { loadavg } from 'node:os';
import { createApi } from '../ttfd/api.mjs';
import { appOrigin, createApp } from '../ttfd/app.mjs';
import { buildAll } from '../ttfd/build.mjs';
import { builtFiles } from '../ttfd/cpu-profile.mjs';
import { createIdp } from '../ttfd/idp.mjs';
import { coldAndWarm, coldInFreshProfile, launchTtfdBrowser } from '../ttfd/load.mjs';
import { ttfdNotes } from '../ttfd/notes.mjs';
import { startTtfdServers } from '../ttfd/servers.mjs';

const latencies = [50, 150];
const counts = [1, 10];
const caches = /** @type {const} */ (['session', 'memory', 'local']);
/** Each client's page (bench/pages/ttfd/<id>/, see bench/ttfd/build.mjs) and its column. */
const clients = /** @type {const} */ ([
  ['ours', 'ours: the README page (sso-callout/define)'],
  ['eager', 'ours with define-all (every element at once)'],
  ['tuned', 'ours tuned: MSAL preloaded from the HTML + inline redirect script'],
  ['plain', 'plain MSAL + fetch'],
  ['mgt', 'MGT 4.6'],
]);

/**
 * The fewest sequential round trips each case allows, and what they are.
 * Cold: the page; its scripts (every one referenced up front, in parallel); the hidden authorize
 * request; the redirect page it answers with (its script inline or cached); the token request; the
 * API's CORS preflight (the Authorization header needs one); the API call. Warm with MSAL's cache in
 * storage: the page and the API call (scripts, token and preflight cached). Warm with the memory
 * cache, the token is gone: the page, authorize, redirect page, token, API. Cold when a new
 * connection costs two round trips (TCP + TLS 1.3): the cold path plus two handshakes nothing can
 * hide — the page's own, and the hidden iframe's to the identity provider (Chromium keys
 * connections by the frame's site, so the page cannot open it for the iframe); the token
 * request's and the API's connections can be opened ahead (preconnect). `setup`: round trips of
 * connection setup; `handshakes`: those on the critical path after the page.
 */
export const floors = {
  cold: { trips: 7, path: 'page → scripts → authorize → redirect page → token → preflight → API' },
  connect: {
    trips: 7,
    setup: 4,
    handshakes: 1,
    path: 'page handshake → page → scripts → iframe handshake → authorize → redirect page → token → preflight → API',
  },
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

/** @typedef {{ ms: number[], trips: number[], handshakes: number[], networkMs: number[], scriptGzip: number[], cpu: import('../ttfd/cpu-profile.mjs').CpuByOwner[], paths: string[][] }} Samples */

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'ttfd',
  title: '(7) Time to first data, cold and warm, against loopback servers with added latency',
  target: '≤ 1.2× the floor cold and warm, and fewer round trips than plain MSAL and MGT',
  browser: false,
  async run({ quick }) {
    const repeats = quick ? 1 : 3;
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
      samples[key] ??= {
        ms: [],
        trips: [],
        handshakes: [],
        networkMs: [],
        scriptGzip: [],
        cpu: [],
        paths: [],
      };
      if (result.cpu) samples[key].cpu.push(result.cpu);
      samples[key].scriptGzip.push(result.scriptGzip);
      samples[key].ms.push(result.ms);
      samples[key].trips.push(result.trips);
      samples[key].handshakes.push(result.handshakes);
      samples[key].networkMs.push(result.networkMs);
      samples[key].paths.push(
        result.steps.map((s) => `${s.start.toFixed(0)}–${s.end.toFixed(0)} ms ${s.request}`),
      );
    };
    try {
      for (const latency of latencies) {
        servers.setLatency(latency);
        await coldAndWarmRuns({ browser, servers, repeats, add, latency, fileOf: builtFiles(dirs) });
      }
      for (const latency of latencies) {
        servers.setLatency(latency);
        servers.setHandshake(2 * latency);
        await connectionRuns({ browser, servers, repeats, add, latency });
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
 * @typedef {object} RunContext
 * @property {import('playwright-core').Browser} browser
 * @property {Awaited<ReturnType<typeof startTtfdServers>>} servers
 * @property {number} repeats
 * @property {(key: string, result: import('../ttfd/load.mjs').LoadResult) => void} add
 * @property {number} latency
 * @property {import('../ttfd/load.mjs').FileOf} [fileOf] profile the loads' CPU
 */

/** Cold and warm runs of every client, count and cache option, in a rotating order. */
async function coldAndWarmRuns(
  /** @type {RunContext} */ { browser, servers, repeats, add, latency, fileOf },
) {
  for (let round = 0; round < repeats; round++) {
    for (const n of counts) {
      for (const cache of caches) {
        // Rotate the order so load drift on a shared machine hits every client alike.
        const order = clients.map((_, i) => clients[(i + round + caches.indexOf(cache)) % clients.length]);
        for (const [client] of order.filter((entry) => entry !== undefined)) {
          const { cold, warm } = await coldAndWarm({
            browser,
            servers,
            variant: client,
            n,
            cache,
            ...(fileOf ? { fileOf } : {}),
          });
          add(`${latency}|cold|${n}|${client}`, cold);
          if (warm) add(`${latency}|${cache}|${n}|${client}`, warm);
        }
      }
    }
  }
}

/**
 * Cold runs (1 component) while every new connection costs its handshakes, each in a browser with
 * a fresh regular profile (a context like `browser`'s ignores preconnect hints).
 */
async function connectionRuns(/** @type {RunContext} */ { servers, repeats, add, latency }) {
  for (let round = 0; round < repeats; round++) {
    const order = clients.map((_, i) => clients[(i + round) % clients.length]);
    for (const [client] of order.filter((entry) => entry !== undefined)) {
      add(`${latency}|connect|1|${client}`, await coldInFreshProfile({ servers, variant: client }));
    }
  }
}

/**
 * One client's numbers for one case: median and best milliseconds, round trips and handshakes on
 * the critical path (medians), and the first run's path.
 * @param {Samples | undefined} s
 */
function cellOf(s) {
  if (!s) return undefined;
  return {
    ms: Math.round(median(s.ms)),
    bestMs: Math.round(Math.min(...s.ms)),
    trips: median(s.trips),
    handshakes: median(s.handshakes),
    networkMs: Math.round(median(s.networkMs)),
    scriptGzip: median(s.scriptGzip),
    cpu: medianByOwner(s.cpu),
    msSamples: s.ms.map(Math.round),
    tripsSamples: s.trips,
    path: s.paths[0] ?? [],
  };
}

/** The cases of the table, in order: [case, component count, label]. */
const tableCases = /** @type {const} */ ([
  ...counts.map((n) => ['cold', n, 'cold']),
  ...['session', 'local', 'memory'].flatMap((cache) =>
    counts.map((n) => [cache, n, `warm reload, ${cache} cache`]),
  ),
  ['connect', 1, 'cold, connections cost 2 round trips'],
]);

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
    for (const [kase, n, label] of tableCases) {
      const floor = /** @type {{ trips: number, setup?: number, handshakes?: number, path: string }} */ (
        floors[/** @type {keyof typeof floors} */ (kase)]
      );
      const floorMs = (floor.trips + (floor.setup ?? 0)) * latency;
      const cells = Object.fromEntries(
        clients.map(([client]) => [client, cellOf(samples[`${latency}|${kase}|${n}|${client}`])]),
      );
      const text = (/** @type {string} */ client) => {
        const cell = cells[client];
        if (!cell) return 'not measured';
        const setup =
          cell.handshakes > 0 ? ` + ${cell.handshakes} handshake${cell.handshakes > 1 ? 's' : ''}` : '';
        // Cold loads also say how much JavaScript the page downloaded (gzip).
        const script = kase === 'cold' ? `, ${(cell.scriptGzip / 1000).toFixed(1)} kB JS` : '';
        return `${cell.ms} / ${cell.bestMs} ms (${cell.trips}${setup}${script})`;
      };
      const ratio = (/** @type {string} */ client) => {
        const cell = cells[client];
        return cell ? `${(cell.ms / floorMs).toFixed(2)}× (${(cell.bestMs / floorMs).toFixed(2)}×)` : '—';
      };
      const floorSetup = floor.handshakes ? ` + ${floor.handshakes} handshake` : '';
      rows.push([
        `${latency} ms`,
        `${label}, ${n} component${n > 1 ? 's' : ''}`,
        ...clients.map(([client]) => text(client)),
        `${floorMs} ms (${floor.trips}${floorSetup})`,
        `${ratio('ours')} · ${ratio('eager')} · ${ratio('tuned')}`,
      ]);
      cases[`${latency}|${kase}|${n}`] = { floor: { ...floor, ms: floorMs }, ...cells };
    }
  }
  return {
    columns: [
      'latency',
      'case',
      ...clients.map(([, label], i) => (i === 0 ? `${label}: median / best ms (round trips)` : label)),
      'floor',
      'ours ÷ floor, median (best): README · eager · tuned',
    ],
    rows,
    notes: [...ttfdNotes({ repeats, load, floors, cacheCount: caches.length }), ...cpuNotes(cases)],
    data: { latencies, counts, repeats, floors, load, cases },
  };
}

/**
 * The median CPU per owner over the profiled runs (an owner absent from a run counts 0 there).
 * @param {import('../ttfd/cpu-profile.mjs').CpuByOwner[]} runs
 */
function medianByOwner(runs) {
  const owners = new Set(runs.flatMap((run) => Object.keys(run)));
  return Object.fromEntries(
    [...owners].map((owner) => [owner, Math.round(median(runs.map((run) => run[owner] ?? 0)))]),
  );
}

/**
 * One note per client for the cold and the warm (session cache) load of one component at the
 * highest latency: the CPU the load took, by owner (Chromium's sampling profiler, see
 * bench/ttfd/cpu-profile.mjs).
 * @param {Record<string, Record<string, { cpu?: Record<string, number> } | undefined>>} cases
 */
function cpuNotes(cases) {
  const latency = latencies[latencies.length - 1];
  /** @type {string[]} */
  const lines = [];
  for (const [kase, label] of [
    ['cold', 'cold'],
    ['session', 'warm (session cache)'],
  ]) {
    for (const [client, name] of clients) {
      const cpu = cases[`${latency}|${kase}|1`]?.[client]?.cpu;
      if (!cpu || Object.keys(cpu).length === 0) continue;
      const total = Object.values(cpu).reduce((sum, ms) => sum + ms, 0);
      const parts = Object.entries(cpu)
        .sort((a, b) => b[1] - a[1])
        .map(([owner, ms]) => `${owner} ${ms}`);
      lines.push(
        `CPU of a ${label} load, 1 component, ${latency} ms, ${name}: ${total} ms (median ms: ${parts.join(', ')}).`,
      );
    }
  }
  return lines;
}
