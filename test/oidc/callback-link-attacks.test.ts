import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { SignInTabOptions, SignInTabReport } from '../support/lws-sign-in-page.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import {
  attackerCode,
  attackerOrigin,
  attackerPage,
  cleanUpAfterEach,
  frame,
  messageFrom,
  type Victim,
  victimApp,
} from '../support/oidc-attacker.js';
import { callbackPage } from '../support/oidc-setup.js';
import { waitUntil } from '../support/wait-until.js';

/** What the attacker's page reports after framing the callback page: every message it received. */
interface Received {
  attacker: 'received';
  messages: { origin: string; data: unknown }[];
  opened?: boolean;
}
const isReceived = (data: unknown): data is Received => (data as Received | null)?.attacker === 'received';

/**
 * Attacker: anyone who can send the victim a link (mail, chat, another site) or frame a page. The
 * callback page (sso-callout/oidc-callback) runs on the app's origin with the app's privileges,
 * so a link to it with the attacker's `code` must not sign anyone in, make it request a token, or
 * hand the query to another origin.
 */
describe('a crafted link to the OpenID Connect callback page', () => {
  const msw = useMsw();
  failOnUnhandledRejections();
  const keep = cleanUpAfterEach();

  /** The victim's app on this page, signed in as Jane, its server's counters then reset. */
  async function signedInVictim(): Promise<{ v: Victim; accessToken: string; code: string }> {
    const v = keep.victim(victimApp(msw.use));
    await v.callout('callout:Orders/orders').json();
    const { accessToken } = await v.callout.token('Orders');
    v.idp.resetCounters();
    v.accounts.length = 0;
    const code = await attackerCode(v.idp, { clientId: v.clientId, redirectUri: callbackPage });
    return { v, accessToken, code };
  }

  /** Jane is still the one signed in, with the same token, and the server saw no request at all. */
  async function victimUnchanged(v: Victim, accessToken: string): Promise<void> {
    expect(v.idp.counters, 'requests to the identity provider').to.include({ authorize: 0, token: 0 });
    expect(v.provider.account?.username).to.equal('jane@contoso.com');
    expect(v.accounts, 'account events').to.deep.equal([]);
    expect((await v.callout.token('Orders')).accessToken).to.equal(accessToken);
    expect(v.idp.counters.token).to.equal(0);
  }

  it('opened at top level with the attacker code, makes no token request, signs nobody in and posts nothing outside the origin', async () => {
    const { v, accessToken, code } = await signedInVictim();
    const state = 'anything';
    const relayed: unknown[] = [];
    const channel = new BroadcastChannel(`oidc-client-popup-${state}`);
    channel.onmessage = (event) => relayed.push(event.data);
    try {
      const report = await executeServerCommand<SignInTabReport, SignInTabOptions>('lws-sign-in-tab', {
        href: `${callbackPage}?code=${code}&state=${state}`,
        pass: [location.origin],
        relay: [],
        timeoutMs: 2000,
      });
      expect(report.requests.length, 'the tab loaded its page and scripts').to.be.greaterThan(1);
      const outside = report.requests.filter((r) => new URL(r.url).origin !== location.origin);
      expect(outside.map((r) => r.url)).to.deep.equal([]);
      expect(report.requests.filter((r) => r.method !== 'GET').map((r) => r.url)).to.deep.equal([]);
      expect(report.navigations.every((url) => url.startsWith(callbackPage))).to.equal(true);
      await victimUnchanged(v, accessToken);
      // The one thing the page did: relay the answer on this origin's channel of its own state,
      // where only a sign-in waiting for that state listens. The relay comes from another tab,
      // through the browser process, and may land after the tab's report: wait for it.
      await waitUntil(() => relayed.length > 0, 'the tab relayed nothing');
      expect(relayed).to.have.length(1);
    } finally {
      channel.close();
    }
  });

  it('framed by a page of another origin, hands that page nothing and signs nobody in', async () => {
    const { v, accessToken, code } = await signedInVictim();
    const received = messageFrom(attackerOrigin, isReceived);
    keep.element(frame(attackerPage({ frame: `${callbackPage}?code=${code}&state=anything`, waitMs: 1000 })));
    const { messages } = await received;
    expect(messages, 'messages the framing page received').to.deep.equal([]);
    await victimUnchanged(v, accessToken);
  });

  it('opened as the popup of a page of another origin, posts nothing to that page and signs nobody in', async () => {
    const { v, accessToken, code } = await signedInVictim();
    const received = messageFrom(attackerOrigin, isReceived);
    keep.element(frame(attackerPage({ open: `${callbackPage}?code=${code}&state=anything`, waitMs: 1500 })));
    const report = await received;
    expect(report.opened, 'the attacker page opened the callback page').to.equal(true);
    expect(report.messages, 'messages the opener received').to.deep.equal([]);
    await victimUnchanged(v, accessToken);
  });
});
