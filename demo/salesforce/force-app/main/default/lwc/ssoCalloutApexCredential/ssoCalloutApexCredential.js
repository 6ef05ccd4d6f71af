import getToken from '@salesforce/apex/SsoCalloutTokenController.getToken';
import SSO_CALLOUT from '@salesforce/resourceUrl/ssoCallout';
import { loadScript } from 'lightning/platformResourceLoader';
import { api, LightningElement } from 'lwc';

/** The provider's name on the shared client. */
const PROVIDER = 'salesforceApex';
/** The Apex method that returns the token, as errors name it. */
const APEX_METHOD = 'SsoCalloutTokenController.getToken';
/**
 * Who declares the provider: one owner for every instance of this component, so a second
 * instance defines the same provider object again (which changes nothing) instead of meeting a
 * `provider_conflict`, while markup elsewhere on the page cannot re-point the name.
 */
const OWNER = Object.freeze({ declaredBy: 'c-sso-callout-apex-credential' });
/** The mounted instances per client: the last one to leave removes the provider and its token. */
const holders = new Map();
/** The one provider of this component, created once the static resource has run. */
let provider;

/**
 * The failure of the Apex call as a `CalloutError` (`token_endpoint_error`) whose hint names what
 * an admin checks. Lightning rejects a failed Apex call with `{ body: { message } }`, not an
 * `Error`; the message is the Apex class's own (it never holds the token or the secret).
 */
function apexFailure(lib, error) {
  const reason = error?.body?.message ?? error?.message ?? 'no message';
  return new lib.CalloutError({
    code: lib.CalloutErrorCode.tokenEndpointError,
    message: `Apex ${APEX_METHOD} failed: ${reason}`,
    hint: 'In Setup, check the Named Credential OrdersApiToken (its URL is the token endpoint), the client id and secret on the principal of the External Credential OrdersApiClient, and that the user has the permission set granting that principal and the Apex class.',
  });
}

/**
 * The provider that asks Apex for the token: a `functionProvider`, so the client's store calls it
 * once for every waiting caller, renews before expiry and calls it again (with `forceRefresh`)
 * after the API refused the token; Apex mints a new token on every call. The lifetime is taken
 * relative to this browser's clock (`expiresIn`), so a skewed clock cannot keep a dead token.
 */
function apexTokenProvider(lib) {
  provider ??= lib.functionProvider(async ({ scopes }) => {
    let answer;
    try {
      answer = await getToken({ scope: scopes.join(' ') });
    } catch (error) {
      throw apexFailure(lib, error);
    }
    return { accessToken: answer?.accessToken, expiresOn: Date.now() + Number(answer?.expiresIn) * 1000 };
  });
  return provider;
}

/**
 * Calls an API with a **service** token that Apex obtains through a Named Credential (OAuth 2.0
 * client credentials: the client secret stays in the org's External Credential) and hands to
 * sso-callout. Registers, on the namespace's shared client (`getDefaultCallout()`), the provider
 * `salesforceApex` and the credential `credentialName` with `refreshOn: [401, 403]`, then renders
 * `<callout-get>` (and optionally `<callout-log>`), whose results leave as `callout-response` /
 * `callout-error` events. Every instance on the page shares the provider and the token: twenty
 * components cost one Apex call. The token identifies the integration, not the user.
 */
export default class SsoCalloutApexCredential extends LightningElement {
  /** The credential's name; components calling the same API with the same scope share it. */
  @api credentialName = 'OrdersService';
  /** The API's base URL (a Trusted URL with connect-src; CORS must allow the Lightning origin). */
  @api apiUrl = 'https://api.contoso.com/v1/';
  /** The scope Apex mints the token for: one the Apex class allows. */
  @api scope = 'api://orders/.default';
  /** The path `<callout-get>` fetches under `apiUrl`. */
  @api path = 'orders?status=open';
  /** Also render `<callout-log>` (the timeline of requests, tokens and retries, without tokens). */
  @api showLog = false;

  /** The shared client this instance registered on; `undefined` until then. */
  callout;
  errorText;
  ready = false;

  connectedCallback() {
    loadScript(this, `${SSO_CALLOUT}/sso-callout.js`).then(
      () => this.register(),
      () => {
        this.errorText = 'Could not load the sso-callout static resource.';
      },
    );
  }

  disconnectedCallback() {
    const callout = this.callout;
    this.callout = undefined;
    this.ready = false;
    if (!callout) return;
    callout.credentials.release(this.credentialName, this);
    const instances = holders.get(callout);
    instances?.delete(this);
    if (!instances?.size) {
      holders.delete(callout);
      callout.providers.delete(PROVIDER);
    }
  }

  /** Registers the provider and the credential on the shared client, then renders the elements. */
  register() {
    if (!this.isConnected || this.callout) return;
    const lib = globalThis.ssoCallout;
    const callout = lib.getDefaultCallout();
    try {
      callout.providers.define(PROVIDER, apexTokenProvider(lib), { owner: OWNER });
      callout.credentials.define(
        this.credentialName,
        { url: this.apiUrl, provider: PROVIDER, scopes: [this.scope], refreshOn: [401, 403] },
        { owner: this },
      );
    } catch (error) {
      if (!holders.get(callout)?.size) callout.providers.delete(PROVIDER);
      this.errorText = error.message;
      return;
    }
    if (!holders.has(callout)) holders.set(callout, new Set());
    holders.get(callout).add(this);
    this.callout = callout;
    this.ready = true;
  }
}
