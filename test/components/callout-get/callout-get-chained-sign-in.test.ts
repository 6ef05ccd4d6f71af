import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import '../../../components/callout-get/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { exchangeProvider } from '../../../src/exchange.js';
import { createCallout, isCalloutError } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { interactiveProvider } from '../../support/test-client.js';
import { part, textOf, untilState } from '../support/wait.js';

const msw = useMsw();
const tokenEndpoint = 'https://auth.shipping.test/session';
const shippingApi = 'https://shipping.contoso.test/v1/';

/**
 * A client whose `Shipments` credential is served by `shipping`, an exchange of the token of
 * `aad`, a provider that needs a sign-in first; with counters of exchanges and API requests.
 */
function chainedClient() {
  const aad = interactiveProvider();
  const shipping = exchangeProvider({
    tokenEndpoint,
    subject: { provider: 'aad', scopes: ['api://shipping-auth/.default'] },
    grant: {
      request: { subjectToken: 'entraToken' },
      response: { accessToken: 'jwt', expiresIn: 'validitySeconds' },
    },
  });
  const callout = createCallout({
    providers: { aad, shipping },
    credentials: { Shipments: { url: shippingApi, provider: 'shipping', scopes: ['shipments'] } },
    crossTab: false,
  });
  const counts = { exchanges: 0, requests: 0 };
  msw.use(
    http.post(tokenEndpoint, () => {
      counts.exchanges++;
      return HttpResponse.json({ jwt: `shipping-${counts.exchanges}`, validitySeconds: 3600 });
    }),
    http.get(`${shippingApi}shipments`, () => {
      counts.requests++;
      return HttpResponse.json([{ id: 'SH-1', status: 'in transit' }]);
    }),
  );
  return { aad, callout, counts };
}

describe('<callout-get> over a provider built on another one', () => {
  it('names the provider to sign in with on the error when the subject provider needs the user', async () => {
    const { callout } = chainedClient();
    const error = await callout('callout:Shipments/shipments').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCalloutError(error) && error.signInProvider).to.equal('aad');
    callout.dispose();
  });

  it('offers "Sign in to continue" for the subject provider, and the click signs in with it and loads', async () => {
    const { aad, callout, counts } = chainedClient();
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Shipments" path="shipments"></callout-get>`,
    );
    await untilState(el, 'error');
    expect(counts).to.deep.equal({ exchanges: 0, requests: 0 });
    const button = part<HTMLButtonElement>(el, '[part~="sign-in-button"]');
    expect(button, 'the sign-in button').to.exist;
    expect(textOf(button!)).to.equal('Sign in to continue');
    button!.click();
    await untilState(el, 'data');
    expect(aad.signIns).to.equal(1);
    expect(counts).to.deep.equal({ exchanges: 1, requests: 1 });
    callout.dispose();
  });

  it('loads by itself when the user signs in with the subject provider elsewhere on the page', async () => {
    const { aad, callout, counts } = chainedClient();
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Shipments" path="shipments"></callout-get>`,
    );
    await untilState(el, 'error');
    await callout.signIn('aad');
    await untilState(el, 'data');
    expect(aad.signIns).to.equal(1);
    expect(counts).to.deep.equal({ exchanges: 1, requests: 1 });
    callout.dispose();
  });
});
