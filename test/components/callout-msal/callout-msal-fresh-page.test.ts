import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/define-all.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutLog } from '../../../components/callout-log/callout-log.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { emulatedPage, msalMarkup, ordersCredentialMarkup } from '../../support/msal-page.js';
import { useMsw } from '../../support/msw-worker.js';

const msw = useMsw();

// The test page loads hundreds of modules: keep every resource entry, not the first 250.
performance.setResourceTimingBufferSize(100_000);

/** Whether the page has fetched `sso-callout/msal` (the chunk `<callout-msal>` loads). */
function msalFetched(): boolean {
  return performance.getEntriesByType('resource').some((entry) => /\/src\/msal\.[jt]s\b/.test(entry.name));
}

describe('<callout-msal> on a fresh page', () => {
  it('lets a callout wait while MSAL loads: no error in <callout-log>, on the element or in the console, and one token request.', async function () {
    this.timeout(40_000);
    expect(msalFetched(), 'MSAL must not be loaded before the page declares it').to.equal(false);
    const emulated = emulatedPage(msw);
    const { aad, api } = emulated;
    await capturingConsole(async (consoleErrors) => {
      const page = await fixture<HTMLDivElement>(html`<div>
        <callout-log></callout-log>
        <callout-get credential="Orders" path="orders"></callout-get>
        ${ordersCredentialMarkup}
        ${msalMarkup(emulated)}
      </div>`);
      const get = page.querySelector<CalloutGet>('callout-get')!;
      const errorEvents: unknown[] = [];
      get.addEventListener('callout-error', (event) => errorEvents.push(event.detail.error));
      // One wait covers loading MSAL, silent SSO and the callout: generous for a loaded machine.
      await waitUntil(() => get.state === 'data', 'callout-get never showed its data', { timeout: 30_000 });
      const log = page.querySelector<CalloutLog>('callout-log')!;
      await log.updateComplete;
      expect(msalFetched()).to.equal(true);
      expect(log.log.filter((entry) => entry.failed).map((entry) => entry.summary)).to.deep.equal([]);
      expect(log.log.filter((entry) => entry.kind === 'token')).to.have.length(1);
      expect(errorEvents).to.deep.equal([]);
      expect(consoleErrors).to.deep.equal([]);
      expect(aad.counters.token).to.equal(1);
      expect(api.counters.requests).to.equal(1);
    });
  });
});
