import { expect } from '@open-wc/testing';
import type { Callout } from '../../src/create-callout.js';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { click } from '../support/aad-gesture.js';
import { useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';

/**
 * Resolves after `count` `account` events of `callout` that report no account: one from the MSAL
 * provider (its account was signed out elsewhere), one from the client (its store was cleared).
 */
function signedOut(callout: Callout, count: number): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    const listener = (event: CustomEvent<{ account?: unknown }>) => {
      if (event.detail.account || ++seen < count) return;
      callout.events.removeEventListener('account', listener);
      resolve();
    };
    callout.events.addEventListener('account', listener);
  });
}

describe('msalProvider sign-out and storage', () => {
  const { start, others } = useScenarios();

  /**
   * Tab A (the scenario) and tab B (a reload sharing its cross-tab channel), each holding a token
   * it acquired itself: tab B would reuse tab A's token, so forcing its own acquisition gives its
   * provider an account for a sign-out to clear.
   */
  async function twoTabs() {
    const s = await start({ channelName: `tabs-${crypto.randomUUID()}` });
    const tabB = s.reload();
    others.push(tabB.callout);
    await s.callout.token('Orders');
    await tabB.callout.token('Orders', { forceRefresh: true });
    expect(tabB.provider.account).to.not.equal(undefined);
    return { s, tabB };
  }

  it('clears the other tab’s token store and account when one tab signs out, without signing back in silently', async () => {
    const { s, tabB } = await twoTabs();
    const tabBSignedOut = signedOut(tabB.callout, 2);
    await s.callout.signOut();
    await tabBSignedOut;
    s.aad.resetCounters();

    const error = await expectFailure(tabB.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(tabB.provider.account).to.equal(undefined);
    expect(s.aad.counters.authorize).to.equal(0);
    expect(s.aad.counters.token).to.equal(0);
    expect(s.api.counters.requests).to.equal(0);
  });

  it('ignores a recorded sign-out replayed after the other tab signed in again, and forged ones for another client id or of another shape', async () => {
    const { s, tabB } = await twoTabs();
    const channelName = `sso-callout.msal.${s.clientId}`;
    const recorder = new BroadcastChannel(channelName);
    const recorded: unknown[] = [];
    recorder.addEventListener('message', (event) => recorded.push(event.data));
    const tabBSignedOut = signedOut(tabB.callout, 2);
    await s.callout.signOut();
    await tabBSignedOut;
    expect(recorded).to.have.length(1);
    await click(() => tabB.callout.signIn());
    expect(tabB.provider.account?.username).to.equal('jane@contoso.com');
    await tabB.callout.token('Orders');
    s.aad.resetCounters();
    const replayed = recorded[0] as Record<string, unknown>;
    const forgeries: [string, unknown][] = [
      [channelName, replayed],
      [channelName, { ...replayed, id: crypto.randomUUID(), at: Date.now() - 60_000 }],
      [channelName, { type: 'msal-sign-out' }],
      [channelName, { ...replayed, id: crypto.randomUUID(), at: Date.now(), scope: 'msal.another-client' }],
      [`sso-callout.msal.another-client`, { ...replayed, id: crypto.randomUUID(), at: Date.now() }],
    ];
    for (const [name, message] of forgeries) {
      const channel = new BroadcastChannel(name);
      channel.postMessage(message);
      channel.close();
    }
    recorder.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(tabB.provider.account?.username).to.equal('jane@contoso.com');
    await tabB.callout.token('Orders');
    expect(s.aad.counters.authorize + s.aad.counters.token, 'tab B still holds its token').to.equal(0);
  });

  it('signs in silently again only after an explicit sign-in', async () => {
    const s = await start();
    await s.callout.token('Orders');
    await s.callout.signOut();
    const error = await expectFailure(s.callout.token('Orders'));
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(error.hint).to.contain('signIn()');
  });

  it('writes no token to storage, cookies, the URL or the DOM with the memory cache', async () => {
    const s = await start({ provider: { cache: 'memory' } });
    const token = await s.callout.token('Orders');
    await s.callout('callout:Orders/orders').json();
    const everywhere = [
      JSON.stringify({ ...localStorage }),
      JSON.stringify({ ...sessionStorage }),
      document.cookie,
      location.href,
      document.documentElement.outerHTML,
    ].join('\n');
    expect(token.accessToken).to.have.length.greaterThan(100);
    expect(everywhere.includes(token.accessToken)).to.equal(false);
    expect(everywhere.includes(token.accessToken.split('.')[2] ?? '-')).to.equal(false);
  });
});
