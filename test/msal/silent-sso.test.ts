import { expect } from '@open-wc/testing';
import { type AadScenario, startScenario } from '../support/aad-setup.js';

describe('msalProvider silent acquisition', () => {
  let s: AadScenario;
  afterEach(() => {
    s?.callout.dispose();
    sessionStorage.clear();
  });

  it('gets a token on a cold start with one silent authorize and one token request', async () => {
    s = await startScenario();
    const body = await s.callout('callout:Orders/orders?status=open').json<{ user: string; path: string }>();
    expect(body).to.deep.include({ user: 'jane@contoso.com', path: 'orders?status=open' });
    expect(s.aad.counters.silentAuthorize).to.equal(1);
    expect(s.aad.counters.signInPage).to.equal(0);
    expect(s.aad.counters.token).to.equal(1);
    expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
    expect(s.api.counters.authorized).to.equal(1);
  });
});
