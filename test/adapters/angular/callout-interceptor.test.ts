// Angular's packages ship partially compiled: their classes are linked at runtime by the JIT
// compiler, which must load first (an Angular CLI build links them ahead of time instead).
import '@angular/compiler';
import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import type { ApplicationRef } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { firstValueFrom } from 'rxjs';
import { CALLOUT, calloutInterceptor } from '../../../adapters/angular/index.js';
import { type Callout, CalloutError, CalloutErrorCode, setDefaultCallout } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient } from '../../support/test-client.js';
import { waitUntil } from '../../support/wait-until.js';
import { countEvents, heldEndpoint } from '../support.js';

const api = useMsw();
const applications: ApplicationRef[] = [];
afterEach(() => {
  for (const application of applications.splice(0)) application.destroy();
});

/**
 * Angular's real `HttpClient` with the interceptor, from a standalone application
 * (`createApplication`: what `bootstrapApplication` builds, minus a root component), configured
 * as an app would: `provideHttpClient(withInterceptors([calloutInterceptor]))`.
 */
async function httpClient(callout?: Callout): Promise<HttpClient> {
  const application = await createApplication({
    providers: [
      provideHttpClient(withInterceptors([calloutInterceptor])),
      ...(callout ? [{ provide: CALLOUT, useValue: callout }] : []),
    ],
  });
  applications.push(application);
  return application.injector.get(HttpClient);
}

/** Records every request MSW sees on the API host: path and Authorization header. */
function recordApi() {
  const seen: { path: string; authorization: string | null; body?: string; type?: string | null }[] = [];
  api.use(
    http.all('https://api.contoso.test/*', async ({ request }) => {
      const url = new URL(request.url);
      seen.push({
        path: `${url.pathname}${url.search}`,
        authorization: request.headers.get('authorization'),
        ...(request.method === 'POST'
          ? { body: await request.text(), type: request.headers.get('content-type') }
          : {}),
      });
      if (url.pathname.endsWith('/forbidden')) return HttpResponse.json({ reason: 'no' }, { status: 403 });
      if (url.pathname.endsWith('/page')) return HttpResponse.text('<html>not json</html>');
      return HttpResponse.json({ ok: true, path: url.pathname }, { headers: { 'x-request-id': 'r-1' } });
    }),
  );
  return seen;
}

describe('calloutInterceptor (Angular HttpClient)', () => {
  it('sends a callout: URL through the client: the token is attached and the JSON body returned.', async () => {
    const { callout } = createTestClient();
    const seen = recordApi();
    const body = await firstValueFrom((await httpClient(callout)).get('callout:Orders/orders?status=open'));
    expect(body).to.deep.equal({ ok: true, path: '/v1/orders' });
    expect(seen).to.deep.equal([{ path: '/v1/orders?status=open', authorization: 'Bearer token-1' }]);
  });

  it("sends an absolute URL inside a credential's base through the client, and every other URL untouched, with no token.", async () => {
    const { callout } = createTestClient();
    const counts = countEvents(callout);
    const seen = recordApi();
    const client = await httpClient(callout);
    await firstValueFrom(client.get(`${apiBase}orders`, { params: { page: 2 } }));
    await firstValueFrom(client.get('https://api.contoso.test/other'));
    await firstValueFrom(client.get('https://api.contoso.test/v1%2f..%2fadmin'));
    expect(seen).to.deep.equal([
      { path: '/v1/orders?page=2', authorization: 'Bearer token-1' },
      { path: '/other', authorization: null },
      { path: '/v1%2f..%2fadmin', authorization: null },
    ]);
    expect(counts.requests).to.equal(1);
  });

  it("uses the page's default client when no CALLOUT is provided.", async () => {
    const { callout } = createTestClient();
    const previous = setDefaultCallout(callout);
    try {
      const seen = recordApi();
      await firstValueFrom((await httpClient()).get('callout:Orders/orders'));
      expect(seen.map((request) => request.authorization)).to.deep.equal(['Bearer token-1']);
    } finally {
      if (previous) setDefaultCallout(previous);
    }
  });

  it('sends a POST with its JSON body, content type and params, and reads a text response as text.', async () => {
    const { callout } = createTestClient();
    const seen = recordApi();
    const text = await firstValueFrom(
      (await httpClient(callout)).post(
        'callout:Orders/orders',
        { sku: 'A1' },
        { params: { dry: 'yes' }, responseType: 'text' },
      ),
    );
    expect(JSON.parse(text)).to.deep.equal({ ok: true, path: '/v1/orders' });
    expect(seen).to.deep.equal([
      {
        path: '/v1/orders?dry=yes',
        authorization: 'Bearer token-1',
        body: '{"sku":"A1"}',
        type: 'application/json',
      },
    ]);
  });

  it('fails as an HttpErrorResponse carrying the CalloutError: an HTTP status, status 0 for an unknown credential, 200 for a body that is not JSON.', async () => {
    const { callout } = createTestClient();
    recordApi();
    const client = await httpClient(callout);
    const forbidden = await firstValueFrom(client.get('callout:Orders/forbidden')).catch((e: unknown) => e);
    expect(forbidden).to.be.instanceOf(HttpErrorResponse);
    const response = forbidden as HttpErrorResponse;
    expect(response.status).to.equal(403);
    expect(response.error).to.be.instanceOf(CalloutError);
    expect((response.error as CalloutError).code).to.equal(CalloutErrorCode.forbidden);
    expect((response.error as CalloutError).data).to.deep.equal({ reason: 'no' });
    const unknown = (await firstValueFrom(client.get('callout:Nope/x')).catch(
      (e: unknown) => e,
    )) as HttpErrorResponse;
    expect([unknown.status, (unknown.error as CalloutError).code]).to.deep.equal([0, 'unknown_credential']);
  });

  it('aborts the request when the subscriber unsubscribes, with no error event.', async () => {
    const { callout } = createTestClient();
    const counts = countEvents(callout);
    const slow = heldEndpoint(api, 'slow');
    const subscription = (await httpClient(callout)).get('callout:Orders/slow').subscribe();
    await waitUntil(() => slow.seen.requests === 1);
    subscription.unsubscribe();
    await waitUntil(() => counts.aborts === 1, 'the request was not aborted');
    slow.open();
    expect(counts).to.deep.equal({ requests: 1, errors: 0, aborts: 1 });
  });
});
