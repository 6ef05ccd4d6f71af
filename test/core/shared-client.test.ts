import { expect } from '@open-wc/testing';
import type { AuthProvider, Callout } from '../../src/index.js';
import { createCallout, getDefaultCallout, setDefaultCallout } from '../../src/index.js';
import { witnessChannel } from '../support/channels.js';
import { expectRejection } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { waitUntil } from '../support/wait-until.js';

type DefaultModule = typeof import('../../src/default-callout.js');

/** Loads a second, independent instance of the module, as a separately bundled copy would be. */
async function secondCopy(): Promise<DefaultModule> {
  const url = new URL('../../src/default-callout.ts?copy=second', import.meta.url).href;
  return (await import(/* @vite-ignore */ url)) as DefaultModule;
}

interface Tab {
  callout: Callout;
  frame: HTMLIFrameElement;
}

declare global {
  interface Window {
    __acquisitions: string[];
    /** A provider cache every tab reads and writes, as MSAL's with `cache: 'local'`. */
    __sharedCache?: { accessToken: string; expiresOn: number } | undefined;
    /** Acquisitions running right now, and the most that ever ran at once. */
    __running: number;
    __mostAtOnce: number;
  }
}

/** How a tab is set up: its `crossTab` option, and whether its provider's cache is shared by tabs. */
interface TabOptions {
  crossTab?: true | 'share-tokens';
  sharedCache?: boolean;
}

/**
 * Opens a same-origin frame running its own copy of the library: another tab, as far as Web Locks
 * and BroadcastChannel are concerned. Its provider acquires in 100 ms (counted in
 * `__acquisitions`); with `sharedCache` it first answers from a cache all tabs share.
 */
async function openTab(channel: string, name: string, options: TabOptions = {}): Promise<Tab> {
  const frame = document.createElement('iframe');
  const moduleUrl = new URL('../../src/index.ts', import.meta.url).href;
  frame.srcdoc = `<script type="module">
    import { createCallout } from ${JSON.stringify(moduleUrl)};
    const sharedCache = ${options.sharedCache === true};
    const provider = {
      async getToken(request) {
        const cached = parent.__sharedCache;
        if (sharedCache && !request.forceRefresh && cached && cached.expiresOn > Date.now() + 600000) {
          return { accessToken: cached.accessToken, expiresOn: new Date(cached.expiresOn), scopes: request.scopes, source: 'cache' };
        }
        parent.__acquisitions.push(${JSON.stringify(name)});
        parent.__mostAtOnce = Math.max(parent.__mostAtOnce, ++parent.__running);
        await new Promise((resolve) => setTimeout(resolve, 100));
        parent.__running--;
        const token = { accessToken: ${JSON.stringify(name)} + '-' + parent.__acquisitions.length, expiresOn: Date.now() + 3600000 };
        if (sharedCache) parent.__sharedCache = token;
        return { ...token, expiresOn: new Date(token.expiresOn), scopes: request.scopes, source: 'provider' };
      },
      async signOut() {
        if (sharedCache) parent.__sharedCache = undefined;
      },
    };
    window.callout = createCallout({
      channelName: ${JSON.stringify(channel)},
      ${options.crossTab === 'share-tokens' ? "crossTab: 'share-tokens'," : ''}
      providers: { aad: provider },
      credentials: { Orders: { url: 'https://api.contoso.test/v1/', provider: 'aad', scopes: ['Orders.Read'] } },
    });
  </script>`;
  document.body.append(frame);
  await waitUntil(
    () => (frame.contentWindow as (Window & { callout?: Callout }) | null)?.callout,
    'the tab did not start',
  );
  return { frame, callout: (frame.contentWindow as Window & { callout: Callout }).callout };
}

/** Opens `names.length` tabs on one fresh channel, runs `test`, then closes them. */
async function withTabs(
  names: string[],
  options: TabOptions,
  test: (tabs: Tab[], channel: string) => Promise<void>,
): Promise<void> {
  const channel = `xtab-${crypto.randomUUID()}`;
  const tabs = await Promise.all(names.map((name) => openTab(channel, name, options)));
  try {
    await test(tabs, channel);
  } finally {
    for (const tab of tabs) {
      tab.callout.dispose();
      tab.frame.remove();
    }
  }
}

describe('sharing one client and one token', () => {
  failOnUnhandledRejections();
  beforeEach(() => {
    window.__acquisitions = [];
    window.__sharedCache = undefined;
    window.__running = 0;
    window.__mostAtOnce = 0;
  });

  it('lets two separately loaded copies of the module share one default client', async () => {
    const mine = createCallout({ crossTab: false });
    setDefaultCallout(mine);
    const other = await secondCopy();
    expect(other.getDefaultCallout()).to.equal(mine);
    expect(getDefaultCallout()).to.equal(mine);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('sso-callout')]).to.equal(mine);
  });

  it('creates the default client once, whichever copy asks first', async () => {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('sso-callout')];
    const other = await secondCopy();
    const created = other.getDefaultCallout();
    expect(getDefaultCallout()).to.equal(created);
  });

  it('acquires a token once for three tabs that ask at the same moment when their provider cache is shared, with no token on the wire', async () => {
    await withTabs(['a', 'b', 'c'], { sharedCache: true }, async (tabs) => {
      const tokens = await Promise.all(tabs.map((tab) => tab.callout.token('Orders')));
      expect(window.__acquisitions).to.have.length(1);
      expect(new Set(tokens.map((t) => t.accessToken)).size).to.equal(1);
    });
  });

  it('acquires once per tab, one tab at a time, when each tab has its own provider cache (the default sends no token)', async () => {
    await withTabs(['a', 'b', 'c'], {}, async (tabs) => {
      const tokens = await Promise.all(tabs.map((tab) => tab.callout.token('Orders')));
      expect(window.__acquisitions).to.have.length(3);
      expect(window.__mostAtOnce).to.equal(1);
      expect(new Set(tokens.map((t) => t.accessToken)).size).to.equal(3);
    });
  });

  it("acquires a token once for three tabs that ask at the same moment with crossTab: 'share-tokens'", async () => {
    await withTabs(['a', 'b', 'c'], { crossTab: 'share-tokens' }, async (tabs) => {
      const tokens = await Promise.all(tabs.map((tab) => tab.callout.token('Orders')));
      expect(window.__acquisitions).to.have.length(1);
      expect(new Set(tokens.map((t) => t.accessToken)).size).to.equal(1);
    });
  });

  for (const options of [{ sharedCache: true }, { crossTab: 'share-tokens' }] as const) {
    it(`reuses the token of a tab that has just acquired, even before its signal arrives (${JSON.stringify(options)})`, async () => {
      await withTabs(['a', 'b'], options, async ([a, b]) => {
        const first = await a!.callout.token('Orders');
        // Same task: tab b cannot have heard from a yet, and a's acquisition is over.
        const second = await b!.callout.token('Orders');
        expect(window.__acquisitions).to.deep.equal(['a']);
        expect(second.accessToken).to.equal(first.accessToken);
        // The acquiring tab's own next acquisition is not held up by its hold on the lock.
        await a!.callout.token('Orders', { forceRefresh: true });
        expect(window.__acquisitions).to.deep.equal(['a', 'a']);
      });
    });
  }

  it("shares a token acquired in one tab with the others with crossTab: 'share-tokens', and clears them all when one tab signs out", async () => {
    await withTabs(['a', 'b'], { crossTab: 'share-tokens' }, async ([a, b]) => {
      const shared = new Promise<void>((resolve) =>
        b!.callout.events.addEventListener('token', (e) => e.detail.fromOtherTab && resolve()),
      );
      await a!.callout.token('Orders');
      await shared;
      await b!.callout.token('Orders');
      expect(window.__acquisitions).to.have.length(1);
      const signedOut = new Promise<void>((resolve) =>
        b!.callout.events.addEventListener('account', () => resolve(), { once: true }),
      );
      await a!.callout.signOut('aad');
      await signedOut;
      await b!.callout.token('Orders');
      expect(window.__acquisitions).to.have.length(2);
    });
  });

  it('clears every tab when one tab signs out (the default, with a shared provider cache)', async () => {
    await withTabs(['a', 'b'], { sharedCache: true }, async ([a, b]) => {
      await a!.callout.token('Orders');
      await b!.callout.token('Orders');
      expect(window.__acquisitions).to.deep.equal(['a']);
      const signedOut = new Promise<void>((resolve) =>
        b!.callout.events.addEventListener('account', () => resolve(), { once: true }),
      );
      await a!.callout.signOut('aad');
      await signedOut;
      expect(b!.callout.peekToken('Orders')).to.equal(undefined);
      await b!.callout.token('Orders');
      expect(window.__acquisitions).to.deep.equal(['a', 'b']);
    });
  });

  it('lets a forced refresh in one tab reach another tab through the shared provider cache, without a second acquisition', async () => {
    await withTabs(['a', 'b'], { sharedCache: true }, async ([a, b], channel) => {
      await a!.callout.token('Orders');
      await b!.callout.token('Orders');
      // Opened in b after b's channel: once it has heard a's signal, so has b.
      const witness = witnessChannel(channel, b!.frame.contentWindow as Window & typeof globalThis);
      await a!.callout.token('Orders', { forceRefresh: true }); // the API rejected a's token: a-2
      await witness.heard(1);
      witness.close();
      // b's copy of the old token is rejected too: its refresh asks the shared cache first.
      const refreshed = await b!.callout.token('Orders', { forceRefresh: true });
      expect(refreshed.accessToken).to.equal('a-2');
      expect(window.__acquisitions).to.deep.equal(['a', 'a']);
    });
  });

  it('keeps a provider without signOut from being signed out silently', async () => {
    const provider: AuthProvider = {
      getToken: async () => ({ accessToken: 'x', expiresOn: new Date(), scopes: [], source: 'provider' }),
    };
    const callout = createCallout({ crossTab: false, providers: { p: provider } });
    const error = await expectRejection(callout.signOut());
    expect((error as Error).message).to.contain('supports signOut()');
  });
});
