import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import type { Account } from '../../src/types.js';
import { click } from '../support/aad-gesture.js';
import { useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';

describe('msalProvider interaction', () => {
  const { start } = useScenarios();

  it('signs in through the emulator popup from a click, after which the callout that failed succeeds with no further request', async () => {
    const t = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
    const first = await expectFailure(t.callout('callout:Orders/orders').json());
    expect(first.code).to.equal(CalloutErrorCode.loginRequired);
    expect(t.aad.counters.signInPage).to.equal(0);

    const account = await click(() => t.callout.signIn());
    expect(account.username).to.equal('jane@contoso.com');
    expect(t.aad.counters.signInPage).to.equal(1);

    t.aad.resetCounters();
    const body = await t.callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('jane@contoso.com');
    // The sign-in asked for the scope that needed it, so its token serves the callout directly.
    expect(t.aad.counters.authorize).to.equal(0);
    expect(t.aad.counters.token).to.equal(0);
  });

  it('opens one popup for two sign-in demands at once and gives both the same account', async () => {
    const t = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
    const accounts = await click(() => Promise.all([t.callout.signIn(), t.callout.signIn()]));
    expect(accounts.map((a: Account) => a.username)).to.deep.equal(['jane@contoso.com', 'jane@contoso.com']);
    expect(t.aad.counters.signInPage).to.equal(1);
  });

  it('acquires interactively inside a click when silent SSO is impossible, once for concurrent callers', async () => {
    const t = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
    const bodies = await click(() =>
      Promise.all([
        t.callout('callout:Orders/orders/1').json<{ path: string }>(),
        t.callout('callout:Orders/orders/2').json<{ path: string }>(),
      ]),
    );
    expect(bodies.map((b) => b.path)).to.deep.equal(['orders/1', 'orders/2']);
    expect(t.aad.counters.signInPage).to.equal(1);
    expect(t.aad.counters.authorizationCodeGrants).to.equal(1);
  });

  it('notifies subscribers of the account after sign-in and after sign-out', async () => {
    const t = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
    const seen: (string | undefined)[] = [];
    t.callout.events.addEventListener('account', (e) => seen.push(e.detail.account?.username));
    await click(() => t.callout.signIn());
    await t.callout.signOut();
    expect(seen).to.deep.equal(['jane@contoso.com', undefined]);
    expect(t.provider.account).to.equal(undefined);
  });
});
