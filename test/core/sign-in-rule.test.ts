import { expect } from '@open-wc/testing';
import { CalloutError, CalloutErrorCode, createCallout, needsSignIn } from '../../src/index.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

const signInCodes = [
  CalloutErrorCode.interactionRequired,
  CalloutErrorCode.loginRequired,
  // Blocked third-party cookies or Local Network Access stop the hidden frame, not a sign-in window.
  CalloutErrorCode.thirdPartyCookiesBlocked,
  CalloutErrorCode.localNetworkBlocked,
  CalloutErrorCode.consentRequired,
  CalloutErrorCode.invalidGrant,
];

/** A client whose provider always fails with `code`. */
function failingClient(code: CalloutErrorCode) {
  return createCallout({
    crossTab: false,
    providers: {
      aad: {
        getToken: async () => {
          throw new CalloutError({ code, message: `The provider says ${code}` });
        },
      },
    },
    credentials: {
      Orders: { url: 'https://api.contoso.test/v1/', provider: 'aad', scopes: ['Orders.Read'] },
    },
  });
}

describe('the rule "a sign-in fixes it"', () => {
  failOnUnhandledRejections();

  it('holds for the interaction codes and a rejected refresh token, and for nothing else', () => {
    const fixed = Object.values(CalloutErrorCode).filter((code) =>
      needsSignIn(new CalloutError({ code, message: code })),
    );
    expect(fixed.sort()).to.deep.equal([...signInCodes].sort());
  });

  it('reads errors from another copy of the package, and refuses anything that is not a CalloutError', () => {
    const foreign = Object.assign(new Error('from another copy'), {
      name: 'CalloutError',
      code: CalloutErrorCode.loginRequired,
    });
    expect(needsSignIn(foreign)).to.equal(true);
    expect(needsSignIn({ code: CalloutErrorCode.loginRequired })).to.equal(false);
    expect(needsSignIn(new Error('login_required'))).to.equal(false);
    expect(needsSignIn(undefined)).to.equal(false);
  });

  it('makes the client fire interaction-required once per failed call for each such code, invalid_grant included', async () => {
    const fired: string[] = [];
    for (const code of [...signInCodes, CalloutErrorCode.tokenEndpointError]) {
      const callout = failingClient(code);
      callout.events.addEventListener('interaction-required', (e) => fired.push(e.detail.error.code));
      const error = await expectFailure(callout('callout:Orders/orders').json());
      expect(error.code).to.equal(code);
      callout.dispose();
    }
    expect(fired).to.deep.equal(signInCodes);
  });

  it('does not hold for third_party_cookies_required: under Lightning Web Security no sign-in gets past blocked cookies', async () => {
    const code = CalloutErrorCode.thirdPartyCookiesRequired;
    expect(needsSignIn(new CalloutError({ code, message: code }))).to.equal(false);
    const callout = failingClient(code);
    let fired = 0;
    callout.events.addEventListener('interaction-required', () => fired++);
    const error = await expectFailure(callout('callout:Orders/orders').json());
    expect(error.code).to.equal(code);
    expect(error.hint).to.contain("org's Lightning domain");
    expect(fired).to.equal(0);
    callout.dispose();
  });
});
