import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { holdPosts, signOutWhileHeld } from '../support/hold-requests.js';
import { useMsw } from '../support/msw-worker.js';
import { type OidcScenario, startOidcScenario } from '../support/oidc-setup.js';

describe('oidcProvider sign-out while a token is on its way', () => {
  const { use } = useMsw();
  const started: OidcScenario[] = [];
  afterEach(() => {
    for (const s of started.splice(0)) s.callout.dispose();
  });

  it('a token refresh that was on its way when the user signed out leaves no token in the client: the next callout needs a sign-in and sends nothing', async () => {
    const s = await startOidcScenario();
    started.push(s);
    await s.callout.token('Orders');
    const hold = holdPosts(use, s.idp.tokenEndpoint);
    await signOutWhileHeld(
      hold,
      () => s.callout.token('Orders', { forceRefresh: true }),
      () => s.callout.signOut(),
    );
    s.idp.resetCounters();
    expect(s.provider.account, 'signed out stays signed out').to.equal(undefined);
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(s.api.counters.requests + s.idp.counters.authorize + s.idp.counters.token).to.equal(0);
  });
});
