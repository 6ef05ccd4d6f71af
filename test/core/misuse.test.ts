import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { CalloutErrorCode, type CalloutRequestOptions } from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { ordersApi as api, ordersClient } from '../support/token-source.js';

function setup() {
  const { source, callout } = ordersClient();
  const errors: string[] = [];
  callout.events.addEventListener('error', (e) => errors.push(e.detail.error.code));
  return { source, callout, errors };
}

describe('misuse of the client', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  for (const option of ['prefixUrl', 'prefix', 'baseUrl']) {
    it(`rejects ${option} with a configuration error and an error event, never a synchronous throw`, async () => {
      const { source, callout, errors } = setup();
      let apiRequests = 0;
      msw.use(
        http.get(`${api}orders`, () => {
          apiRequests++;
          return HttpResponse.json({ ok: true });
        }),
      );
      const options = { [option]: 'https://evil.example.test/' } as unknown as CalloutRequestOptions;
      let promise: Promise<unknown> | undefined;
      expect(() => {
        promise = callout('callout:Orders/orders', options).json();
      }).not.to.throw();
      const error = await expectFailure(promise!);
      expect(error.code).to.equal(CalloutErrorCode.configurationError);
      expect(error.message).to.contain(option);
      expect(error.hint).to.contain('callout:Name/path');
      expect(errors).to.deep.equal([CalloutErrorCode.configurationError]);
      expect(apiRequests).to.equal(0);
      expect(source.requests).to.have.length(0);
    });
  }

  it('turns a request fetch cannot build (a body on GET) into a configuration error with an error event', async () => {
    const { callout, errors } = setup();
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = callout('callout:Orders/orders', { body: 'x' }).json();
    }).not.to.throw();
    const error = await expectFailure(promise!);
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(errors).to.deep.equal([CalloutErrorCode.configurationError]);
  });

  it('turns invalid headers into a configuration error with an error event', async () => {
    const { callout, errors } = setup();
    const error = await expectFailure(
      callout('callout:Orders/orders', { headers: { 'bad header': 'x' } }).json(),
    );
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(errors).to.deep.equal([CalloutErrorCode.configurationError]);
  });
});
