/**
 * (3) Tabs: 3 pages of one origin in one browser context, whose tokens expire together. Counts
 * token endpoint requests of all three (the bench server counts them) on a cold start and when
 * the shared token is due for renewal, with and without cross-tab coordination.
 */
import { callBench, openPage } from '../lib/browser.mjs';

const tabs = 3;
const lifetimeSeconds = 4;

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'tabs',
  title: '(3) Token acquisitions for 3 tabs whose tokens expire together',
  target: '1 acquisition for all tabs',
  browser: true,
  async run({ context, server }) {
    /** @type {(string | number)[][]} */
    const rows = [];
    /** @type {Record<string, unknown>} */
    const data = {};
    for (const crossTab of [true, false]) {
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
      // The store renews at half the lifetime (the 300 s leeway is capped there): wait past it.
      await new Promise((resolve) => setTimeout(resolve, (lifetimeSeconds / 2) * 1000 + 500));
      const renewal = await burst();
      data[crossTab ? 'crossTab' : 'noCrossTab'] = { cold, renewal };
      rows.push([
        crossTab ? 'ours (crossTab: true, the default)' : 'ours with crossTab: false',
        cold,
        renewal,
      ]);
      for (const page of pages) await page.close();
    }
    return {
      columns: ['client', 'cold start: acquisitions', 'renewal when the shared token expires: acquisitions'],
      rows,
      notes: [
        `${tabs} pages of one origin in one browser context; tokens from the bench server's counting endpoint, ${lifetimeSeconds} s lifetime; every tab calls at the same moment.`,
      ],
      data,
    };
  },
};
