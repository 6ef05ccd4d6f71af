import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { withOwnChannels } from '../../src/msal/own-channels.js';
import { type MsalAuthProvider, msalProvider } from '../../src/msal.js';
import { createAadEmulator } from '../support/aad-emulator.js';
import { useScenarios } from '../support/aad-setup.js';
import { trackChannels } from '../support/channels.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('msalProvider dispose()', () => {
  failOnUnhandledRejections();
  const { start } = useScenarios();
  afterEach(() => localStorage.clear());

  it('leaves no BroadcastChannel open after 100 providers are created and disposed, started or not, in a browser or under LWS', async () => {
    const aad = createAadEmulator();
    const channels = trackChannels();
    let providers: MsalAuthProvider[] = [];
    try {
      providers = Array.from({ length: 100 }, (_, i) => {
        const clientId = crypto.randomUUID();
        const lws = i % 2 === 1;
        return msalProvider({
          clientId,
          loginHint: 'jane@contoso.com',
          // MSAL's localStorage cache opens a channel of its own; LWS refuses that cache.
          cache: !lws && i % 4 === 0 ? 'local' : 'session',
          ...(lws ? { lws: true, signInPage: `${location.origin}/__lws/sign-in.html` } : { lws: false }),
          msal: { auth: { clientId, ...aad.msalAuth } },
        });
      });
      // Half have started (the LWS adaptations loaded, MSAL initialized), half are disposed at once.
      await Promise.all(providers.slice(0, 50).map((provider) => provider.ready()));
      for (const provider of providers) provider.dispose();
      await Promise.all(providers.map((provider) => provider.ready().catch(() => {})));
      await sleep(50);
    } finally {
      channels.restore();
    }
    // Each provider opened its sign-out channel and MSAL its event channel; LWS ones the sign-in listener.
    expect(channels.created()).to.be.at.least(250);
    expect(channels.openNames()).to.deep.equal([]);
  });

  it('makes getToken, signIn and signOut reject with a CalloutError saying so, and tells subscribers nothing more', async () => {
    const s = await start();
    await s.callout.token('Orders');
    s.aad.resetCounters();
    const heard: (string | undefined)[] = [];
    s.provider.subscribe((account) => heard.push(account?.username));
    s.provider.dispose();
    s.provider.dispose();
    const attempts = [
      s.provider.getToken({ scopes: ['api://orders/Orders.Read'], forceRefresh: true }),
      s.provider.signIn(),
      s.provider.signOut(),
    ];
    for (const attempt of attempts) {
      const error = await expectFailure(attempt);
      expect(error.code).to.equal(CalloutErrorCode.configurationError);
      expect(error.message).to.contain('disposed');
    }
    expect(heard).to.deep.equal([]);
    expect(s.aad.counters.authorize + s.aad.counters.token).to.equal(0);
  });

  it('no longer hears another tab sign out', async () => {
    const s = await start();
    await s.callout.token('Orders');
    const account = s.provider.account;
    expect(account).to.not.equal(undefined);
    s.provider.dispose();
    const otherTab = new BroadcastChannel(`sso-callout.msal.${s.clientId}`);
    const at = Date.now();
    const message = {
      type: 'sso-callout.sign-out',
      scope: `msal.${s.clientId}`,
      id: crypto.randomUUID(),
      at,
    };
    otherTab.postMessage({ ...message, accountId: account?.id });
    otherTab.close();
    await sleep(100);
    expect(s.provider.account?.username).to.equal('jane@contoso.com');
  });

  it('closes the channels an MSAL constructor opened before it threw, and restores the BroadcastChannel constructor', () => {
    const channels = trackChannels();
    const tracked = globalThis.BroadcastChannel;
    try {
      expect(() =>
        withOwnChannels(() => {
          new BroadcastChannel('opened-then-thrown');
          throw new Error('invalid configuration');
        }),
      ).to.throw('invalid configuration');
      expect(globalThis.BroadcastChannel).to.equal(tracked);
    } finally {
      channels.restore();
    }
    expect(channels.created()).to.equal(1);
    expect(channels.openNames()).to.deep.equal([]);
  });
});
