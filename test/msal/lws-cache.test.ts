import { BrowserCacheLocation, PublicClientApplication } from '@azure/msal-browser';
import { expect } from '@open-wc/testing';
import { isCalloutError } from '../../src/diagnostics/callout-error.js';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { msalProvider } from '../../src/msal.js';

const clientId = '11111111-2222-3333-4444-555555555555';
const authority = 'https://login.microsoftonline.com/contoso.onmicrosoft.com';

/** The error `create` throws, or a failure when it throws nothing. */
function thrownBy(create: () => unknown): unknown {
  try {
    create();
  } catch (error) {
    return error;
  }
  throw new Error('expected a configuration error, but the provider was created');
}

// MSAL's localStorage cache posts every write, tokens included, on the BroadcastChannel
// `msal.broadcast.cache`; in an org without LWS's channel-name gate any namespace can listen
// there, so under LWS that cache is refused where it is chosen.
describe('the MSAL provider under Lightning Web Security', () => {
  it("refuses cache 'local', whose tab-to-tab broadcasts carry tokens, with a configuration error naming the fix", () => {
    const error = thrownBy(() => msalProvider({ clientId, authority, cache: 'local', lws: true }));
    expect(isCalloutError(error) && error.code).to.equal(CalloutErrorCode.configurationError);
    expect(isCalloutError(error) && error.hint).to.contain("cache: 'session'");
    expect(isCalloutError(error) && error.option).to.equal('cache');
  });

  it('refuses an existing MSAL instance configured with localStorage too', () => {
    const instance = new PublicClientApplication({
      auth: { clientId, authority },
      cache: { cacheLocation: BrowserCacheLocation.LocalStorage },
    });
    const error = thrownBy(() => msalProvider({ instance, lws: true }));
    expect(isCalloutError(error) && error.code).to.equal(CalloutErrorCode.configurationError);
    expect(isCalloutError(error) && error.option).to.equal('instance');
  });

  it("accepts 'session' and 'memory' under LWS, and 'local' outside it", () => {
    expect(() => msalProvider({ clientId, authority, cache: 'session', lws: true })).not.to.throw();
    expect(() => msalProvider({ clientId, authority, cache: 'memory', lws: true })).not.to.throw();
    expect(() => msalProvider({ clientId, authority, cache: 'local', lws: false })).not.to.throw();
  });
});
