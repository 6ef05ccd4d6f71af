import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { pkceChallenge } from '../support/aad-tokens.js';
import { useMsw } from '../support/msw-worker.js';
import { createOidcEmulator, type OidcEmulator } from '../support/oidc-emulator.js';

/**
 * The generic OpenID Connect server emulator itself, driven with plain `fetch` (no client
 * library): what the OIDC provider's tests rely on.
 */
describe('the OpenID Connect server emulator', () => {
  const msw = useMsw();
  const redirectUri = `${location.origin}/emulator-callback`;
  const verifier = 'v'.repeat(64);

  /** Follows the authorize redirect and returns the query the server put on the redirect URI. */
  async function authorize(idp: OidcEmulator, extra: Record<string, string> = {}): Promise<URLSearchParams> {
    const url = new URL(String(idp.metadata.authorization_endpoint));
    url.search = new URLSearchParams({
      client_id: 'spa',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid offline_access api://orders/Orders.Read',
      code_challenge: await pkceChallenge(verifier),
      code_challenge_method: 'S256',
      state: 's1',
      ...extra,
    }).toString();
    const response = await fetch(url);
    return new URL(response.url).searchParams;
  }

  /** Every test's server, plus a page at the redirect URI (the answer is read from its URL). */
  const start = (options?: Parameters<typeof createOidcEmulator>[0]): OidcEmulator => {
    const idp = createOidcEmulator(options);
    msw.use(
      ...idp.handlers,
      http.get(redirectUri, () => new Response('ok')),
    );
    return idp;
  };

  const token = (idp: OidcEmulator, form: Record<string, string>) =>
    fetch(idp.tokenEndpoint, { method: 'POST', body: new URLSearchParams({ client_id: 'spa', ...form }) });

  const redeem = async (idp: OidcEmulator, code: string) =>
    (await (
      await token(idp, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      })
    ).json()) as { access_token: string; refresh_token: string; expires_in: number };

  it('serves its discovery document and answers a silent authorize from the session with a code redeemed once with PKCE', async () => {
    const idp = start();
    const metadata = await (await fetch(`${idp.authority}/.well-known/openid-configuration`)).json();
    expect(metadata.issuer).to.equal(idp.issuer);
    const answer = await authorize(idp, { prompt: 'none' });
    expect(answer.get('state')).to.equal('s1');
    const code = answer.get('code')!;
    const tokens = await redeem(idp, code);
    expect(tokens.expires_in).to.equal(3600);
    const again = await token(idp, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(again.status).to.equal(400);
    expect(idp.counters).to.include({
      discovery: 1,
      silentAuthorize: 1,
      token: 2,
      authorizationCodeGrants: 2,
    });
  });

  it('answers prompt=none with login_required when there is no session', async () => {
    const idp = start({ session: null });
    const answer = await authorize(idp, { prompt: 'none' });
    expect(answer.get('error')).to.equal('login_required');
    expect(answer.get('code')).to.equal(null);
  });

  it('answers prompt=none with login_required while the browser blocks third-party cookies, and still signs in interactively', async () => {
    const idp = start();
    idp.faults.thirdPartyCookiesBlocked = true;
    const silent = await authorize(idp, { prompt: 'none', login_hint: 'jane@contoso.com' });
    expect(silent.get('error')).to.equal('login_required');
    const interactive = await authorize(idp, { login_hint: 'jane@contoso.com' });
    expect(interactive.get('code')).to.be.a('string');
    expect(idp.counters).to.include({ silentAuthorize: 1, signInPage: 1 });
  });

  it('rotates refresh tokens, and a spent one presented again revokes the whole family', async () => {
    const idp = start();
    const first = await redeem(idp, (await authorize(idp, { prompt: 'none' })).get('code')!);
    const second = await (
      await token(idp, { grant_type: 'refresh_token', refresh_token: first.refresh_token })
    ).json();
    expect(second.refresh_token).to.not.equal(first.refresh_token);
    const replay = await token(idp, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect((await replay.json()).error).to.equal('invalid_grant');
    const revoked = await token(idp, { grant_type: 'refresh_token', refresh_token: second.refresh_token });
    expect(revoked.status, 'the family was revoked by the replay').to.equal(400);
    expect(idp.counters.refreshTokenGrants).to.equal(3);
  });

  it('revokes a refresh token at its revocation endpoint and ends the session at end_session', async () => {
    const idp = start();
    const tokens = await redeem(idp, (await authorize(idp, { prompt: 'none' })).get('code')!);
    await fetch(idp.revocationEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ token: tokens.refresh_token }),
    });
    const refused = await token(idp, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refused.status).to.equal(400);
    const back = await fetch(
      `${idp.metadata.end_session_endpoint}?post_logout_redirect_uri=${encodeURIComponent(redirectUri)}&state=x`,
    );
    expect(new URL(back.url).searchParams.get('state')).to.equal('x');
    expect((await authorize(idp, { prompt: 'none' })).get('error')).to.equal('login_required');
    expect(idp.counters).to.include({ revocation: 1, endSession: 1 });
  });
});
