/**
 * (2) Refresh storm: N concurrent calls all get 401 (their token was revoked). Counts token
 * endpoint requests (refreshes) and API requests per client, in one page, side by side.
 */
import { callBench, openPage } from '../lib/browser.mjs';

const clients = [
  ['ours', 'ours (callout)'],
  ['ky-naive', 'ky + naive afterResponse hook'],
  ['axios-auth-refresh', 'axios + axios-auth-refresh (default: deduplicateRefresh)'],
  ['axios-auth-refresh-no-dedup', 'axios + axios-auth-refresh, deduplicateRefresh: false'],
];

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'refresh',
  title: '(2) Refreshes for N concurrent 401s',
  target: '1 refresh per storm',
  browser: true,
  async run({ context, server }) {
    const page = await openPage(context, server.url, '/refresh.html');
    /** @type {(string | number)[][]} */
    const rows = [];
    /** @type {Record<string, unknown>} */
    const data = {};
    for (const n of [10, 100]) {
      for (const [client, label] of clients) {
        const result = /** @type {{ refreshes: number, apiRequests: number, failed: number, ms: number }} */ (
          await callBench(page, 'storm', { client, n })
        );
        data[`${client}/${n}`] = result;
        rows.push([
          n,
          label,
          result.refreshes,
          result.apiRequests,
          result.failed,
          `${Math.round(result.ms)} ms`,
        ]);
      }
    }
    await page.close();
    return {
      columns: ['N', 'client', 'refreshes', 'API requests', 'failed calls', 'wall time'],
      rows,
      notes: [
        'Token endpoint and API are the bench server on 127.0.0.1 (real HTTP); every token issued before the storm is revoked.',
        'axios-auth-refresh by default runs one refresh but rejects the 401s of requests already in flight (they are not retried): "failed calls". With `deduplicateRefresh: false` they are retried and still share one refresh call.',
        'Wall time is one run on a shared 2-core machine: indicative only.',
      ],
      data,
    };
  },
};
