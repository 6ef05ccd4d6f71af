import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { useScenarios } from '../support/aad-setup.js';
import { expectRejection } from '../support/expect-failure.js';
import type { RedirectApp, RedirectAppConfig } from './redirect-app.js';

interface Host {
  redirectAppConfig?: RedirectAppConfig;
  redirectAppLoaded?: (app: RedirectApp) => void;
}

/**
 * The app of `redirect-app.html` in a same-origin frame: the frame is the page that navigates to
 * the emulator's authorize page and back (MSW answers its same-origin navigations), and every
 * load hands its providers to this page.
 */
class AppFrame {
  readonly frame = document.createElement('iframe');
  readonly #waiting: ((app: RedirectApp) => void)[] = [];
  loads = 0;

  constructor(config: RedirectAppConfig) {
    const host = window as Host;
    host.redirectAppConfig = config;
    host.redirectAppLoaded = (app) => {
      this.loads++;
      this.#waiting.shift()?.(app);
    };
  }

  /** Opens the app and resolves with its first load. */
  open(): Promise<RedirectApp> {
    const loaded = this.nextLoad();
    this.frame.src = '/test/msal/redirect-app.html';
    document.body.append(this.frame);
    return loaded;
  }

  /** Resolves with the next load of the app (after a redirect or a reload). */
  nextLoad(): Promise<RedirectApp> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  /** Resolves once the frame has finished loading a page at `pathname` (which need not be the app). */
  landed(pathname: string): Promise<void> {
    return new Promise((resolve) => {
      const onLoad = () => {
        if (this.frame.contentWindow?.location.pathname !== pathname) return;
        this.frame.removeEventListener('load', onLoad);
        resolve();
      };
      this.frame.addEventListener('load', onLoad);
    });
  }

  /** Navigates the frame back to the app. */
  reopen(): Promise<RedirectApp> {
    const loaded = this.nextLoad();
    this.frame.src = `/test/msal/redirect-app.html?again=${this.loads}`;
    return loaded;
  }

  reload(): Promise<RedirectApp> {
    const loaded = this.nextLoad();
    this.frame.contentWindow?.location.reload();
    return loaded;
  }

  close(): void {
    this.frame.remove();
    const host = window as Host;
    delete host.redirectAppConfig;
    delete host.redirectAppLoaded;
  }
}

/** The error an attempt in the frame rejects with (errors of the frame's realm: no instanceof). */
async function rejection(
  attempt: Promise<unknown>,
): Promise<{ code?: string; hint?: string; message: string }> {
  return (await expectRejection(attempt)) as { code?: string; hint?: string; message: string };
}

const ready = (app: RedirectApp) => Promise.all(app.providers.map((p) => p.ready()));

describe('msalProvider with interaction: redirect', () => {
  let app: AppFrame | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });
  const { start } = useScenarios();

  const openApp = async (
    config: Omit<RedirectAppConfig, 'clientId' | 'msalAuth'> = {},
    session: string | null = null,
  ) => {
    const t = await start({ aad: { session } });
    app = new AppFrame({ clientId: t.clientId, msalAuth: t.aad.msalAuth, ...config });
    return { t, frame: app, first: await app.open() };
  };

  it('signs in from signIn() through the emulator’s page, handling the answer once on the next load for providers sharing one instance', async () => {
    const { t, frame, first } = await openApp({
      providers: 2,
      shareInstance: true,
      options: { scopes: ['api://orders/Orders.Read'] },
    });
    await ready(first);
    expect(first.providers[0]?.account).to.equal(undefined);

    const back = frame.nextLoad();
    void first.callouts[0]?.signIn();
    const second = await back;
    expect(second.href).to.equal(first.href);
    await ready(second);
    expect(second.handleRedirectCalls()).to.equal(1);
    expect(second.providers.map((p) => p.account?.username)).to.deep.equal([
      'jane@contoso.com',
      'jane@contoso.com',
    ]);
    expect(t.aad.counters.signInPage).to.equal(1);
    expect(t.aad.counters.authorize).to.equal(1);
    expect(t.aad.counters.authorizationCodeGrants).to.equal(1);
    expect(t.aad.counters.token).to.equal(1);

    // The sign-in consented to the API scope: twenty callouts through both providers need no request.
    t.aad.resetCounters();
    const bodies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        second.callouts[i % 2]?.(`callout:Orders/orders/${i}`).json<{ user: string }>(),
      ),
    );
    expect(bodies.map((b) => b?.user)).to.deep.equal(Array.from({ length: 20 }, () => 'jane@contoso.com'));
    expect(t.aad.counters.token).to.equal(0);
    expect(t.aad.counters.authorize).to.equal(0);
    expect(t.api.counters.authorized).to.equal(20);

    // A later load finds nothing left to handle and keeps the account from MSAL's cache.
    const third = await frame.reload();
    await ready(third);
    expect(third.providers[0]?.account?.username).to.equal('jane@contoso.com');
    expect(t.aad.counters.authorizationCodeGrants).to.equal(0);
    expect(t.aad.counters.token).to.equal(0);
    expect(frame.loads).to.equal(3);
  });

  it('redeems the answer once when two separately created providers of one client id start on the returning page', async () => {
    const { t, frame, first } = await openApp({
      providers: 2,
      options: { scopes: ['api://orders/Orders.Read'] },
    });
    const back = frame.nextLoad();
    void first.callouts[0]?.signIn();
    const second = await back;
    await ready(second);
    expect(t.aad.counters.authorizationCodeGrants).to.equal(1);
    t.aad.resetCounters();
    const tokens = await Promise.all(second.callouts.map((c) => c.token('Orders')));
    expect(tokens.map((token) => token.account?.username)).to.deep.equal([
      'jane@contoso.com',
      'jane@contoso.com',
    ]);
    expect(t.aad.counters.token).to.equal(0);
    expect(t.aad.counters.authorize).to.equal(0);
  });

  it('leaves for the emulator when a callout needs interaction, and the callout after the return succeeds with no further request', async () => {
    const { t, frame, first } = await openApp();
    const back = frame.nextLoad();
    void first.callouts[0]?.('callout:Orders/orders')
      .json()
      .catch(() => {});
    const second = await back;
    await ready(second);
    expect(second.providers[0]?.account?.username).to.equal('jane@contoso.com');
    expect(t.aad.counters.silentAuthorize).to.equal(1);
    expect(t.aad.counters.signInPage).to.equal(1);
    expect(t.aad.counters.authorizationCodeGrants).to.equal(1);
    expect(t.aad.received.authorize[1]?.get('scope')).to.contain('api://orders/Orders.Read');

    t.aad.resetCounters();
    const body = await second.callouts[0]?.('callout:Orders/orders').json<{ user: string }>();
    expect(body?.user).to.equal('jane@contoso.com');
    expect(t.aad.counters.token).to.equal(0);
    expect(t.api.counters.authorized).to.equal(1);
  });

  it('reports a sign-in the user declined once on the next load, and a new sign-in then works', async () => {
    const { t, frame, first } = await openApp();
    t.aad.faults.signInDeclined = true;
    const back = frame.nextLoad();
    void first.callouts[0]?.signIn();
    const second = await back;
    await ready(second);
    expect(second.providers[0]?.account).to.equal(undefined);
    const error = await rejection(second.callouts[0]?.token('Orders') ?? Promise.resolve());
    expect(error.code).to.equal(CalloutErrorCode.consentRequired);
    expect(error.message).to.contain('AADSTS65004');
    expect(error.hint).to.contain('consent');

    t.aad.faults.signInDeclined = false;
    const again = frame.nextLoad();
    void second.callouts[0]?.signIn();
    const third = await again;
    await ready(third);
    expect(third.providers[0]?.account?.username).to.equal('jane@contoso.com');
    expect(t.aad.counters.signInPage).to.equal(2);
    expect(t.aad.counters.authorizationCodeGrants).to.equal(1);
  });

  it('refuses a sign-in redirect that comes back as another user than the login hint, on the next load', async () => {
    const { t, frame, first } = await openApp();
    t.aad.faults.authorizeAs = 'sam@contoso.com';
    const back = frame.nextLoad();
    void first.callouts[0]?.signIn();
    const second = await back;
    await ready(second);
    expect(second.providers[0]?.account).to.equal(undefined);
    const error = await rejection(second.callouts[0]?.('callout:Orders/orders').json() ?? Promise.resolve());
    expect(error.code).to.equal(CalloutErrorCode.accountMismatch);
    expect(error.message).to.contain('sam@contoso.com');
    expect(t.aad.counters.authorizationCodeGrants).to.equal(1);
    expect(t.api.counters.requests).to.equal(0);
  });

  it('ends the Azure AD session with a logout redirect when signOutScope is global, so the next load needs interaction', async () => {
    const { t, frame, first } = await openApp({ options: { signOutScope: 'global' } }, 'jane@contoso.com');
    await first.callouts[0]?.token('Orders');
    t.aad.resetCounters();
    const home = frame.landed('/');
    void first.callouts[0]?.signOut();
    await home;
    expect(t.aad.counters.logout).to.equal(1);
    expect(t.aad.state.session).to.equal(undefined);
    expect(t.aad.received.logout[0]?.get('post_logout_redirect_uri')).to.equal(
      `${location.origin}/redirect.html`,
    );

    // Back on the app (with interaction: 'none', so the demand reports instead of leaving again).
    const config = (window as Host).redirectAppConfig;
    if (config) config.options = { interaction: 'none' };
    const again = await frame.reopen();
    await ready(again);
    expect(again.providers[0]?.account).to.equal(undefined);
    const error = await rejection(again.callouts[0]?.token('Orders') ?? Promise.resolve());
    expect(error.code).to.equal(CalloutErrorCode.loginRequired);
    expect(t.aad.counters.silentAuthorize).to.equal(1);
    expect(t.aad.counters.token).to.equal(0);
  });

  it('explains that a page in a frame cannot redirect, for signIn() and for a callout', async () => {
    const { t, first } = await openApp({ allowRedirectInIframe: false });
    const signIn = await rejection(first.callouts[0]?.signIn() ?? Promise.resolve());
    expect(signIn.code).to.equal(CalloutErrorCode.configurationError);
    expect(signIn.message).to.contain('redirect_in_iframe');
    expect(signIn.hint).to.contain('frame').and.contain("interaction: 'popup'");
    const callout = await rejection(first.callouts[0]?.token('Orders') ?? Promise.resolve());
    expect(callout.code).to.equal(CalloutErrorCode.configurationError);
    expect(callout.hint).to.contain('frame');
    expect(t.aad.counters.signInPage).to.equal(0);
  });
});
