import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { CalloutErrorCode } from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { ordersApi as api, createTokenSource, ordersClient } from '../support/token-source.js';

/** Same origin as the API, outside the credential's path. */
const samePathOutside = 'https://api.contoso.test/evil/collect';
/** Another origin. */
const foreign = 'https://evil.example.test/collect';
const attackerClaims = '{"access_token":{"xms_attacker":{"essential":true,"value":"chosen"}}}';

/** What a call ended in: its value, or its error. */
async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** A client with `Orders` → the API, counting acquisitions. */
function setup() {
  return ordersClient({
    source: createTokenSource({ prefix: 'redirect-token-' }),
    orders: { scopes: ['api://orders/Orders.Read'], retry: 0 },
  });
}

/** What the targets of a redirect received: one entry per request, its Authorization header. */
interface Received {
  api: number;
  outside: (string | null)[];
}

/**
 * The API redirects `orders` to `target` (302); `target` answers `answer` and records what it got.
 * `v1/moved` redirects inside the base, to `v1/orders-new`.
 */
function redirectingApi(target: string, answer: () => Response) {
  const received: Received = { api: 0, outside: [] };
  return {
    received,
    handlers: [
      http.get(`${api}orders`, () => {
        received.api++;
        return new HttpResponse(null, { status: 302, headers: { Location: target } });
      }),
      http.get(target, ({ request }) => {
        received.outside.push(request.headers.get('authorization'));
        return answer();
      }),
    ],
  };
}

const stolen = () =>
  HttpResponse.json({ fromTheAttacker: true }, { headers: { 'access-control-allow-origin': '*' } });
const claimsChallenge = () =>
  new HttpResponse(null, {
    status: 401,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'WWW-Authenticate',
      'WWW-Authenticate': `Bearer error="insufficient_claims", claims="${btoa(attackerClaims)}"`,
    },
  });

describe('redirects of calls that carry a token', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  /** Installs a redirecting API and returns what its targets received. */
  const redirecting = (target: string, answer: () => Response): Received => {
    const { received, handlers } = redirectingApi(target, answer);
    msw.use(...handlers);
    return received;
  };

  it('sends the token to no path outside the base when the API redirects within its origin', async () => {
    const { source, callout } = setup();
    const received = redirecting(samePathOutside, stolen);
    const outcome = await settle(callout('callout:Orders/orders').json());
    expect(received.outside, 'Authorization headers the path outside the base received').to.deep.equal([]);
    expect(outcome).not.to.have.property('value');
    const error = await expectFailure(Promise.reject(outcome.error));
    expect(error.code).to.equal(CalloutErrorCode.redirectNotFollowed);
    expect(error.hint).to.contain("redirect: 'follow'");
    expect(received.api).to.equal(1);
    expect(source.requests).to.have.length(1);
  });

  it("never returns a foreign origin's body as the API's answer after a cross-origin redirect", async () => {
    const { callout } = setup();
    const received = redirecting(foreign, stolen);
    const outcome = await settle(callout('callout:Orders/orders').json());
    expect(outcome, 'what the call resolved with').not.to.have.property('value');
    expect(received.outside).to.deep.equal([]);
    const error = await expectFailure(Promise.reject(outcome.error));
    expect(error.code).to.equal(CalloutErrorCode.redirectNotFollowed);
  });

  it('acquires no token with claims chosen by a foreign origin reached by redirect', async () => {
    const { source, callout } = setup();
    const received = redirecting(foreign, claimsChallenge);
    const error = await expectFailure(callout('callout:Orders/orders').json());
    expect(source.requests, 'token acquisitions').to.have.length(1);
    expect(source.requests.map((r) => r.claims)).to.deep.equal([undefined]);
    expect(received.api).to.equal(1);
    expect(error.code).to.equal(CalloutErrorCode.redirectNotFollowed);
  });

  describe("when the caller allows redirects with redirect: 'follow'", () => {
    it('refuses the answer of a path outside the base, as the browser keeps the token on same-origin redirects', async () => {
      const { callout } = setup();
      const received = redirecting(samePathOutside, stolen);
      const error = await expectFailure(callout('callout:Orders/orders', { redirect: 'follow' }).json());
      expect(error.code).to.equal(CalloutErrorCode.redirectOutsideBase);
      expect(error.message).to.contain('https://api.contoso.test/evil/collect');
      // What the opt-in costs: Chromium keeps Authorization on a same-origin redirect.
      expect(received.outside).to.deep.equal(['Bearer redirect-token-1']);
    });

    it('refuses the answer of a foreign origin, which the browser reached without the token', async () => {
      const { callout } = setup();
      const received = redirecting(foreign, stolen);
      const error = await expectFailure(callout('callout:Orders/orders', { redirect: 'follow' }).json());
      expect(error.code).to.equal(CalloutErrorCode.redirectOutsideBase);
      expect(received.outside).to.deep.equal([null]);
    });

    it("neither refreshes nor retries on a foreign origin's claims challenge", async () => {
      const { source, callout } = setup();
      const received = redirecting(foreign, claimsChallenge);
      const error = await expectFailure(callout('callout:Orders/orders', { redirect: 'follow' }).json());
      expect(error.code).to.equal(CalloutErrorCode.redirectOutsideBase);
      expect(source.requests, 'token acquisitions').to.have.length(1);
      expect(received.api).to.equal(1);
      expect(received.outside).to.have.length(1);
    });

    it('follows a redirect that stays inside the base', async () => {
      const { callout } = setup();
      const received = redirecting(`${api}orders-new`, () => HttpResponse.json({ ok: true }));
      expect(await callout('callout:Orders/orders', { redirect: 'follow' }).json()).to.deep.equal({
        ok: true,
      });
      expect(received.outside).to.deep.equal(['Bearer redirect-token-1']);
    });
  });

  it('lets a call without a token follow redirects as fetch does', async () => {
    const { callout } = setup();
    msw.use(
      http.get(
        'https://public.example.test/a',
        () => new HttpResponse(null, { status: 302, headers: { Location: 'https://public.example.test/b' } }),
      ),
      http.get('https://public.example.test/b', () => HttpResponse.json({ public: true })),
    );
    expect(await callout('https://public.example.test/a').json()).to.deep.equal({ public: true });
  });
});
