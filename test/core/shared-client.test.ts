import { expect, waitUntil } from '@open-wc/testing';
import type { AuthProvider, Callout } from '../../src/index.js';
import { createCallout, getDefaultCallout, setDefaultCallout } from '../../src/index.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

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
  }
}

/** Opens a same-origin frame running its own copy of the library: another tab, as far as Web Locks and BroadcastChannel are concerned. */
async function openTab(channel: string, name: string): Promise<Tab> {
  const frame = document.createElement('iframe');
  const moduleUrl = new URL('../../src/index.ts', import.meta.url).href;
  frame.srcdoc = `<script type="module">
    import { createCallout } from ${JSON.stringify(moduleUrl)};
    const provider = {
      async getToken(request) {
        parent.__acquisitions.push(${JSON.stringify(name)});
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { accessToken: ${JSON.stringify(name)} + '-' + parent.__acquisitions.length, expiresOn: new Date(Date.now() + 3600000), scopes: request.scopes, source: 'provider' };
      },
      async signOut() {},
    };
    window.callout = createCallout({
      channelName: ${JSON.stringify(channel)},
      providers: { aad: provider },
      credentials: { Orders: { url: 'https://api.contoso.test/v1/', provider: 'aad', scopes: ['Orders.Read'] } },
    });
  </script>`;
  document.body.append(frame);
  await waitUntil(
    () => (frame.contentWindow as (Window & { callout?: Callout }) | null)?.callout,
    'the tab did not start',
    {
      timeout: 10_000,
    },
  );
  return { frame, callout: (frame.contentWindow as Window & { callout: Callout }).callout };
}

describe('sharing one client and one token', () => {
  failOnUnhandledRejections();
  beforeEach(() => {
    window.__acquisitions = [];
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

  it('acquires a token once for three tabs that ask at the same moment', async () => {
    const channel = `xtab-${Math.random()}`;
    const tabs = await Promise.all([openTab(channel, 'a'), openTab(channel, 'b'), openTab(channel, 'c')]);
    try {
      const tokens = await Promise.all(tabs.map((tab) => tab.callout.token('Orders')));
      expect(window.__acquisitions).to.have.length(1);
      expect(new Set(tokens.map((t) => t.accessToken)).size).to.equal(1);
    } finally {
      for (const tab of tabs) {
        tab.callout.dispose();
        tab.frame.remove();
      }
    }
  });

  it('reuses the token of a tab that has just acquired, even before its broadcast arrives', async () => {
    const channel = `xtab-${Math.random()}`;
    const [a, b] = await Promise.all([openTab(channel, 'a'), openTab(channel, 'b')]);
    try {
      const first = await a!.callout.token('Orders');
      // Same task: tab b cannot have received a's broadcast yet, and a's acquisition is over.
      const second = await b!.callout.token('Orders');
      expect(window.__acquisitions).to.deep.equal(['a']);
      expect(second.accessToken).to.equal(first.accessToken);
      // The acquiring tab's own next acquisition is not held up by its hold on the lock.
      await a!.callout.token('Orders', { forceRefresh: true });
      expect(window.__acquisitions).to.deep.equal(['a', 'a']);
    } finally {
      for (const tab of [a!, b!]) {
        tab.callout.dispose();
        tab.frame.remove();
      }
    }
  });

  it('shares a token acquired in one tab with the others, and clears them all when one tab signs out', async () => {
    const channel = `xtab-${Math.random()}`;
    const [a, b] = await Promise.all([openTab(channel, 'a'), openTab(channel, 'b')]);
    try {
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
    } finally {
      for (const tab of [a!, b!]) {
        tab.callout.dispose();
        tab.frame.remove();
      }
    }
  });

  it('keeps a provider without signOut from being signed out silently', async () => {
    const provider: AuthProvider = {
      getToken: async () => ({ accessToken: 'x', expiresOn: new Date(), scopes: [], source: 'provider' }),
    };
    const callout = createCallout({ crossTab: false, providers: { p: provider } });
    try {
      await callout.signOut();
      expect.fail('expected an error');
    } catch (error) {
      expect((error as Error).message).to.contain('supports signOut()');
    }
  });
});
