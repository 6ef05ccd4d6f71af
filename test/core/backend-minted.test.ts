import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { CalloutErrorCode, createCallout } from '../../src/index.js';
import { createSigningKey, signToken } from '../support/aad-tokens.js';
import { createApiEmulator } from '../support/api-emulator.js';
import { backend } from '../support/docs-snippets/backend-provider.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';

/**
 * The backend-minted recipe of docs/providers.md, its provider imported from the file the docs
 * are checked against: the host's own server mints the token (client credentials behind a Named
 * Credential, say: the browser never holds a secret) and a `functionProvider` fetches it; the
 * credential refreshes on 401 and 403.
 */
describe('backend-minted tokens: functionProvider over the host backend, refreshOn [401, 403]', () => {
  const msw = useMsw();
  const backendUrl = `${location.origin}/api/callout-token`;

  /** The host backend (one token endpoint on the page's origin) and the API that trusts it. */
  async function start() {
    const key = await createSigningKey();
    const issuer = { issuer: 'https://backend.contoso.test', jwks: async () => key.jwks };
    const api = createApiEmulator({ issuer });
    const asked: { forceRefresh: boolean }[] = [];
    const tokenBackend = http.post(backendUrl, async ({ request }) => {
      asked.push((await request.json()) as { forceRefresh: boolean });
      const claims = {
        iss: issuer.issuer,
        aud: 'api://orders',
        scp: 'Orders.Read',
        preferred_username: 'svc-crm',
      };
      return HttpResponse.json({ access_token: await signToken(key, claims, 3600), expires_in: 3600 });
    });
    msw.use(tokenBackend, ...api.handlers);
    const callout = createCallout({
      crossTab: false,
      providers: { backend },
      credentials: {
        Orders: {
          url: 'https://api.contoso.test/v1/',
          provider: 'backend',
          scopes: ['api://orders/.default'],
          refreshOn: [401, 403],
        },
      },
    });
    return { api, asked, callout };
  }

  it('asks the backend once for 10 concurrent callouts', async () => {
    const { api, asked, callout } = await start();
    await Promise.all(Array.from({ length: 10 }, () => callout('callout:Orders/orders').json()));
    expect(asked).to.have.length(1);
    expect(api.counters.authorized).to.equal(10);
    callout.dispose();
  });

  it('answers a 403 with one forced refresh from the backend and one retry', async () => {
    const { api, asked, callout } = await start();
    await callout('callout:Orders/orders').json();
    api.resetCounters();
    api.faults.status = 403;
    api.faults.times = 1;
    const body = await callout('callout:Orders/orders').json<{ user: string }>();
    expect(body.user).to.equal('svc-crm');
    expect(asked.map((a) => a.forceRefresh)).to.deep.equal([false, true]);
    expect(api.counters).to.include({ requests: 2, faulted: 1, authorized: 1 });
    callout.dispose();
  });

  it('sends no token to the backend when its endpoint is given as a path, as the docs write it, inside a credential on this origin', async () => {
    const seen: (string | null)[] = [];
    msw.use(
      http.post(backendUrl, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json({ access_token: 'minted', expires_in: 3600 });
      }),
    );
    const callout = createCallout({
      crossTab: false,
      providers: { backend },
      credentials: {
        Host: { url: `${location.origin}/api/`, provider: 'backend', scopes: ['api://host/.default'] },
      },
    });
    await callout.post('callout:Host/callout-token').json();
    // The callout alone, without a token: a request to the token endpoint does not even ask for one.
    expect(seen).to.deep.equal([null]);
    callout.dispose();
  });

  it('ends in forbidden after the one retry when the API keeps answering 403', async () => {
    const { api, asked, callout } = await start();
    api.faults.status = 403;
    const error = await expectFailure(callout('callout:Orders/orders').json());
    expect(error.code).to.equal(CalloutErrorCode.forbidden);
    expect(asked).to.have.length(2);
    expect(api.counters.requests).to.equal(2);
    callout.dispose();
  });
});
