import { expect } from '@open-wc/testing';
import type { CalloutCredential } from '../../components/callout-credential/callout-credential.js';
import { waitUntil } from '../support/wait-until.js';

// The test page loads hundreds of modules: keep every resource entry, not the first 250.
performance.setResourceTimingBufferSize(100_000);

/** How many times the page fetched `<callout-log>`'s module. */
function logModuleRequests(): number {
  return performance
    .getEntriesByType('resource')
    .filter((entry) => /\/components\/callout-log\/callout-log\.[jt]s\b/.test(entry.name)).length;
}

const credential = document.createElement('callout-credential');
credential.setAttribute('name', 'Orders');
credential.setAttribute('provider', 'aad');
credential.setAttribute('url', 'https://api.contoso.test/v1/');
credential.setAttribute('scopes', 'api://orders/Orders.Read');
document.body.append(credential);

describe('sso-callout/define inside shadow roots', () => {
  before(async () => {
    await import('../../components/define.js');
  });

  it("upgrades an element inserted inside the shadow root of one of the package's elements.", async () => {
    const root = (credential as CalloutCredential).shadowRoot!;
    expect(logModuleRequests()).to.equal(0);
    const log = document.createElement('callout-log');
    root.append(log);
    await waitUntil(() => log.matches(':defined'), 'callout-log inside a shadow root never upgraded');
    expect(logModuleRequests()).to.equal(1);
  });

  it('upgrades one inside a shadow root of the page once autoload(root) was called for it.', async () => {
    const { autoload } = await import('../../components/define.js');
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    document.body.append(host);
    const login = document.createElement('callout-login');
    root.append(login);
    expect(login.matches(':defined')).to.equal(false);
    await autoload(root);
    expect(login.matches(':defined')).to.equal(true);
  });
});
