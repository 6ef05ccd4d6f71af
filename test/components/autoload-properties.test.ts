import { expect } from '@open-wc/testing';
import type { CalloutLog } from '../../components/callout-log/callout-log.js';
import { createTestClient } from '../support/test-client.js';
import { waitUntil } from '../support/wait-until.js';

describe('an on-demand element given properties before it is registered', () => {
  it('uses the client set on it before its class loaded, and no longer exposes it.', async () => {
    const { callout } = createTestClient();
    // What a framework does: create the element, set its properties, insert it — before
    // sso-callout/define has loaded <callout-log>.
    const log = document.createElement('callout-log') as CalloutLog;
    (log as unknown as { callout: unknown }).callout = callout;
    document.body.append(log);
    const { autoload } = await import('../../components/define.js');
    await autoload(document.body);
    await waitUntil(() => log.matches(':defined'), 'callout-log never upgraded');
    expect(log.callout).to.equal(undefined);
    expect(Object.hasOwn(log, 'callout')).to.equal(false);
    await callout.token('Orders');
    await log.updateComplete;
    expect(log.log.filter((entry) => entry.kind === 'token')).to.have.length(1);
    log.remove();
  });
});
