import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { ChallengeBudget } from '../../src/http/challenge-budget.js';
import { CalloutErrorCode, isCalloutError } from '../../src/index.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { ordersApi as api, ordersClient } from '../support/token-source.js';

const other = 'https://other.contoso.test/v1/';

/** `WWW-Authenticate` of an `insufficient_claims` challenge asking for `value`. */
const challenge = (value: string) => ({
  'WWW-Authenticate': `Bearer error="insufficient_claims", claims="${btoa(
    JSON.stringify({ access_token: { acrs: { essential: true, value } } }),
  )}"`,
});

function setup() {
  return ordersClient({
    orders: { retry: 0 },
    credentials: { Other: { url: other, provider: 'test', scopes: ['Other.Read'], retry: 0 } },
  });
}

describe('the budget of claims challenges', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  it('acquires at most five tokens for a server that answers every request with fresh claims', async () => {
    const { source, callout } = setup();
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, () => {
        apiRequests++;
        return new HttpResponse(null, { status: 401, headers: challenge(`c${apiRequests}`) });
      }),
    );
    const codes: string[] = [];
    for (let i = 0; i < 50; i++) {
      await callout('callout:Orders/orders')
        .json()
        .catch((error: unknown) => codes.push(isCalloutError(error) ? error.code : String(error)));
    }
    const withClaims = source.requests.filter((r) => r.claims !== undefined);
    expect(withClaims.length, 'acquisitions driven by claims challenges').to.be.at.most(5);
    expect(source.requests.length).to.be.at.most(6);
    expect(codes).to.have.length(50);
    expect(codes.filter((c) => c === CalloutErrorCode.renewalThrottled)).to.have.length(45);
    // An answered challenge costs two requests; a refused one, one.
    expect(apiRequests).to.equal(5 * 2 + 45);
  });

  it('says why a challenge over budget was not answered', async () => {
    const { callout } = setup();
    let n = 0;
    msw.use(
      http.get(`${api}orders`, () => new HttpResponse(null, { status: 401, headers: challenge(`x${++n}`) })),
    );
    let last: unknown;
    for (let i = 0; i < 7; i++)
      await callout('callout:Orders/orders')
        .json()
        .catch((e: unknown) => (last = e));
    expect(isCalloutError(last) && last.code).to.equal(CalloutErrorCode.renewalThrottled);
    const error = last as { status?: number; message: string; hint: string; credential?: string };
    expect(error.status).to.equal(401);
    expect(error.credential).to.equal('Orders');
    expect(error.message).to.contain('claims challenge');
    expect(error.hint).to.contain('Continuous Access Evaluation');
  });

  it('charges 20 concurrent requests that meet the same challenge once, and answers them all', async () => {
    const { source, callout } = setup();
    const seen = new Set<string>();
    msw.use(
      http.get(`${api}orders/:id`, ({ request }) => {
        const token = request.headers.get('authorization') ?? '';
        seen.add(token);
        return token === 'Bearer t1'
          ? new HttpResponse(null, { status: 401, headers: challenge('same') })
          : HttpResponse.json({ ok: true });
      }),
    );
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => callout(`callout:Orders/orders/${i}`).json()),
      );
      expect(results).to.have.length(20);
    }
    expect(source.requests.filter((r) => r.claims !== undefined)).to.have.length(1);
  });

  it('keeps one budget per credential', async () => {
    const { source, callout } = setup();
    let n = 0;
    const fresh = () => new HttpResponse(null, { status: 401, headers: challenge(`y${++n}`) });
    msw.use(http.get(`${api}orders`, fresh), http.get(`${other}things`, fresh));
    for (let i = 0; i < 8; i++)
      await callout('callout:Orders/orders')
        .json()
        .catch(() => {});
    const before = source.requests.length;
    await callout('callout:Other/things')
      .json()
      .catch(() => {});
    expect(source.requests.slice(before).filter((r) => r.claims !== undefined)).to.have.length(1);
  });

  it('frees the budget as the window slides', () => {
    let now = 0;
    const budget = new ChallengeBudget({ limit: 2, windowMs: 1_000, now: () => now });
    expect(budget.allow('Orders', 'a')).to.equal(true);
    expect(budget.allow('Orders', 'b')).to.equal(true);
    expect(budget.allow('Orders', 'a'), 'claims already answered cost nothing').to.equal(true);
    expect(budget.allow('Orders', 'c')).to.equal(false);
    expect(budget.allow('Other', 'c')).to.equal(true);
    now = 999;
    expect(budget.allow('Orders', 'c')).to.equal(false);
    now = 1_000;
    expect(budget.allow('Orders', 'c')).to.equal(true);
  });
});
