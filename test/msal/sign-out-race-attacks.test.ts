import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { type AadScenario, useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { holdPosts, signOutWhileHeld } from '../support/hold-requests.js';
import { useMsw } from '../support/msw-worker.js';

describe('msalProvider sign-out while a token is on its way', () => {
  const { start, others } = useScenarios();
  const { use } = useMsw();

  /** The user stays signed out: the next callout needs a sign-in and sends nothing anywhere. */
  async function expectSignedOut(s: AadScenario) {
    s.aad.resetCounters();
    expect(s.provider.account, 'signed out stays signed out').to.equal(undefined);
    const error = await expectFailure(s.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(s.api.counters.requests).to.equal(0);
    expect(s.aad.counters.authorize + s.aad.counters.token).to.equal(0);
  }

  it('a silent sign-in that was on its way when the user signed out does not sign the user back in: the next callout needs a sign-in and sends nothing', async () => {
    const s = await start();
    const hold = holdPosts(use, s.aad.tokenEndpoint);
    await signOutWhileHeld(
      hold,
      () => s.callout.token('Orders'),
      () => s.callout.signOut(),
    );
    await expectSignedOut(s);
  });

  it('a token refresh that was on its way when the user signed out leaves no token in the client: the next callout needs a sign-in and sends nothing', async () => {
    const s = await start();
    await s.callout.token('Orders');
    const hold = holdPosts(use, s.aad.tokenEndpoint);
    await signOutWhileHeld(
      hold,
      () => s.callout.token('Orders', { forceRefresh: true }),
      () => s.callout.signOut(),
    );
    await expectSignedOut(s);
  });

  it('a token refresh in one tab that was on its way when the user signed out in another leaves that tab signed out with no token', async () => {
    const s = await start({ channelName: `tabs-${crypto.randomUUID()}` });
    const tabB = s.reload();
    others.push(tabB.callout);
    await s.callout.token('Orders');
    await tabB.callout.token('Orders', { forceRefresh: true });
    const hold = holdPosts(use, s.aad.tokenEndpoint);
    const tabBSignedOut = new Promise<void>((resolve) => {
      const stop = tabB.provider.subscribe((account) => {
        if (account) return;
        stop();
        resolve();
      });
    });
    await signOutWhileHeld(
      hold,
      () => tabB.callout.token('Orders', { forceRefresh: true }),
      async () => {
        await s.callout.signOut();
        await tabBSignedOut;
      },
    );
    s.aad.resetCounters();
    expect(tabB.provider.account, 'tab B stays signed out').to.equal(undefined);
    const error = await expectFailure(tabB.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(s.api.counters.requests + s.aad.counters.authorize + s.aad.counters.token).to.equal(0);
  });
});
