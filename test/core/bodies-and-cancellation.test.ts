import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { CalloutErrorCode, createCallout } from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { ordersApi as api, createTokenSource, ordersClient } from '../support/token-source.js';

const setup = () => ordersClient({ orders: { scopes: ['Orders.Write'] } });

const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('request bodies on the auth retry', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  const form = new FormData();
  form.append('sku', 'A1');
  form.append('file', new Blob(['é\u0000binary'], { type: 'application/octet-stream' }), 'a.bin');
  const kinds: [string, () => { body?: BodyInit; json?: unknown }][] = [
    ['JSON', () => ({ json: { sku: 'A1', qty: 2, note: 'ünïcode ✓' } })],
    ['text', () => ({ body: 'plain text body ✓' })],
    ['FormData', () => ({ body: form })],
    ['Blob', () => ({ body: new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'application/x-test' }) })],
    ['URLSearchParams', () => ({ body: new URLSearchParams({ a: '1', b: 'two words' }) })],
    ['ArrayBuffer', () => ({ body: new Uint8Array([9, 8, 7, 0, 255]).buffer })],
  ];

  for (const [kind, make] of kinds) {
    it(`re-sends a ${kind} body byte for byte with the fresh token`, async () => {
      const { source, callout } = setup();
      const received: { auth: string | null; type: string | null; bytes: string }[] = [];
      msw.use(
        http.post(`${api}orders`, async ({ request }) => {
          received.push({
            auth: request.headers.get('authorization'),
            type: request.headers.get('content-type'),
            bytes: hex(await request.arrayBuffer()),
          });
          return received.length === 1
            ? new HttpResponse(null, { status: 401 })
            : HttpResponse.json({ id: 1 });
        }),
      );
      await callout.post('callout:Orders/orders', make()).json();
      expect(received).to.have.length(2);
      expect(received[0]?.bytes.length).to.be.greaterThan(0);
      expect(received[1]?.bytes).to.equal(received[0]?.bytes);
      expect(received[1]?.type).to.equal(received[0]?.type);
      expect(received.map((r) => r.auth)).to.deep.equal(['Bearer t1', 'Bearer t2']);
      expect(source.requests).to.have.length(2);
    });
  }

  it('does not retry a ReadableStream body and says why', async () => {
    const { source, callout } = setup();
    let fetches = 0;
    const recordingFetch = async (input: Request | URL | string) => {
      fetches++;
      const request = input as Request;
      await request.arrayBuffer();
      return new Response(null, { status: 401 });
    };
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed'));
        controller.close();
      },
    });
    const error = await expectFailure(
      callout.post('callout:Orders/orders', { body, fetch: recordingFetch }).json(),
    );
    expect(fetches).to.equal(1);
    expect(source.requests).to.have.length(1);
    expect(error.code).to.equal(CalloutErrorCode.bodyNotReplayable);
    expect(error.message).to.contain('ReadableStream');
    expect(error.hint).to.contain('Blob');
  });
});

describe('abort, timeout and network failures', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  it('ends an aborted request with an aborted error and no retry', async () => {
    const { callout } = setup();
    let apiRequests = 0;
    msw.use(
      http.get(`${api}slow`, async () => {
        apiRequests++;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return HttpResponse.json({ late: true });
      }),
    );
    const controller = new AbortController();
    const pending = callout('callout:Orders/slow', { signal: controller.signal }).json();
    setTimeout(() => controller.abort(), 50);
    const error = await expectFailure(pending);
    expect(error.code).to.equal(CalloutErrorCode.aborted);
    expect(apiRequests).to.equal(1);
  });

  it('stops waiting for a token when the caller aborts, without cancelling the shared acquisition', async () => {
    const { source, callout } = ordersClient({ source: createTokenSource({ delayMs: 200 }) });
    msw.use(http.get(`${api}orders`, () => HttpResponse.json({ ok: true })));
    const controller = new AbortController();
    const aborted = callout('callout:Orders/orders', { signal: controller.signal }).json();
    const patient = callout('callout:Orders/orders').json();
    controller.abort();
    expect((await expectFailure(aborted)).code).to.equal(CalloutErrorCode.aborted);
    expect(await patient).to.deep.equal({ ok: true });
    expect(source.requests).to.have.length(1);
  });

  it('ends a slow request with a timeout error naming the request', async () => {
    const { callout } = setup();
    msw.use(
      http.get(`${api}slow`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return HttpResponse.json({ late: true });
      }),
    );
    const error = await expectFailure(callout('callout:Orders/slow', { timeout: 100, retry: 0 }).json());
    expect(error.code).to.equal(CalloutErrorCode.timeout);
    expect(error.message).to.equal(`Callout timed out: GET ${api}slow`);
  });

  it('explains a network failure with CORS and CSP hints', async () => {
    const { callout } = setup();
    msw.use(http.get(`${api}down`, () => HttpResponse.error()));
    const error = await expectFailure(callout('callout:Orders/down', { retry: 0 }).json());
    expect(error.code).to.equal(CalloutErrorCode.networkError);
    expect(error.hint).to.contain('CORS');
    expect(error.hint).to.contain('Trusted URL');
  });

  it('turns a token source failure into a typed error and fires the error event once', async () => {
    const callout = createCallout({
      crossTab: false,
      providers: {
        broken: {
          getToken: async () => {
            throw new Error('IdP is down');
          },
        },
      },
      credentials: { Orders: { url: api, provider: 'broken', scopes: ['Orders.Read'] } },
    });
    let errors = 0;
    callout.events.addEventListener('error', () => errors++);
    const error = await expectFailure(callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.tokenEndpointError);
    expect(error.message).to.contain('IdP is down');
    expect(errors).to.equal(1);
  });

  it('fires interaction-required when the provider needs the user', async () => {
    const { CalloutError } = await import('../../src/index.js');
    const callout = createCallout({
      crossTab: false,
      providers: {
        aad: {
          getToken: async () => {
            throw new CalloutError({ code: CalloutErrorCode.interactionRequired, message: 'Sign in needed' });
          },
        },
      },
      credentials: { Orders: { url: api, provider: 'aad', scopes: ['Orders.Read'] } },
    });
    const seen: string[] = [];
    callout.events.addEventListener('interaction-required', (e) => seen.push(e.detail.provider));
    const error = await expectFailure(callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(seen).to.deep.equal(['aad']);
  });
});
