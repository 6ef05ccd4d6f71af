import { cpus } from 'node:os';

/**
 * The notes under the time-to-first-data table: how a run is measured, the machine's load, the
 * servers, the floors and how each page is built. Pure: called once when the table is written.
 * @param {{ repeats: number, load: number[], floors: Record<string, { trips: number, path: string, setup?: number }>, cacheCount: number }} options
 * @returns {string[]}
 */
export function ttfdNotes({ repeats, load, floors, cacheCount }) {
  return [
    `Median and best of ${repeats} run(s) per cell (cold: ${repeats * cacheCount}, one per cache option); each run is a fresh browser context holding only the Entra session cookie, loaded once (cold) and reloaded (warm). Milliseconds from navigation start to the last component showing the API's data; round trips: the requests one after another on the critical path, read from the servers' log.`,
    'Cold rows also give the JavaScript the page downloaded, gzip -9 (data.cases[…].<client>.scriptGzip): every chunk it requested, ours, lit, ky and MSAL included.',
    `The machine's load average was ${load.map((l) => l.toFixed(1)).join(' → ')} (${cpus().length} cores): the time beyond the round trips (data.cases[…].networkMs is the round trips' share) is CPU, including waiting for a core, so compare round trips first and milliseconds within a row.`,
    "Servers: the page (app.contoso.com), Entra ID (login.microsoftonline.com, so MSAL uses its built-in Entra metadata exactly as in production) and the API (api.contoso.com, CORS, preflights cached 600 s), HTTPS + HTTP/2 on loopback, mapped with --host-resolver-rules. Each request waits the latency before its answer. Connection setup and bandwidth are free, except in the last row of each latency: there every new connection first waits two latencies (TCP + TLS 1.3), the handshakes on the critical path (after the page's own) are counted apart, and each run has a Chromium of its own with a fresh regular profile (Playwright's contexts, like incognito windows, ignore preconnect hints; MSAL preconnects to the authority before a silent sign-in).",
    `Floor: cold ${floors.cold.trips} (${floors.cold.path}); warm with session or local cache ${floors.session.trips} (${floors.session.path}); warm with memory cache ${floors.memory.trips} (${floors.memory.path}); cold with connection costs ${floors.connect.trips} + ${floors.connect.setup} round trips of setup (${floors.connect.path}).`,
    "Pages are built with Vite as an app ships them (hashed chunks cached immutable, HTML no-cache, redirect pages no-store): ours as the README shows (one import of sso-callout/define, which registers <callout-msal>, <callout-credential> and <callout-get> at once and loads <callout-login> and <callout-log> when used; elements in the HTML); eager: the same page importing sso-callout/define-all instead (all five registered at once); tuned: the README's page built with MSAL's adapter preloaded from the HTML (build/preload-used-elements.mjs, which also preloads the on-demand elements a page contains) and the redirect page's script inlined (build/inline-redirect-script.mjs); plain MSAL 5 as its docs show (redirect page with the redirect bridge; every component asks for its token); MGT 4.6 (its own MSAL 2, blank redirect page, the login hint for silent SSO).",
  ];
}
