/**
 * (3) Tabs: 3 tabs of one origin whose tokens expire together. Counts token endpoint requests of
 * all three on a cold start and when the shared token is due for renewal:
 * - with the bench server's counting endpoint (a provider with no cache): 3 pages of one browser
 *   context, under each `crossTab` setting;
 * - with the real MSAL provider and `cache: 'local'` (a cache the tabs share) under the default
 *   signals: 3 same-origin frames of one page, so that page's one Azure AD emulator counts them all.
 */
import { callBench, openPage } from '../lib/browser.mjs';

const tabs = 3;
const lifetimeSeconds = 4;

/** The store renews at half the lifetime (the 300 s leeway is capped there): wait past it. */
const untilRenewal = () => new Promise((resolve) => setTimeout(resolve, (lifetimeSeconds / 2) * 1000 + 500));

/** @type {{ crossTab: boolean | 'share-tokens', label: string, key: string }[]} */
const counting = [
  {
    crossTab: true,
    label:
      'ours, default `crossTab: true` (signals only, no token on the wire), provider without a cache shared by tabs',
    key: 'signals',
  },
  {
    crossTab: 'share-tokens',
    label: "ours with `crossTab: 'share-tokens'` (opt-in: tokens on the wire)",
    key: 'shareTokens',
  },
  { crossTab: false, label: 'ours with `crossTab: false`', key: 'noCrossTab' },
];

/**
 * Three pages whose provider fetches tokens from the bench server's counting endpoint.
 * @param {import('../run.mjs').MeasureContext} ctx
 * @param {boolean | 'share-tokens'} crossTab
 */
async function countingTabs({ context, server }, crossTab) {
  const pages = [];
  for (let i = 0; i < tabs; i++) pages.push(await openPage(context, server.url, '/tabs.html'));
  const channelName = `bench-tabs-${crossTab}-${Date.now()}`;
  await Promise.all(
    pages.map((page) => callBench(page, 'setup', { crossTab, channelName, lifetimeSeconds })),
  );
  const burst = async () => {
    server.counters.token = 0;
    await Promise.all(pages.map((page) => callBench(page, 'call', {}, 30_000)));
    return server.counters.token;
  };
  const cold = await burst();
  await untilRenewal();
  const renewal = await burst();
  for (const page of pages) await page.close();
  return { cold, renewal };
}

/**
 * Three frames of one page, each with MSAL (`cache: 'local'`) against the page's Azure AD emulator.
 * @param {import('../run.mjs').MeasureContext} ctx
 */
async function msalTabs({ context, server }) {
  const page = await openPage(context, server.url, '/tabs-msal.html');
  await callBench(
    page,
    'setup',
    { tabs, channelName: `bench-tabs-msal-${Date.now()}`, lifetimeSeconds },
    60_000,
  );
  const burst = async () =>
    /** @type {{ token: number, silentAuthorize: number }} */ (await callBench(page, 'call', {}, 30_000));
  const cold = await burst();
  await untilRenewal();
  const renewal = await burst();
  await page.close();
  return { cold: cold.token, renewal: renewal.token, coldSilentAuthorize: cold.silentAuthorize };
}

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'tabs',
  title: '(3) Token acquisitions for 3 tabs whose tokens expire together',
  target: '1 acquisition for all tabs',
  browser: true,
  async run(ctx) {
    /** @type {(string | number)[][]} */
    const rows = [];
    /** @type {Record<string, unknown>} */
    const data = {};
    const first = counting[0];
    if (!first) throw new Error('no variant');
    const signals = await countingTabs(ctx, first.crossTab);
    data[first.key] = signals;
    rows.push([first.label, signals.cold, signals.renewal]);
    const msal = await msalTabs(ctx);
    data.signalsMsalLocal = msal;
    rows.push([
      "ours, default `crossTab: true` (signals only), MSAL with `cache: 'local'` (a cache the tabs share, which MSAL syncs over its own channel, tokens included)",
      msal.cold,
      msal.renewal,
    ]);
    for (const variant of counting.slice(1)) {
      const counts = await countingTabs(ctx, variant.crossTab);
      data[variant.key] = counts;
      rows.push([variant.label, counts.cold, counts.renewal]);
    }
    return {
      columns: ['client', 'cold start: acquisitions', 'renewal when the shared token expires: acquisitions'],
      rows,
      notes: [
        `${tabs} tabs of one origin; tokens live ${lifetimeSeconds} s; every tab calls at the same moment. Acquisitions are token endpoint requests.`,
        'Counting-endpoint rows: 3 pages of one browser context; the provider fetches opaque tokens from the bench server and has no cache, so without tokens on the wire each tab must acquire its own (one tab at a time).',
        "MSAL row: 3 same-origin frames of one page (locks, channels, localStorage and MSAL's cache behave as across tabs), opened one after another, against the Azure AD emulator with an SSO session; the cold start is one silent sign-in (one hidden-iframe authorize + one token request), the renewal one refresh-token request. MSAL renews at half the lifetime here, as the store does. MSAL 5 posts every write to its localStorage cache, tokens in clear, on its own BroadcastChannel: with `cache: 'memory'` no token crosses tabs and each tab acquires its own (as in the first row).",
      ],
      data,
    };
  },
};
