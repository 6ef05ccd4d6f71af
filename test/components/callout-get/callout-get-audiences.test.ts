import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import '../../../components/callout-get/define.js';
import '../../../components/callout-log/define.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import type { CalloutLog } from '../../../components/callout-log/callout-log.js';
import { userMessages } from '../../../components/shared/user-messages.js';
import { defaultHints } from '../../../src/diagnostics/hints.js';
import { CalloutError, CalloutErrorCode, createCallout } from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient } from '../../support/test-client.js';
import { part, textOf, untilState } from '../support/wait.js';

const api = useMsw();

describe('<callout-get> error panel: the end user and the developer', () => {
  it('tells the user "Your session has ended" with "Sign in to continue", and keeps the code and hint for the developer one click away.', async () => {
    const hint = 'Call callout.signIn() from a click to sign in again.';
    const callout = createCallout({
      crossTab: false,
      providers: {
        aad: {
          async getToken() {
            throw new CalloutError({ code: CalloutErrorCode.loginRequired, message: 'No session', hint });
          },
          async signIn() {
            return { id: 'u1', username: 'jane@contoso.test' };
          },
        },
      },
      credentials: { Orders: { url: apiBase, provider: 'aad', scopes: ['api://orders/Orders.Read'] } },
    });
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'error');
    expect(textOf(part(el, '[part~="error-message"]')!)).to.equal(
      'Your session has ended. Please sign in again.',
    );
    expect(textOf(part(el, '[part~="sign-in-button"]')!)).to.equal('Sign in to continue');
    const hintElement = part(el, '[part~="error-hint"]')!;
    expect(hintElement.checkVisibility()).to.equal(false);
    const details = part<HTMLDetailsElement>(el, 'details[part~="error-details"]')!;
    details.querySelector('summary')!.click();
    expect(hintElement.checkVisibility()).to.equal(true);
    expect(textOf(hintElement)).to.equal(hint);
    expect(textOf(details)).to.contain('login_required').and.contain('No session');
    callout.dispose();
  });

  it("shows the user a plain sentence for a refused call, and the developer's request id in the details, the log and its report.", async () => {
    const { callout } = createTestClient();
    api.use(
      http.get(`${apiBase}orders`, () =>
        HttpResponse.json({}, { status: 401, headers: { 'x-ms-request-id': 'req-4711' } }),
      ),
    );
    const log = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    const el = await fixture<CalloutGet>(
      html`<callout-get .callout=${callout} credential="Orders" path="orders"></callout-get>`,
    );
    await untilState(el, 'error');
    expect(textOf(part(el, '[part~="error-message"]')!)).to.equal(
      "The service didn't accept your sign-in. Please tell your administrator.",
    );
    expect(textOf(part(el, 'details[part~="error-details"]')!))
      .to.contain('unauthorized')
      .and.contain('req-4711');
    const entry = log.log.find((e) => e.kind === 'error');
    expect(entry?.summary).to.match(/^unauthorized: .+ \(request id req-4711\)$/);
    expect(entry?.hint).to.contain(defaultHints.unauthorized);
    expect(log.report()).to.contain('(request id req-4711)').and.contain(`hint: ${entry?.hint}`);
    callout.dispose();
  });

  it('tells the user plainly to sign in again for every code an ended sign-in ends in (the refresh token ran out, silent sign-in could not renew it).', () => {
    const ended = [
      CalloutErrorCode.loginRequired,
      CalloutErrorCode.thirdPartyCookiesBlocked,
      CalloutErrorCode.invalidGrant,
      CalloutErrorCode.interactionRequired,
    ];
    for (const code of ended) expect(userMessages[code], code).to.match(/Please sign in again\b/);
  });

  it('does not ask the user to sign in again where no sign-in can help (third-party cookies required under Lightning), but to allow them.', () => {
    const sentence = userMessages[CalloutErrorCode.thirdPartyCookiesRequired];
    expect(sentence).to.not.match(/sign in again/i);
    expect(sentence).to.contain('Allow third-party cookies for this site').and.contain('administrator');
  });

  it('has a plain sentence for every code, none of them a developer hint.', () => {
    for (const code of Object.values(CalloutErrorCode)) {
      const sentence = userMessages[code];
      expect(sentence, code).to.be.a('string').and.not.equal(defaultHints[code]);
      expect(sentence, code).to.not.match(/callout\.|<|`|CORS|token|MSAL/);
    }
  });
});
