import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import type { CredentialDefinition, RetryEventDetail } from '../../src/index.js';
import { CalloutErrorCode, createCallout } from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { createTokenSource, type TokenSource } from '../support/token-source.js';

const api = 'https://api.contoso.test/v1/';

function client(source: TokenSource, credential: Partial<CredentialDefinition> = {}) {
  return createCallout({
    crossTab: false,
    providers: { test: source.provider },
    credentials: {
      Orders: { url: api, provider: 'test', scopes: ['api://orders/Orders.Read'], ...credential },
    },
  });
}

/** `GET …/orders` that answers 401 to the first token (`t1`) and `{ ok: true }` to any other. */
function rejectingFirstToken() {
  return http.get(`${api}orders`, ({ request }) =>
    request.headers.get('authorization') === 'Bearer t1'
      ? new HttpResponse(null, { status: 401 })
      : HttpResponse.json({ ok: true }),
  );
}

describe('the callout client', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  it('attaches one token to 50 concurrent callouts with a single acquisition', async () => {
    const source = createTokenSource({ delayMs: 20 });
    const seen: (string | null)[] = [];
    msw.use(
      http.get(`${api}orders/:id`, ({ request, params }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({ id: params.id });
      }),
    );
    const callout = client(source);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => callout(`callout:Orders/orders/${i}`).json()),
    );
    expect(results).to.have.length(50);
    expect(source.requests).to.have.length(1);
    expect(new Set(seen)).to.deep.equal(new Set(['Bearer t1']));
  });

  it('refreshes once when 20 concurrent requests are all rejected once, and all 20 retries succeed', async () => {
    const source = createTokenSource({ delayMs: 10 });
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders/:id`, ({ request }) => {
        apiRequests++;
        return request.headers.get('authorization') === 'Bearer t1'
          ? new HttpResponse(null, {
              status: 401,
              headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
            })
          : HttpResponse.json({ ok: true });
      }),
    );
    const callout = client(source);
    const retries: RetryEventDetail[] = [];
    callout.events.addEventListener('retry', (e) => retries.push(e.detail));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => callout(`callout:Orders/orders/${i}`).json()),
    );
    expect(results).to.have.length(20);
    expect(source.requests.map((r) => r.forceRefresh ?? false)).to.deep.equal([false, true]);
    expect(apiRequests).to.equal(40);
    expect(retries).to.have.length(20);
    expect(retries.filter((r) => r.reason === 'token-rejected')).to.have.length(20);
  });

  it("runs the caller's hooks around the auth retry: beforeRetry sees it, afterResponse only the retried answer", async () => {
    const source = createTokenSource();
    msw.use(rejectingFirstToken());
    const callout = client(source);
    const afterResponse: number[] = [];
    const beforeRetry: string[] = [];
    const data = await callout('callout:Orders/orders', {
      hooks: {
        afterResponse: [({ response }) => void afterResponse.push(response.status)],
        beforeRetry: [
          ({ request, error }) =>
            void beforeRetry.push(`${error.name} ${request.headers.get('authorization')}`),
        ],
      },
    }).json();
    expect(data).to.deep.equal({ ok: true });
    expect(source.requests).to.have.length(2);
    expect(afterResponse).to.deep.equal([200]);
    // Our beforeRetry hook runs first, so the caller's already sees the new token.
    expect(beforeRetry).to.deep.equal(['ForceRetryError Bearer t2']);
  });

  it('sends exactly two requests to a server that always answers 401 and ends in an unauthorized error', async () => {
    const source = createTokenSource();
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, () => {
        apiRequests++;
        return new HttpResponse('nope', { status: 401, headers: { 'x-ms-request-id': 'req-42' } });
      }),
    );
    const callout = client(source);
    const error = await expectFailure(callout('callout:Orders/orders').json());
    expect(apiRequests).to.equal(2);
    expect(source.requests).to.have.length(2);
    expect(error.code).to.equal(CalloutErrorCode.unauthorized);
    expect(error.status).to.equal(401);
    expect(error.requestId).to.equal('req-42');
    expect(error.message).to.equal(`Callout failed with 401 Unauthorized: GET ${api}orders`);
    expect(error.hint).to.match(/audience/);
  });

  it('does not refresh on 403 by default but does when refreshOn includes 403', async () => {
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, ({ request }) => {
        apiRequests++;
        return request.headers.get('authorization') === 'Bearer t1'
          ? new HttpResponse(null, { status: 403 })
          : HttpResponse.json([]);
      }),
    );
    const plain = createTokenSource();
    const error = await expectFailure(client(plain)('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.forbidden);
    expect(apiRequests).to.equal(1);
    expect(plain.requests).to.have.length(1);

    apiRequests = 0;
    const refreshing = createTokenSource();
    const data = await client(refreshing, { refreshOn: [401, 403] })('callout:Orders/orders').json();
    expect(data).to.deep.equal([]);
    expect(apiRequests).to.equal(2);
    expect(refreshing.requests).to.have.length(2);
  });

  it('answers an insufficient_claims challenge by acquiring with the decoded claims and retrying once', async () => {
    const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
    const source = createTokenSource();
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, ({ request }) => {
        apiRequests++;
        if (request.headers.get('authorization') === 'Bearer t1') {
          return new HttpResponse(null, {
            status: 401,
            headers: {
              'WWW-Authenticate': `Bearer realm="", error="insufficient_claims", error_description="claims needed", claims="${btoa(claims)}"`,
            },
          });
        }
        return HttpResponse.json({ ok: true });
      }),
    );
    const callout = client(source);
    const reasons: string[] = [];
    callout.events.addEventListener('retry', (e) => reasons.push(e.detail.reason));
    expect(await callout('callout:Orders/orders').json()).to.deep.equal({ ok: true });
    expect(apiRequests).to.equal(2);
    expect(source.requests).to.have.length(2);
    expect(source.requests[1]?.claims).to.equal(claims);
    expect(reasons).to.deep.equal(['claims-challenge']);
  });

  it('does not refresh for an insufficient_scope challenge unless refreshOn includes 403', async () => {
    msw.use(
      http.get(
        `${api}orders`,
        () =>
          new HttpResponse(null, {
            status: 401,
            headers: { 'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="Orders.Write"' },
          }),
      ),
    );
    const source = createTokenSource();
    const error = await expectFailure(client(source)('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.unauthorized);
    expect(source.requests).to.have.length(1);
  });

  it('still refreshes once when a 401 follows a transient 503 retry', async () => {
    const source = createTokenSource();
    const statuses = [503, 401, 200];
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, () => {
        const status = statuses[apiRequests++] ?? 500;
        return status === 200 ? HttpResponse.json({ ok: true }) : new HttpResponse(null, { status });
      }),
    );
    const callout = client(source, { retry: { limit: 1, delay: () => 0 } });
    const reasons: string[] = [];
    callout.events.addEventListener('retry', (e) => reasons.push(e.detail.reason));
    expect(await callout('callout:Orders/orders').json()).to.deep.equal({ ok: true });
    expect(apiRequests).to.equal(3);
    expect(reasons).to.deep.equal(['transient', 'token-rejected']);
    expect(source.requests).to.have.length(2);
  });

  it('keeps the auth retry even with retry: 0, and never retries transient errors then', async () => {
    const source = createTokenSource();
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, ({ request }) => {
        apiRequests++;
        if (request.headers.get('authorization') === 'Bearer t1')
          return new HttpResponse(null, { status: 401 });
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const error = await expectFailure(client(source, { retry: 0 })('callout:Orders/orders').json());
    expect(apiRequests).to.equal(2);
    expect(error.code).to.equal(CalloutErrorCode.httpError);
    expect(error.status).to.equal(503);
  });

  it('re-attaches the current token on a transient retry after the first token was replaced', async () => {
    const source = createTokenSource();
    const seen: (string | null)[] = [];
    msw.use(
      http.get(`${api}orders`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return seen.length === 1 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ ok: true });
      }),
    );
    const callout = client(source, { retry: { limit: 1, delay: () => 0 } });
    const pending = callout('callout:Orders/orders').json();
    // Another caller forces a new token while the first attempt is in flight.
    await callout.token('Orders', { forceRefresh: true });
    await pending;
    expect(seen[1]).to.equal(`Bearer ${source.current}`);
  });

  it('honours Retry-After on a 429 for idempotent requests', async () => {
    const source = createTokenSource();
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, () => {
        apiRequests++;
        return apiRequests === 1
          ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } })
          : HttpResponse.json({ ok: true });
      }),
    );
    expect(await client(source)('callout:Orders/orders').json()).to.deep.equal({ ok: true });
    expect(apiRequests).to.equal(2);
    expect(source.requests).to.have.length(1);
  });

  it('sends no token to, and never retries through, a provider token endpoint inside the credential', async () => {
    const source = createTokenSource({ tokenEndpoints: [`${api}oauth2/token`] });
    const seen: (string | null)[] = [];
    msw.use(
      http.post(`${api}oauth2/token`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return new HttpResponse(null, { status: 401 });
      }),
    );
    const error = await expectFailure(client(source).post('callout:Orders/oauth2/token').json());
    expect(seen).to.deep.equal([null]);
    expect(source.requests).to.have.length(0);
    expect(error.code).to.equal(CalloutErrorCode.unauthorized);
  });

  it('sends a plain absolute URL outside every credential without a token', async () => {
    const source = createTokenSource();
    const seen: (string | null)[] = [];
    msw.use(
      http.get('https://elsewhere.test/data', ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({ ok: true });
      }),
      http.get(`${api}data`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({ ok: true });
      }),
    );
    const callout = client(source);
    await callout('https://elsewhere.test/data').json();
    await callout(`${api}data`).json();
    expect(seen).to.deep.equal([null, 'Bearer t1']);
  });

  it('fires request, response, token and retry events without ever carrying the token', async () => {
    const source = createTokenSource();
    msw.use(rejectingFirstToken());
    const callout = client(source);
    const events: string[] = [];
    const details: unknown[] = [];
    for (const name of ['token', 'request', 'response', 'retry', 'error'] as const) {
      callout.events.addEventListener(name, (e) => {
        events.push(name);
        details.push(e.detail);
      });
    }
    await callout('callout:Orders/orders').json();
    expect(events).to.deep.equal(['token', 'request', 'response', 'token', 'retry', 'request', 'response']);
    const serialized = JSON.stringify(details);
    expect(serialized).not.to.contain('t1');
    expect(serialized).not.to.contain('t2');
  });
});

describe('token renewal under continuous traffic', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  it('renews short-lived tokens ahead of expiry so no request ever carries an expired token', async () => {
    const expiries = new Map<string, number>();
    let issued = 0;
    const { functionProvider } = await import('../../src/index.js');
    const provider = functionProvider(async () => {
      const token = `short-${++issued}`;
      const expiresOn = Date.now() + 400;
      expiries.set(token, expiresOn);
      return { accessToken: token, expiresOn };
    });
    const callout = createCallout({
      crossTab: false,
      leewaySeconds: 300,
      providers: { test: provider },
      credentials: { Orders: { url: api, provider: 'test', scopes: ['Orders.Read'] } },
    });
    const expiredOnArrival: string[] = [];
    let apiRequests = 0;
    msw.use(
      http.get(`${api}orders`, ({ request }) => {
        apiRequests++;
        const token = request.headers.get('authorization')?.slice('Bearer '.length) ?? '';
        if (!(Date.now() < (expiries.get(token) ?? 0))) expiredOnArrival.push(token);
        return HttpResponse.json({ ok: true });
      }),
    );
    // Traffic until the third token has been used: two renewals whatever the machine's speed, so
    // the renewal throttle (10 in 30 s) never decides the outcome on a slow machine.
    let sent = 0;
    while (issued < 3 && sent < 500) {
      await callout('callout:Orders/orders').json();
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    expect(issued).to.equal(3);
    expect(apiRequests).to.equal(sent);
    expect(expiredOnArrival).to.deep.equal([]);
  });
});
