import { expect } from '@open-wc/testing';
import { useScenarios } from '../support/aad-setup.js';
import { waitUntil } from '../support/wait-until.js';

/**
 * Two clients, each with its own MSAL instance, on one cross-tab channel: two tabs as far as
 * Web Locks, BroadcastChannel, localStorage and MSAL's in-memory cache are concerned. (In one page
 * they also share sessionStorage, so `session` is not tested here: across real tabs it behaves as
 * `memory` does.) The channel carries no token (the default), so a tab that waited gets its token
 * from its own MSAL instance.
 *
 * Tab B is opened once tab A's MSAL has started: with `cache: 'local'`, MSAL encrypts its cache
 * with a key kept in a session cookie, and two instances that start at the very same moment on a
 * fresh session each create a key, so one cannot read what the other caches (MSAL's behaviour).
 */
describe('msalProvider across tabs with the default cross-tab signals', () => {
  const { start, others } = useScenarios();
  afterEach(() => localStorage.clear());

  /** Tab A, a scenario with MSAL's cache in `cache`, and tab B, opened once A has loaded (see above). */
  async function twoTabs(cache: 'local' | 'memory', channelName = `tabs-${crypto.randomUUID()}`) {
    const s = await start({ channelName, provider: { cache } });
    await s.provider.ready();
    const tabB = s.reload();
    others.push(tabB.callout);
    return { s, tabB };
  }

  it("makes one request to Azure AD for two tabs asking at once with cache: 'local'", async () => {
    const { s, tabB } = await twoTabs('local');
    const [a, b] = await Promise.all([s.callout.token('Orders'), tabB.callout.token('Orders')]);
    expect(s.aad.counters.silentAuthorize).to.equal(1);
    expect(s.aad.counters.token).to.equal(1);
    expect(b.accessToken).to.equal(a.accessToken);
    expect([a.source, b.source].sort()).to.deep.equal(['cache', 'sso-silent']);
  });

  it("refreshes once for two tabs whose token the API rejected, with cache: 'local'", async () => {
    const { s, tabB } = await twoTabs('local');
    await s.callout.token('Orders');
    const old = await tabB.callout.token('Orders');
    s.aad.resetCounters();
    // Tab A's call is rejected and refreshed first; tab B's refresh finds A's token in MSAL's cache.
    const first = await s.callout.token('Orders', { forceRefresh: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await tabB.callout.token('Orders', { forceRefresh: true });
    expect(s.aad.counters.token).to.equal(1);
    expect(s.aad.counters.refreshTokenGrants).to.equal(1);
    expect(second.accessToken).to.equal(first.accessToken);
    expect(second.accessToken).to.not.equal(old.accessToken);
  });

  it("makes one silent sign-in per tab, one tab at a time, with cache: 'memory', and no channel carries a token", async () => {
    const channelName = `tabs-${crypto.randomUUID()}`;
    const heard: unknown[] = [];
    // Ours, and the one MSAL 5 posts its cache writes on (with cache: 'local' those hold tokens).
    const listeners = [channelName, 'msal.broadcast.cache'].map((name) => {
      const channel = new BroadcastChannel(name);
      channel.addEventListener('message', (e) => heard.push(e.data));
      return channel;
    });
    try {
      const { s, tabB } = await twoTabs('memory', channelName);
      const [a, b] = await Promise.all([s.callout.token('Orders'), tabB.callout.token('Orders')]);
      expect(s.aad.counters.silentAuthorize).to.equal(2);
      expect(s.aad.counters.token).to.equal(2);
      expect(b.accessToken).to.not.equal(a.accessToken);
      // Each tab says it acquired; delivery is asynchronous, so wait for both signals, not a guess.
      const signals = () => heard.filter((message) => (message as { type?: string }).type === 'acquired');
      await waitUntil(() => signals().length >= 2, 'the listener never heard both tabs acquire');
      expect(heard.length).to.be.greaterThan(0);
      const wire = JSON.stringify(heard);
      expect(wire).not.to.contain(a.accessToken);
      expect(wire).not.to.contain(b.accessToken);
      expect(wire).not.to.match(/refresh_?token/i);
    } finally {
      for (const channel of listeners) channel.close();
    }
  });
});
