import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { holdPosts } from '../support/hold-requests.js';
import { useMsw } from '../support/msw-worker.js';

describe('msalProvider sign-out while a token is on its way', () => {
  const { start } = useScenarios();
  const { use } = useMsw();

  it('a silent sign-in that was on its way when the user signed out does not sign the user back in: the next callout needs a sign-in and sends nothing', async () => {
    const s = await start();
    const hold = holdPosts(use, s.aad.tokenEndpoint);
    const acquiring = s.callout.token('Orders').then(
      () => 'token',
      (error: { code?: string }) => error.code,
    );
    await hold.reached;
    await s.callout.signOut();
    hold.release();
    await acquiring;
    s.aad.resetCounters();

    expect(s.provider.account, 'signed out stays signed out').to.equal(undefined);
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(s.api.counters.requests).to.equal(0);
    expect(s.aad.counters.authorize + s.aad.counters.token).to.equal(0);
  });

  it('a token refresh that was on its way when the user signed out leaves no token in the client: the next callout needs a sign-in and sends nothing', async () => {
    const s = await start();
    await s.callout.token('Orders');
    const hold = holdPosts(use, s.aad.tokenEndpoint);
    const refreshing = s.callout.token('Orders', { forceRefresh: true }).then(
      () => 'token',
      (error: { code?: string }) => error.code,
    );
    await hold.reached;
    await s.callout.signOut();
    hold.release();
    await refreshing;
    s.aad.resetCounters();

    expect(s.provider.account, 'signed out stays signed out').to.equal(undefined);
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(s.api.counters.requests).to.equal(0);
    expect(s.aad.counters.authorize + s.aad.counters.token).to.equal(0);
  });
});
