import { PublicClientApplication } from '@azure/msal-browser';
import { expect } from '@open-wc/testing';
import { decodeJwt } from 'jose';
import type { CalloutError } from '../../src/diagnostics/callout-error.js';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import type { InteractionRequiredEventDetail } from '../../src/events.js';
import { opaqueHintFor } from '../support/aad-emulator.js';
import { click } from '../support/aad-gesture.js';
import { type AadScenario, useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

const ordersScope = 'api://orders/Orders.Read';

/** An app's own PublicClientApplication on the scenario's emulator, counting its start-up calls. */
function appInstance(s: AadScenario) {
  const app = new PublicClientApplication({
    auth: { clientId: s.clientId, redirectUri: `${location.origin}/redirect.html`, ...s.aad.msalAuth },
    cache: { cacheLocation: 'sessionStorage' },
  });
  const calls = { initialize: 0, handleRedirectPromise: 0 };
  // Counting pass-throughs on the app's object: the real MSAL still does the work.
  const initialize = app.initialize.bind(app);
  const handleRedirectPromise = app.handleRedirectPromise.bind(app);
  app.initialize = (...args) => {
    calls.initialize++;
    return initialize(...args);
  };
  app.handleRedirectPromise = (...args) => {
    calls.handleRedirectPromise++;
    return handleRedirectPromise(...args);
  };
  return { app, calls };
}

describe('msalProvider options', () => {
  failOnUnhandledRejections();
  const { start, others } = useScenarios();

  describe('instance', () => {
    it('starts an app’s shared PublicClientApplication once for two providers and shares its tokens with the app both ways', async () => {
      const t = await start();
      const { app, calls } = appInstance(t);
      const first = t.reload({ instance: app });
      const second = t.reload({ instance: app });
      others.push(first.callout, second.callout);
      await Promise.all([first.provider.ready(), second.provider.ready()]);
      expect(calls).to.deep.equal({ initialize: 1, handleRedirectPromise: 1 });
      t.aad.resetCounters();

      const token = await first.callout.token('Orders');
      expect(token.source).to.equal('sso-silent');
      expect(t.aad.counters.authorize).to.equal(1);
      expect(t.aad.counters.token).to.equal(1);

      // The app reads the token the provider acquired, and the other provider too: no request.
      const account = app.getActiveAccount();
      expect(account?.username).to.equal('jane@contoso.com');
      const appsToken = await app.acquireTokenSilent({
        account: account ?? undefined,
        scopes: [ordersScope],
      });
      expect(appsToken.fromCache).to.equal(true);
      expect(appsToken.accessToken).to.equal(token.accessToken);
      expect((await second.callout.token('Orders')).source).to.equal('cache');
      expect(t.aad.counters.authorize).to.equal(1);
      expect(t.aad.counters.token).to.equal(1);
      expect(calls).to.deep.equal({ initialize: 1, handleRedirectPromise: 1 });
    });

    it('uses the account the app signed in with its own instance, with no loginHint and no Azure AD request', async () => {
      const t = await start();
      const { app } = appInstance(t);
      await app.initialize();
      const signedIn = await app.ssoSilent({ scopes: [ordersScope], loginHint: 'jane@contoso.com' });
      app.setActiveAccount(signedIn.account);
      t.aad.resetCounters();

      const shared = t.reload({ instance: app, loginHint: undefined });
      others.push(shared.callout);
      await shared.provider.ready();
      expect(shared.provider.account?.username).to.equal('jane@contoso.com');
      const token = await shared.callout.token('Orders');
      expect(token.source).to.equal('cache');
      expect(token.accessToken).to.equal(signedIn.accessToken);
      expect(t.aad.counters.authorize).to.equal(0);
      expect(t.aad.counters.token).to.equal(0);
    });
  });

  describe('loginHint and sid', () => {
    it('resolves an async loginHint once while twenty callouts wait, then signs in with one authorize and one token request', async () => {
      let resolutions = 0;
      let release: (hint: string) => void = () => {};
      const hint = new Promise<string>((resolve) => {
        release = resolve;
      });
      const s = await start({
        provider: {
          loginHint: () => {
            resolutions++;
            return hint;
          },
        },
      });
      const t = s;
      const bodies = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.callout(`callout:Orders/orders/${i}`).json<{ user: string }>(),
        ),
      );
      release('jane@contoso.com');
      const users = (await bodies).map((b) => b.user);
      expect(users).to.deep.equal(Array.from({ length: 20 }, () => 'jane@contoso.com'));
      expect(resolutions).to.equal(1);
      expect(t.aad.counters.authorize).to.equal(1);
      expect(t.aad.counters.token).to.equal(1);
      expect(t.aad.received.authorize[0]?.get('login_hint')).to.equal('jane@contoso.com');
    });

    it('signs in silently with the session id (sid) instead of a login hint', async () => {
      const t = await start();
      const sid = t.aad.state.session?.sid ?? '';
      const bySid = t.reload({ loginHint: undefined, sid });
      others.push(bySid.callout);
      t.aad.resetCounters();
      const token = await bySid.callout.token('Orders');
      expect(token.source).to.equal('sso-silent');
      expect(token.account?.username).to.equal('jane@contoso.com');
      expect(t.aad.counters.silentAuthorize).to.equal(1);
      expect(t.aad.counters.token).to.equal(1);
      const sent = t.aad.received.authorize[0];
      expect(sent?.get('sid')).to.equal(sid);
      expect(sent?.get('prompt')).to.equal('none');
      expect(sent?.has('login_hint')).to.equal(false);
    });

    it('raises login_required when the sid names a session Azure AD no longer has', async () => {
      const t = await start();
      const stale = t.reload({ loginHint: undefined, sid: crypto.randomUUID() });
      others.push(stale.callout);
      const error = await expectFailure(stale.callout.token('Orders'));
      expect(error.code).to.equal(CalloutErrorCode.loginRequired);
      expect(error.hint).to.contain('AADSTS50058');
      expect(t.aad.counters.token).to.equal(0);
    });
  });

  describe('domainHint and clientCapabilities', () => {
    it('sends domain_hint with silent and interactive sign-in', async () => {
      const t = await start({ provider: { domainHint: 'contoso.com', interaction: 'popup' } });
      await t.callout.token('Orders');
      await click(() => t.callout.signIn());
      const [silent, interactive] = t.aad.received.authorize;
      expect(silent?.get('prompt')).to.equal('none');
      expect(silent?.get('domain_hint')).to.equal('contoso.com');
      expect(interactive?.get('prompt')).to.not.equal('none');
      expect(interactive?.get('domain_hint')).to.equal('contoso.com');
      expect(t.aad.counters.signInPage).to.equal(1);
    });

    it('declares the CP1 client capability on authorize and token requests, and gets a CAE-capable token', async () => {
      const s = await start({ provider: { clientCapabilities: ['CP1'] } });
      const token = await s.callout.token('Orders');
      const xmsCc = (claims: string | null | undefined) =>
        (JSON.parse(claims ?? '{}') as { access_token?: { xms_cc?: { values?: string[] } } }).access_token
          ?.xms_cc?.values;
      expect(xmsCc(s.aad.received.authorize[0]?.get('claims'))).to.deep.equal(['CP1']);
      expect(xmsCc(s.aad.received.token[0]?.get('claims'))).to.deep.equal(['CP1']);
      expect(decodeJwt(token.accessToken).xms_cc).to.deep.equal(['CP1']);
    });

    it('declares no client capability without the option', async () => {
      const s = await start();
      const token = await s.callout.token('Orders');
      expect(s.aad.received.authorize[0]?.get('claims')).to.not.contain('xms_cc');
      expect(s.aad.received.token[0]?.get('claims')).to.not.contain('xms_cc');
      expect(decodeJwt(token.accessToken).xms_cc).to.equal(undefined);
    });
  });

  describe('popup_blocked', () => {
    const blockPopups = () => {
      const open = window.open;
      window.open = () => null;
      return () => {
        window.open = open;
      };
    };

    it('ends a sign-in whose popup the browser refuses in popup_blocked with its hint, and the next click signs in', async () => {
      const t = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
      const unblock = blockPopups();
      let error: CalloutError;
      try {
        error = await click(() => expectFailure(t.callout.signIn()));
      } finally {
        unblock();
      }
      expect(error.code).to.equal(CalloutErrorCode.popupBlocked);
      expect(error.hint).to.contain('click handler').and.contain('allow popups').and.contain('redirect');
      expect(t.aad.counters.signInPage).to.equal(0);

      const account = await click(() => t.callout.signIn());
      expect(account.username).to.equal('jane@contoso.com');
      expect(t.aad.counters.signInPage).to.equal(1);
    });

    it('ends a callout that needs a blocked popup in popup_blocked, without a request to the API', async () => {
      const t = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
      const events: InteractionRequiredEventDetail[] = [];
      t.callout.events.addEventListener('interaction-required', (e) => events.push(e.detail));
      const unblock = blockPopups();
      let error: CalloutError;
      try {
        error = await click(() => expectFailure(t.callout('callout:Orders/orders').json()));
      } finally {
        unblock();
      }
      expect(error.code).to.equal(CalloutErrorCode.popupBlocked);
      expect(error.hint).to.contain('callout.signIn()');
      expect(t.api.counters.requests).to.equal(0);
      expect(t.aad.counters.signInPage).to.equal(0);
    });
  });

  describe('signOutScope', () => {
    it('ends the Azure AD session with a logout popup when global, so the next silent sign-in needs interaction', async () => {
      const t = await start({ provider: { interaction: 'popup', signOutScope: 'global' } });
      await t.callout.token('Orders');
      t.aad.resetCounters();
      await click(() => t.callout.signOut());
      expect(t.aad.counters.logout).to.equal(1);
      expect(t.aad.state.session).to.equal(undefined);
      const sent = t.aad.received.logout[0];
      expect(sent?.get('post_logout_redirect_uri')).to.equal(`${location.origin}/redirect.html`);
      expect(sent?.get('logout_hint')).to.equal(opaqueHintFor('jane@contoso.com'));

      const fresh = t.reload();
      others.push(fresh.callout);
      const error = await expectFailure(fresh.callout.token('Orders'));
      expect(error.code).to.equal(CalloutErrorCode.loginRequired);
      expect(t.aad.counters.silentAuthorize).to.equal(1);
      expect(t.aad.counters.token).to.equal(0);
    });

    it('keeps the Azure AD session when local (the default), with no logout request', async () => {
      const t = await start({ provider: { interaction: 'popup' } });
      await t.callout.token('Orders');
      await t.callout.signOut();
      expect(t.aad.counters.logout).to.equal(0);
      expect(t.aad.state.session?.username).to.equal('jane@contoso.com');
      const fresh = t.reload();
      others.push(fresh.callout);
      expect((await fresh.callout.token('Orders')).source).to.equal('sso-silent');
    });
  });
});
