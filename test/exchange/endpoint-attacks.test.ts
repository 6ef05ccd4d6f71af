import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { type ExchangeProviderOptions, exchangeProvider } from '../../src/exchange.js';
import {
  type Callout,
  CalloutErrorCode,
  createCallout,
  functionProvider,
  isCalloutError,
} from '../../src/index.js';
import { base64url } from '../support/aad-tokens.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

const endpoint = 'https://auth.orders.test/oauth2/token';
const renew = 'https://auth.orders.test/oauth2/renew';
const revoke = 'https://auth.orders.test/oauth2/revoke';
/** The host a hostile or compromised token endpoint redirects to. */
const evil = 'https://evil.example.test/collect';
const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };
const hour = 3_600_000;
const day = 24 * hour;

/** An unsigned JWT with these claims (the client reads `exp`, never verifies). */
const jwt = (claims: Record<string, unknown>): string =>
  `${base64url('{"alg":"none"}')}.${base64url(JSON.stringify(claims))}.sig`;

/** What the configured endpoints and the evil host received. */
interface Seen {
  endpoint: string[];
  evil: { method: string; body: string }[];
  subjects: string[];
}

/**
 * Attacker: a hostile or compromised token endpoint (or something on its path) — it answers with
 * a redirect to another host, hoping the subject or refresh token follows, or with an answer
 * that claims a lifetime of years or scopes and an audience nobody asked for. And a
 * configuration that points the exchange at a URL that is not https.
 */
describe('exchangeProvider against a hostile token endpoint', () => {
  const msw = useMsw();
  failOnUnhandledRejections();
  let callout: Callout | undefined;
  afterEach(() => {
    callout?.dispose();
    callout = undefined;
  });

  /** A client whose `ordersApi` exchanges `aad`'s token (a function provider) at `endpoint`. */
  function chain(options: Partial<ExchangeProviderOptions> = {}): { callout: Callout; seen: Seen } {
    const seen: Seen = { endpoint: [], evil: [], subjects: [] };
    msw.use(
      http.all(evil, async ({ request }) => {
        seen.evil.push({ method: request.method, body: await request.text() });
        return HttpResponse.json({ access_token: 'from-evil', expires_in: 3600 }, { headers: cors });
      }),
    );
    const aad = functionProvider(async () => {
      const accessToken = `subject.${crypto.randomUUID()}`;
      seen.subjects.push(accessToken);
      return { accessToken, expiresOn: Date.now() + hour };
    });
    const ordersApi = exchangeProvider({
      tokenEndpoint: endpoint,
      subject: { provider: 'aad', scopes: ['api://orders-auth/.default'] },
      clientId: 'orders-web',
      ...options,
    });
    callout = createCallout({
      providers: { aad, ordersApi },
      credentials: {
        Orders: { url: 'https://orders.contoso.test/v2/', provider: 'ordersApi', scopes: ['orders'] },
        Admin: { url: 'https://admin.contoso.test/', provider: 'ordersApi', scopes: ['orders.admin'] },
      },
      crossTab: false,
    });
    return { callout, seen };
  }

  /** `url` answers every POST with `answer` (given the form it received), recording the form. */
  const answering = (seen: Seen, url: string, answer: (form: URLSearchParams) => Response) =>
    http.post(url, async ({ request }) => {
      const body = await request.text();
      seen.endpoint.push(body);
      return answer(new URLSearchParams(body));
    });
  const redirectTo = (status: number) => () =>
    new HttpResponse(null, { status, headers: { location: evil, ...cors } });
  const tokens =
    (extra: Record<string, unknown> = {}) =>
    () =>
      HttpResponse.json(
        {
          access_token: `at.${crypto.randomUUID()}`,
          expires_in: 3600,
          refresh_token: `rt.${crypto.randomUUID()}`,
          ...extra,
        },
        { headers: cors },
      );

  for (const status of [307, 308, 302]) {
    it(`sends the subject token to no other host when the token endpoint answers ${status} to it`, async () => {
      const t = chain();
      msw.use(answering(t.seen, endpoint, redirectTo(status)));
      const error = await expectFailure(t.callout.token('Orders'));
      expect(t.seen.endpoint, 'requests to the configured endpoint').to.have.length(1);
      expect(t.seen.evil, 'requests the redirect target received').to.deep.equal([]);
      expect(error.code).to.equal(CalloutErrorCode.redirectNotFollowed);
      expect(error.message).to.contain('auth.orders.test');
      expect(error.hint).to.contain('auth.orders.test');
    });
  }

  it('sends the refresh token to no other host when the refresh endpoint answers 307 to it', async () => {
    const t = chain({ refreshEndpoint: renew });
    msw.use(answering(t.seen, endpoint, tokens()), answering(t.seen, renew, redirectTo(307)));
    await t.callout.token('Orders');
    const error = await expectFailure(t.callout.token('Orders', { forceRefresh: true }));
    expect(error.code).to.equal(CalloutErrorCode.redirectNotFollowed);
    expect(t.seen.endpoint, 'one exchange, one refresh').to.have.length(2);
    expect(t.seen.evil).to.deep.equal([]);
  });

  it('sends the refresh token to no other host when the revocation endpoint answers 308 at sign-out', async () => {
    const t = chain({ revocationEndpoint: revoke });
    msw.use(answering(t.seen, endpoint, tokens()), answering(t.seen, revoke, redirectTo(308)));
    await t.callout.token('Orders');
    await t.callout.signOut('ordersApi');
    expect(t.seen.endpoint, 'one exchange, one revocation').to.have.length(2);
    expect(t.seen.evil).to.deep.equal([]);
  });

  it('refuses endpoints that are not https (or carry user info) when created, before any request', async () => {
    const bad = [
      { tokenEndpoint: 'http://auth.orders.test/oauth2/token' },
      { tokenEndpoint: 'ftp://auth.orders.test/token' },
      { tokenEndpoint: 'javascript:alert(1)' },
      { tokenEndpoint: 'https://user:secret@auth.orders.test/token' },
      { tokenEndpoint: endpoint, refreshEndpoint: 'http://auth.orders.test/renew' },
      { tokenEndpoint: endpoint, revocationEndpoint: 'http://auth.orders.test/revoke' },
    ];
    const seen: string[] = [];
    msw.use(http.all(/.*auth\.orders\.test.*/, ({ request }) => void seen.push(request.url)));
    for (const options of bad) {
      let thrown: unknown;
      try {
        exchangeProvider({ subject: { provider: 'aad', scopes: ['s'] }, ...options });
      } catch (error) {
        thrown = error;
      }
      expect(isCalloutError(thrown) && thrown.code, JSON.stringify(options)).to.equal(
        CalloutErrorCode.configurationError,
      );
    }
    expect(seen).to.deep.equal([]);
  });

  it('keeps an opaque token whose answer claims a lifetime of ten years at most a day', async () => {
    const t = chain();
    msw.use(answering(t.seen, endpoint, tokens({ expires_in: 10 * 365 * 86_400 })));
    const token = await t.callout.token('Orders');
    expect(token.expiresOn.getTime() - Date.now())
      .to.be.at.most(day)
      .and.greaterThan(day - hour);
  });

  it('keeps a token no longer than its JWT says it lives (exp − iat), whatever expiry the answer claims', async () => {
    const t = chain({
      grant: {
        request: { subjectToken: 'entraToken' },
        response: { accessToken: 'jwt', expiresAt: 'validUntil' },
      },
    });
    const iat = Math.floor(Date.now() / 1000);
    msw.use(
      answering(t.seen, endpoint, () =>
        HttpResponse.json(
          { jwt: jwt({ iat, exp: iat + 600, aud: 'orders-api' }), validUntil: '2999-01-01T00:00:00Z' },
          { headers: cors },
        ),
      ),
    );
    const before = Date.now();
    const token = await t.callout.token('Orders');
    expect(token.expiresOn.getTime()).to.be.within(before + 600_000, Date.now() + 600_000);
  });

  it('serves an answer that names other scopes and another audience only to the scopes asked for', async () => {
    const t = chain();
    msw.use(
      answering(t.seen, endpoint, (form) =>
        HttpResponse.json(
          {
            access_token: jwt({
              aud: 'billing-api',
              scp: 'orders.admin billing',
              n: t.seen.endpoint.length,
              s: form.get('scope'),
            }),
            expires_in: 3600,
            scope: 'orders orders.admin billing',
          },
          { headers: cors },
        ),
      ),
    );
    const orders = await t.callout.token('Orders');
    const admin = await t.callout.token('Admin');
    expect(t.seen.endpoint, 'one exchange per scope set asked for').to.have.length(2);
    expect(admin.accessToken).to.not.equal(orders.accessToken);
    expect(new URLSearchParams(t.seen.endpoint[1]).get('scope')).to.equal('orders.admin');
  });
});
