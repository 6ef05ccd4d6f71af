/**
 * (1) IdP acquisitions for N components mounted at once, cold and warm, against the Azure AD
 * emulator with the real MSAL: ours vs plain MSAL acquireTokenSilent per component vs a naive
 * MSAL instance per component.
 */
import { callBench, openPage } from '../lib/browser.mjs';

/** @typedef {{ tokenRequests: number, silentAuthorize: number, ok: number, failed: number, timedOut: boolean, ms: number }} Acquisition */

const variants = [
  ['ours', 'ours: N <callout-get>, one client'],
  ['plain-msal', 'one MSAL instance, acquireTokenSilent per component'],
  ['naive-msal', 'one MSAL instance per component'],
];

/** @param {Acquisition} r */
const cell = (r) =>
  `${r.tokenRequests} + ${r.silentAuthorize}${r.timedOut ? ' (timed out)' : r.failed ? ` (${r.failed} failed)` : ''}`;

/** @type {import('../run.mjs').Measure} */
export default {
  id: 'acquisitions',
  title: '(1) IdP acquisitions for N components (Azure AD emulator, real MSAL)',
  target: 'cold: 1 token request per scope set; warm: 0',
  browser: true,
  async run({ context, server, quick }) {
    const sizes = quick ? [1, 10] : [1, 10, 100];
    /** @type {(string | number)[][]} */
    const rows = [];
    /** @type {Record<string, unknown>} */
    const data = {};
    for (const [variant, label] of variants) {
      for (const n of sizes) {
        // A fresh page per run: MSAL instances, iframes and caches never carry over.
        const page = await openPage(context, server.url, '/acquisitions.html');
        try {
          const result = /** @type {{ cold: Acquisition, warm: Acquisition }} */ (
            await callBench(page, 'run', { variant, n }, 150_000)
          );
          data[`${variant}/${n}`] = result;
          rows.push([label, n, cell(result.cold), cell(result.warm), `${Math.round(result.cold.ms)} ms`]);
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          data[`${variant}/${n}`] = { notMeasured: reason };
          rows.push([label, n, `not measured: ${reason}`, '', '']);
        } finally {
          await page.close();
        }
      }
    }
    return {
      columns: ['variant', 'N', 'cold: token requests + silent authorize', 'warm', 'cold wall time'],
      rows,
      notes: [
        'Cold: nothing cached, an Azure AD session exists (silent SSO with loginHint). Warm: the same N mounted again in the same page.',
        '"token requests" are POSTs to the emulated token endpoint; "silent authorize" are hidden-iframe (ssoSilent) navigations.',
        'Every component also calls the emulated API, which validates the token; "failed" counts components that got no data.',
      ],
      data,
    };
  },
};
