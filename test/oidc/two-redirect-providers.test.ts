import { expect } from '@open-wc/testing';
import { OidcClient } from 'oidc-client-ts';
import { userManagerSettings } from '../../src/oidc/settings.js';
import type { OidcProviderOptions } from '../../src/oidc.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import {
  cleanUpAfterEach,
  presentedCodes,
  restorePageAfterEach,
  victimApp,
} from '../support/oidc-attacker.js';
import { createOidcEmulator } from '../support/oidc-emulator.js';
import { callbackPage } from '../support/oidc-setup.js';

/**
 * Two OpenID Connect providers with `interaction: 'redirect'` on one page (two apps, or two
 * client ids of one identity provider): when the page comes back from provider B's full-page
 * sign-in, provider A — whichever starts first — must neither redeem B's answer nor remove it
 * from the URL; B redeems it. Each provider keeps its pending sign-in states under a key prefix
 * of its own, so neither ever reads the other's.
 */
describe('two redirect providers on one page', () => {
  const msw = useMsw();
  failOnUnhandledRejections();
  const keep = cleanUpAfterEach();
  restorePageAfterEach();

  it("leaves provider B's answer to B: A redeems nothing and keeps the URL, B redeems it with 1 token request", async () => {
    const idp = createOidcEmulator();
    const options = (clientId: string): OidcProviderOptions => ({
      authority: idp.authority,
      clientId,
      redirectUri: callbackPage,
      loginHint: 'jane@contoso.com',
      scopes: ['profile', 'offline_access', 'api://orders/Orders.Read'],
      interaction: 'redirect',
    });
    const a = options(`spa-a-${crypto.randomUUID()}`);
    const b = options(`spa-b-${crypto.randomUUID()}`);
    msw.use(...idp.handlers);

    // B's pending redirect sign-in, stored as B's own UserManager stores it before leaving the page
    // (same settings), and the server's answer to it: the URL the page comes back to.
    const request = await new OidcClient(userManagerSettings(b)).createSigninRequest({
      request_type: 'si:r',
      prompt: 'none',
      login_hint: 'jane@contoso.com',
    });
    const answer = new URL((await fetch(request.url)).url);
    expect(answer.searchParams.get('state'), 'the answer is to B').to.equal(request.state.id);
    expect(answer.searchParams.has('code')).to.equal(true);
    history.replaceState(history.state, '', answer.href);
    const tokenRequestsBefore = idp.counters.token;

    const first = keep.victim(victimApp(msw.use, a, idp));
    await first.provider.ready();
    expect(idp.counters.token - tokenRequestsBefore, 'token requests after A started').to.equal(0);
    expect(first.provider.account, 'A signed in nobody').to.equal(undefined);
    expect(location.href, "B's answer stays in the URL").to.equal(answer.href);

    const second = keep.victim(victimApp(msw.use, b, idp));
    await second.provider.ready();
    expect(idp.counters.token - tokenRequestsBefore, 'token requests after B started').to.equal(1);
    expect(presentedCodes(second)).to.deep.equal([answer.searchParams.get('code')]);
    expect(second.provider.account?.username).to.equal('jane@contoso.com');
    expect(first.provider.account, 'still nobody in A').to.equal(undefined);
    expect(new URL(location.href).searchParams.has('code'), 'B removed its answer').to.equal(false);
  });
});
