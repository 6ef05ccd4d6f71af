/**
 * Per-call overhead with a cached token: `callout()` vs raw `fetch` vs plain `ky`, each sending
 * the same bearer token to the same loopback endpoint (the bench server, not MSW) and reading the
 * JSON body. Calls are interleaved (the order rotates every round) so drift in the machine's load
 * hits all three alike. The page is cross-origin isolated, so `performance.now()` has 5 µs steps.
 * The `memory*` variants repeat the three with a fetch answered from memory, which shows the
 * JavaScript cost per call that network time hides.
 */
import ky from 'ky';
import { createCallout, functionProvider } from '../../src/index.js';
import { expose } from './support/expose.js';
import { type Summary, summarize } from './support/stats.js';

const token = 'bench-static-token';
const url = `${location.origin}/api/ping`;
const headers = { authorization: `Bearer ${token}` };

const callout = createCallout({
  providers: {
    bench: functionProvider(async () => ({ accessToken: token, expiresOn: Date.now() + 3_600_000 })),
  },
  credentials: {
    Loop: { url: `${location.origin}/api/`, provider: 'bench', scopes: ['api://bench/.default'] },
  },
});

const variants: Record<string, () => Promise<unknown>> = {
  fetch: async () => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`fetch got ${response.status}`);
    return response.json();
  },
  ky: () => ky(url, { headers }).json(),
  callout: () => callout('callout:Loop/ping').json(),
  // The same three with a fetch that answers at once from memory: no network wait to hide the
  // JavaScript each client runs per call, so this is the CPU the page spends.
  memoryFetch: async () => {
    const response = await answerFromMemory();
    if (!response.ok) throw new Error(`fetch got ${response.status}`);
    return response.json();
  },
  memoryKy: () => ky(url, { headers, fetch: answerFromMemory }).json(),
  memoryCallout: () => callout('callout:Loop/ping', { fetch: answerFromMemory }).json(),
};

/** A fetch that answers the ping at once, without the network. */
function answerFromMemory(): Promise<Response> {
  return Promise.resolve(Response.json({ ok: true }));
}

/** Runs `warmup` then `calls` rounds; each round calls every variant once, in a rotating order. */
async function measure({ calls, warmup }: { calls: number; warmup: number }): Promise<{
  crossOriginIsolated: boolean;
  results: Record<string, Summary>;
}> {
  const names = Object.keys(variants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  await callout.token('Loop');
  const rounds = Math.min(warmup + calls, 20_000);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] ?? 'fetch';
      const run = variants[name];
      if (!run) continue;
      const started = performance.now();
      await run();
      const elapsed = performance.now() - started;
      if (round >= warmup) samples[name]?.push(elapsed);
    }
  }
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    results: Object.fromEntries(names.map((name) => [name, summarize(samples[name] ?? [])])),
  };
}

expose({ measure });
