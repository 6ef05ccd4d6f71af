/**
 * The cross-tab measure with the real MSAL provider and `cache: 'local'` (MSAL's cache, shared by
 * the tabs of an origin) under the default cross-tab signals, which carry no token.
 *
 * The tabs are same-origin frames of this page: Web Locks, BroadcastChannel, localStorage and
 * MSAL's in-memory cache behave across frames as across tabs, and this page's one Azure AD
 * emulator (MSW: the worker hands the frames' requests to this page) counts the requests of all
 * of them. Each frame runs this same script and publishes `globalThis.tab`.
 */
import { setupWorker } from 'msw/browser';
import { type Callout, createCallout } from '../../src/index.js';
import { msalProvider } from '../../src/msal.js';
import { createAadEmulator } from '../../test/support/aad-emulator.js';
import { expose } from './support/expose.js';

const loginHint = 'jane@contoso.com';
const scopes = ['api://bench/Api.Read'];

/** What the page tells each frame. */
interface TabSetup {
  clientId: string;
  msalAuth: { authority: string; knownAuthorities: string[]; authorityMetadata: string };
  channelName: string;
  lifetimeSeconds: number;
}

/** What a frame offers its page. */
interface TabApi {
  setup(options: TabSetup): Promise<void>;
  call(): Promise<boolean>;
}

type TabWindow = Window & { tab?: TabApi };

/** In a frame: one tab's client, MSAL with the shared `local` cache, default cross-tab signals. */
function runAsTab(): void {
  let callout: Callout | undefined;
  (window as TabWindow).tab = {
    async setup({ clientId, msalAuth, channelName, lifetimeSeconds }) {
      const provider = msalProvider({
        clientId,
        redirectUri: `${location.origin}/redirect.html`,
        loginHint,
        interaction: 'none',
        cache: 'local',
        // MSAL renews as early as the store does (half the short bench lifetime), not 300 s early.
        msal: { auth: { clientId, ...msalAuth }, system: { tokenRenewalOffsetSeconds: lifetimeSeconds / 2 } },
      });
      callout = createCallout({
        providers: { aad: provider },
        credentials: { Api: { url: `${location.origin}/api/`, provider: 'aad', scopes } },
        channelName,
      });
      await provider.ready();
    },
    async call() {
      if (!callout) throw new Error('call setup() first');
      await callout('callout:Api/ping').json();
      return true;
    },
  };
}

/** In the page: the emulator, and the frames as tabs. */
function runAsPage(): void {
  const aad = createAadEmulator({ session: loginHint });
  let worker: ReturnType<typeof setupWorker> | undefined;
  let frames: HTMLIFrameElement[] = [];

  /** Opens `tabs` frames one after another (each once the previous one's MSAL has started). */
  async function setup({
    tabs,
    channelName,
    lifetimeSeconds,
  }: {
    tabs: number;
    channelName: string;
    lifetimeSeconds: number;
  }): Promise<void> {
    if (!worker) {
      worker = setupWorker(...aad.handlers);
      await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
    }
    aad.state.accessTokenLifetime = lifetimeSeconds;
    for (const frame of frames) frame.remove();
    frames = [];
    localStorage.clear();
    const clientId = crypto.randomUUID();
    for (let i = 0; i < tabs; i++) {
      const frame = document.createElement('iframe');
      frame.src = '/tabs-msal.html?tab';
      document.body.append(frame);
      const tab = await new Promise<TabApi>((resolve) => {
        const poll = () => {
          const api = (frame.contentWindow as TabWindow | null)?.tab;
          if (api) resolve(api);
          else setTimeout(poll, 20);
        };
        poll();
      });
      await tab.setup({ clientId, msalAuth: aad.msalAuth, channelName, lifetimeSeconds });
      frames.push(frame);
    }
  }

  /** Every tab calls at once; resolves to the Azure AD requests that cost. */
  async function call(): Promise<{ token: number; silentAuthorize: number }> {
    aad.resetCounters();
    await Promise.all(frames.map((frame) => (frame.contentWindow as TabWindow).tab?.call()));
    return { token: aad.counters.token, silentAuthorize: aad.counters.silentAuthorize };
  }

  expose({ setup, call });
}

if (window.parent !== window) runAsTab();
else runAsPage();
