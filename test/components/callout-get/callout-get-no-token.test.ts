import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import '../../../components/callout-get/define.js';
import type { CalloutErrorDetail, CalloutGet } from '../../../components/callout-get/callout-get.js';
import { CalloutErrorCode, functionProvider, isCalloutError } from '../../../src/index.js';
import { findSecret } from '../../support/find-secret.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient } from '../../support/test-client.js';
import { untilState } from '../support/wait.js';

const api = useMsw();
/** Every token of this file starts with this, so a copy of any of them is found. */
const secret = 'SECRET-ELEMENT-TOKEN-';

/** A client whose tokens are `SECRET-ELEMENT-TOKEN-1`, `-2`, … */
function secretClient() {
  let issued = 0;
  return createTestClient({
    provider: functionProvider(async () => ({
      accessToken: `${secret}${++issued}`,
      expiresOn: Date.now() + 3_600_000,
    })),
  });
}

const failures: [string, CalloutErrorCode, () => Response][] = [
  [
    'a 401 after the auth retry',
    CalloutErrorCode.unauthorized,
    () => new HttpResponse('no', { status: 401 }),
  ],
  ['a 500', CalloutErrorCode.httpError, () => HttpResponse.json({ error: 'boom' }, { status: 500 })],
  ['a network error', CalloutErrorCode.networkError, () => HttpResponse.error()],
];

describe('<callout-get> hands out no token', () => {
  for (const [kind, code, answer] of failures) {
    it(`hides the token from callout-error caught on document and from the element after ${kind}`, async () => {
      const { callout } = secretClient();
      api.use(http.get(`${apiBase}orders`, answer));
      const caught: CalloutErrorDetail[] = [];
      // What a component of another namespace on the same page does.
      const listener = (event: Event) => caught.push((event as CustomEvent<CalloutErrorDetail>).detail);
      document.addEventListener('callout-error', listener);
      try {
        const el = await fixture<CalloutGet>(
          html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
        );
        await untilState(el, 'error');
        expect(caught).to.have.length(1);
        const reachable = {
          detail: caught[0],
          error: el.error,
          data: el.data,
          state: el.state,
          loading: el.loading,
        };
        expect(findSecret(reachable, secret, 'reachable')).to.deep.equal([]);
        expect(isCalloutError(el.error) && el.error.code).to.equal(code);
      } finally {
        document.removeEventListener('callout-error', listener);
      }
    });
  }
});
