import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { CalloutErrorCode, createCallout, functionProvider } from '../../src/index.js';
import { gateway } from '../support/docs-snippets/gateway-provider.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';

const msw = useMsw();
const envelopeUrl = 'https://gateway.contoso.com/envelope';
const api = 'https://legacy.contoso.test/api/';

/**
 * A client with docs/providers.md's custom provider, unchanged, as `gateway` over an `aad`
 * provider that counts its acquisitions; the gateway's envelope endpoint and the legacy API
 * answer from MSW and count their requests.
 */
function legacyClient(options: { envelopeStatus?: number } = {}) {
  const counts = { aad: 0, envelopes: 0, requests: 0, rejected: 0 };
  const envelopeAuthorizations: (string | null)[] = [];
  const valid = new Set<string>();
  const aad = functionProvider(async (request) => {
    counts.aad++;
    return {
      accessToken: `entra-${counts.aad}`,
      expiresOn: new Date(Date.now() + 3_600_000),
      scopes: request.scopes,
    };
  });
  msw.use(
    http.post(envelopeUrl, async ({ request }) => {
      counts.envelopes++;
      envelopeAuthorizations.push(request.headers.get('authorization'));
      if (options.envelopeStatus) return new HttpResponse(null, { status: options.envelopeStatus });
      const { token } = (await request.json()) as { token: string };
      const envelope = `envelope-${counts.envelopes}-of-${token}`;
      valid.add(envelope);
      return HttpResponse.json({ envelope, ttl: 3600 });
    }),
    http.get(`${api}*`, ({ request }) => {
      counts.requests++;
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!valid.has(token)) {
        counts.rejected++;
        return new HttpResponse(null, { status: 401 });
      }
      return HttpResponse.json({ ok: true });
    }),
  );
  const callout = createCallout({
    providers: { aad, gateway },
    credentials: { Legacy: { url: api, provider: 'gateway', scopes: ['legacy'] } },
    crossTab: false,
  });
  return { callout, counts, valid, envelopeAuthorizations };
}

describe('the custom provider docs/providers.md shows, used as written', () => {
  it('serves twenty concurrent callers with one Entra token and one envelope', async () => {
    const { callout, counts } = legacyClient();
    await Promise.all(Array.from({ length: 20 }, (_, n) => callout(`callout:Legacy/items/${n}`).json()));
    expect(counts).to.deep.equal({ aad: 1, envelopes: 1, requests: 20, rejected: 0 });
    callout.dispose();
  });

  it('answers an API 401 with one new envelope and one retry, reusing the Entra token the store holds', async () => {
    const { callout, counts, valid } = legacyClient();
    await callout('callout:Legacy/items').json();
    valid.clear();
    await callout('callout:Legacy/items').json();
    expect(counts).to.deep.equal({ aad: 1, envelopes: 2, requests: 3, rejected: 1 });
    callout.dispose();
  });

  it('fails with token_endpoint_error naming the gateway when the envelope endpoint refuses, and calls no API', async () => {
    const { callout, counts } = legacyClient({ envelopeStatus: 500 });
    const error = await expectFailure(callout('callout:Legacy/items').json());
    expect(error.code).to.equal(CalloutErrorCode.tokenEndpointError);
    expect(error.message).to.contain('gateway.contoso.com answered 500');
    expect(error.hint).to.contain('gateway.contoso.com');
    expect(counts.requests).to.equal(0);
    callout.dispose();
  });

  it('attaches no token to a call that a credential routes to the gateway’s own endpoint, because the provider names it', async () => {
    const { callout, counts, envelopeAuthorizations } = legacyClient();
    callout.credentials.define('Gateway', {
      url: 'https://gateway.contoso.com/',
      provider: 'gateway',
      scopes: ['x'],
    });
    await callout('callout:Gateway/envelope', { method: 'post', json: { token: 'typed-by-hand' } }).json();
    expect(envelopeAuthorizations).to.deep.equal([null]);
    expect(counts.aad, 'no token was even acquired').to.equal(0);
    callout.dispose();
  });
});
