import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import {
  type AccessToken,
  type AuthProvider,
  type Callout,
  CalloutError,
  CalloutErrorCode,
  type CalloutEventName,
  createCallout,
  functionProvider,
} from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { findSecret } from '../support/find-secret.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { createTokenSource } from '../support/token-source.js';

const api = 'https://api.contoso.test/v1/';
/** Every token this file issues starts with this, so any copy of any of them is found. */
const secret = 'SECRET-C1-TOKEN-';
const eventNames: CalloutEventName[] = [
  'token',
  'request',
  'response',
  'retry',
  'error',
  'abort',
  'interaction-required',
  'account',
];

/** A client whose `Orders` credential gets tokens `SECRET-C1-TOKEN-1`, `-2`, … and records every event. */
function recordingClient(provider = createTokenSource({ prefix: secret }).provider) {
  const callout = createCallout({
    crossTab: false,
    providers: { test: provider },
    credentials: { Orders: { url: api, provider: 'test', scopes: ['api://orders/Orders.Read'] } },
  });
  const details: [string, unknown][] = [];
  for (const name of eventNames) {
    callout.events.addEventListener(name, (event) => details.push([name, event.detail]));
  }
  return { callout, details };
}

/** Walks the thrown error and every event detail as an attacker would; returns where the token was. */
function leaks(error: unknown, details: [string, unknown][]): string[] {
  return [
    ...findSecret(error, secret, 'error'),
    ...details.flatMap(([name, detail], i) => findSecret(detail, secret, `events[${i}](${name}).detail`)),
  ];
}

const slow = (path: string) =>
  http.get(`${api}${path}`, async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return HttpResponse.json({ late: true });
  });

/** A provider whose refresh fails with an error that keeps the last token it issued. */
function providerFailingWithItsToken(): AuthProvider {
  let last: AccessToken | undefined;
  return {
    async getToken(request) {
      if (last) {
        throw Object.assign(new Error('the refresh token was rejected'), {
          lastResult: last,
          cause: { response: { access_token: last.accessToken } },
        });
      }
      last = {
        accessToken: `${secret}1`,
        expiresOn: new Date(Date.now() + 3_600_000),
        scopes: request.scopes,
        source: 'provider',
      };
      return last;
    },
  };
}

/** A provider that needs interaction on the refresh, with the token it had in the error's cause. */
function providerNeedingInteraction() {
  let issued = 0;
  return functionProvider(async () => {
    if (issued++ > 0) {
      throw new CalloutError({
        code: CalloutErrorCode.interactionRequired,
        message: 'MFA is required',
        cause: { previous: { accessToken: `${secret}1` } },
      });
    }
    return { accessToken: `${secret}1`, expiresOn: Date.now() + 3_600_000 };
  });
}

interface FailureKind {
  kind: string;
  code: CalloutErrorCode;
  /** The event the failure fires: `error`, or `abort` for the caller's own abort. */
  event?: 'error' | 'abort';
  provider?: () => AuthProvider;
  handlers: () => Parameters<ReturnType<typeof useMsw>['use']>;
  call: (callout: Callout) => Promise<unknown>;
}

const rejected401 = () => [http.get(`${api}orders`, () => new HttpResponse('nope', { status: 401 }))];

const kinds: FailureKind[] = [
  {
    kind: 'a 401 after the auth retry',
    code: CalloutErrorCode.unauthorized,
    handlers: rejected401,
    call: (c) => c('callout:Orders/orders').json(),
  },
  {
    kind: 'a 403',
    code: CalloutErrorCode.forbidden,
    handlers: () => [http.get(`${api}orders`, () => HttpResponse.json({ error: 'no' }, { status: 403 }))],
    call: (c) => c('callout:Orders/orders').json(),
  },
  {
    kind: 'a 500',
    code: CalloutErrorCode.httpError,
    handlers: () => [http.get(`${api}orders`, () => new HttpResponse('boom', { status: 500 }))],
    call: (c) => c('callout:Orders/orders', { retry: 0 }).json(),
  },
  {
    kind: 'a timeout',
    code: CalloutErrorCode.timeout,
    handlers: () => [slow('slow')],
    call: (c) => c('callout:Orders/slow', { timeout: 100, retry: 0 }).json(),
  },
  {
    kind: 'a network error',
    code: CalloutErrorCode.networkError,
    handlers: () => [http.get(`${api}down`, () => HttpResponse.error())],
    call: (c) => c('callout:Orders/down', { retry: 0 }).json(),
  },
  {
    kind: 'an abort',
    code: CalloutErrorCode.aborted,
    event: 'abort',
    handlers: () => [slow('slow')],
    call: (c) => c('callout:Orders/slow', { signal: AbortSignal.timeout(50) }).json(),
  },
  {
    kind: 'a parse error',
    code: CalloutErrorCode.parseError,
    handlers: () => [http.get(`${api}orders`, () => HttpResponse.text('<html>not json</html>'))],
    call: (c) => c('callout:Orders/orders').json(),
  },
  {
    kind: 'an API that echoes the token in its error body and challenge',
    code: CalloutErrorCode.unauthorized,
    handlers: () => [
      http.get(`${api}orders`, ({ request }) => {
        const echo = request.headers.get('authorization') ?? '';
        return HttpResponse.json(
          { echo, nested: [{ echo }] },
          {
            status: 401,
            headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${echo}"` },
          },
        );
      }),
    ],
    call: (c) => c('callout:Orders/orders').json(),
  },
  {
    kind: 'a body that cannot be replayed',
    code: CalloutErrorCode.bodyNotReplayable,
    handlers: () => [],
    call: (c) =>
      c
        .post('callout:Orders/orders', {
          body: new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('streamed'));
              controller.close();
            },
          }),
          fetch: async (input) => {
            await (input as Request).arrayBuffer();
            return new Response(null, { status: 401 });
          },
        })
        .json(),
  },
  {
    kind: 'a provider failure whose error keeps the token',
    code: CalloutErrorCode.tokenEndpointError,
    provider: providerFailingWithItsToken,
    handlers: rejected401,
    call: (c) => c('callout:Orders/orders').json(),
  },
  {
    kind: 'an interaction-required failure whose cause keeps the token',
    code: CalloutErrorCode.interactionRequired,
    provider: providerNeedingInteraction,
    handlers: rejected401,
    call: (c) => c('callout:Orders/orders').json(),
  },
];

describe('no token is reachable from a failed callout', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  for (const { kind, code, event = 'error', provider, handlers, call } of kinds) {
    it(`hides the token from the error and every event detail after ${kind}`, async () => {
      msw.use(...handlers());
      const { callout, details } = recordingClient(provider?.());
      const error = await expectFailure(call(callout));
      expect(leaks(error, details)).to.deep.equal([]);
      expect(error.code).to.equal(code);
      expect(
        details.filter(([name]) => name === 'error' || name === 'abort').map(([name]) => name),
      ).to.deep.equal([event]);
    });
  }

  it('keeps what a reader needs on the error, as plain values: status, method, URL, request id and body', async () => {
    msw.use(
      http.get(`${api}orders`, () =>
        HttpResponse.json({ error: 'boom' }, { status: 500, headers: { 'x-ms-request-id': 'req-7' } }),
      ),
    );
    const { callout } = recordingClient();
    const error = await expectFailure(callout('callout:Orders/orders', { retry: 0 }).json());
    expect(error).to.include({ status: 500, method: 'GET', url: `${api}orders`, requestId: 'req-7' });
    expect(error.data).to.deep.equal({ error: 'boom' });
    expect(error.cause).to.be.instanceOf(Error);
    expect((error.cause as Error).name).to.equal('HTTPError');
    expect(Object.isFrozen(error.cause)).to.equal(true);
  });
});
