import { expect } from '@open-wc/testing';
import { type Callout, CalloutErrorCode, createCallout } from '../../src/index.js';
import { type OidcAuthProvider, oidcProvider } from '../../src/oidc.js';
import { click } from '../support/aad-gesture.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { attackerOrigin, attackerPage, frame, messageFrom } from '../support/oidc-attacker.js';
import { callbackPage, type OidcScenario, startOidcScenario } from '../support/oidc-setup.js';
import { waitUntil } from '../support/wait-until.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isPosted = (data: unknown): data is { attacker: 'posted' } =>
  (data as { attacker?: unknown } | null)?.attacker === 'posted';

/** A second tab of the scenario's app: the same authority and client id, its own provider and client. */
interface Tab {
  provider: OidcAuthProvider;
  callout: Callout;
}

/** Tab A (the scenario) and tab B, both signed in silently and holding a token for Orders. */
interface Tabs {
  a: OidcScenario;
  b: Tab;
  clientId: string;
  /** The channel the provider's tabs share. */
  channelName: string;
}

/** Resolves when `provider` reports no account. */
function signedOut(provider: OidcAuthProvider): Promise<void> {
  return new Promise((resolve) => {
    const stop = provider.subscribe((account) => {
      if (account) return;
      stop();
      resolve();
    });
  });
}

describe('oidcProvider: sign-out across tabs', () => {
  const open: Callout[] = [];
  const elements: Element[] = [];
  failOnUnhandledRejections();
  afterEach(() => {
    for (const callout of open.splice(0)) callout.dispose();
    for (const element of elements.splice(0)) element.remove();
  });

  async function twoTabs(): Promise<Tabs> {
    const clientId = `spa-${crypto.randomUUID()}`;
    const channelName = `tabs-${crypto.randomUUID()}`;
    const a = await startOidcScenario({ provider: { clientId }, channelName });
    const provider = oidcProvider({
      authority: a.idp.authority,
      clientId,
      redirectUri: callbackPage,
      loginHint: 'jane@contoso.com',
      scopes: ['profile', 'offline_access', 'api://orders/Orders.Read'],
      interaction: 'popup',
    });
    const callout = createCallout({
      providers: { idp: provider },
      credentials: {
        Orders: {
          url: 'https://api.contoso.test/v1/',
          provider: 'idp',
          scopes: ['api://orders/Orders.Read'],
        },
      },
      channelName,
    });
    open.push(a.callout, callout);
    await a.callout('callout:Orders/orders').json();
    await callout('callout:Orders/orders').json();
    expect(provider.account?.username).to.equal('jane@contoso.com');
    expect(a.idp.state.refreshTokens.size, 'one live refresh token per tab').to.equal(2);
    a.idp.resetCounters();
    a.api.resetCounters();
    return {
      a,
      b: { provider, callout },
      clientId,
      channelName: `sso-callout.oidc.${clientId}.${a.idp.authority}`,
    };
  }

  /** B still holds Jane and her token: a callout costs one API request and nothing at the server. */
  async function expectStillSignedIn({ a, b }: Tabs): Promise<void> {
    expect(b.provider.account?.username).to.equal('jane@contoso.com');
    await b.callout('callout:Orders/orders').json();
    expect(a.api.counters.requests).to.equal(1);
    expect(a.idp.counters).to.include({ authorize: 0, token: 0, revocation: 0 });
    expect(a.idp.state.refreshTokens.size).to.be.greaterThan(0);
  }

  it('drops the other tab’s tokens and refresh token when one tab signs out, and signs in silently no more there', async () => {
    const tabs = await twoTabs();
    const { a, b } = tabs;
    const bSignedOut = signedOut(b.provider);
    await a.callout.signOut();
    await bSignedOut;
    // Tab B revokes its refresh token after it has signed out (best effort, not awaited).
    await waitUntil(
      () => a.idp.counters.revocation >= 2 && a.idp.state.refreshTokens.size === 0,
      'tab B never revoked its refresh token',
    );
    expect(a.idp.counters.revocation, 'each tab revoked its own refresh token').to.equal(2);
    expect(a.idp.state.refreshTokens.size, 'no live refresh token left').to.equal(0);
    a.idp.resetCounters();
    const error = await expectFailure(b.callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(b.provider.account).to.equal(undefined);
    expect(a.idp.counters).to.include({ authorize: 0, token: 0 });
    expect(a.api.counters.requests).to.equal(0);
  });

  it('does nothing for forged sign-outs: another provider’s scope, MSAL’s channel, wrong shapes or times', async () => {
    const tabs = await twoTabs();
    const { a, clientId, channelName } = tabs;
    const genuine = { type: 'sso-callout.sign-out', scope: channelName.slice('sso-callout.'.length) };
    const fresh = () => ({ ...genuine, id: crypto.randomUUID(), at: Date.now() });
    const forgeries: [string, unknown][] = [
      [
        `sso-callout.oidc.${clientId}.https://other.idp.test`,
        { ...fresh(), scope: `oidc.${clientId}.https://other.idp.test` },
      ],
      [channelName, { ...fresh(), scope: `oidc.other-client.${a.idp.authority}` }],
      [`sso-callout.msal.${clientId}`, { ...fresh(), scope: `msal.${clientId}` }],
      [`sso-callout.msal.${clientId}`, { type: 'msal-sign-out' }],
      [channelName, { type: 'msal-sign-out' }],
      [channelName, { ...fresh(), at: Date.now() + 60_000 }],
      [channelName, { ...fresh(), at: Date.now() - 60_000 }],
      [channelName, { ...fresh(), at: Number.NaN }],
      [channelName, { ...fresh(), id: 7 }],
      [channelName, { ...fresh(), accountId: 'x'.repeat(100_000) }],
      [channelName, { ...fresh(), extra: true }],
      [channelName, JSON.stringify(fresh())],
      [channelName, null],
    ];
    for (const [name, message] of forgeries) {
      const channel = new BroadcastChannel(name);
      channel.postMessage(message);
      channel.close();
    }
    await wait(200);
    await expectStillSignedIn(tabs);
  });

  it('does nothing for a genuine-looking sign-out posted by a frame of another origin', async () => {
    const tabs = await twoTabs();
    const { channelName } = tabs;
    const message = { type: 'sso-callout.sign-out', scope: channelName.slice('sso-callout.'.length) };
    const posted = messageFrom(attackerOrigin, isPosted);
    const order = {
      broadcast: { name: channelName, messages: [{ ...message, id: crypto.randomUUID(), at: Date.now() }] },
    };
    elements.push(frame(attackerPage(order)));
    await posted;
    await wait(200);
    await expectStillSignedIn(tabs);
  });

  it('does nothing when a recorded sign-out is replayed after the user signed in again', async () => {
    const tabs = await twoTabs();
    const { a, b, channelName } = tabs;
    const recorder = new BroadcastChannel(channelName);
    const recorded: unknown[] = [];
    recorder.addEventListener('message', (event) => recorded.push(event.data));
    const bSignedOut = signedOut(b.provider);
    await a.callout.signOut();
    await bSignedOut;
    expect(recorded).to.have.length(1);
    await click(() => b.callout.signIn());
    expect(b.provider.account?.username).to.equal('jane@contoso.com');
    await b.callout('callout:Orders/orders').json();
    a.idp.resetCounters();
    a.api.resetCounters();
    for (const copy of [recorded[0], recorded[0], { ...(recorded[0] as object), at: Date.now() - 31_000 }]) {
      recorder.postMessage(copy);
    }
    recorder.close();
    await wait(200);
    await expectStillSignedIn(tabs);
  });
});
