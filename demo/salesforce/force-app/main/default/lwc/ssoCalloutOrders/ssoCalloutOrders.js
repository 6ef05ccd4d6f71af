import SSO_CALLOUT from '@salesforce/resourceUrl/ssoCallout';
import EMAIL from '@salesforce/schema/User.Email';
import FEDERATION_ID from '@salesforce/schema/User.FederationIdentifier';
import USER_ID from '@salesforce/user/Id';
import { loadScript } from 'lightning/platformResourceLoader';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import { api, LightningElement, wire } from 'lwc';

/**
 * Calls the Orders API as the signed-in Entra ID user, inside Lightning Web Security, by
 * rendering sso-callout's own elements (`lwc:external`): `<callout-msal>` (silent SSO with the
 * user's login hint; under LWS a sign-in page link instead of popups), `<callout-credential>`,
 * `<callout-login>`, `<callout-get>` (renders the data) and optionally `<callout-log>`.
 *
 * The static resource is loaded once with `loadScript`; the login hint is the current user's
 * FederationIdentifier (their Entra UPN under SAML SSO), else their email. The elements appear
 * when both are ready. Results leave the closed shadow roots as `callout-response` /
 * `callout-error` events (bubbling, composed).
 */
export default class SsoCalloutOrders extends LightningElement {
  /** Entra application (client) id. */
  @api clientId;
  /** Entra tenant (id or domain). */
  @api tenant;
  /** The API's base URL (a Trusted URL with connect-src; CORS must allow the Lightning origin). */
  @api apiUrl = 'https://api.contoso.com/v1/';
  /** The API's delegated scope. */
  @api scope = 'api://orders/Orders.Read';
  /** The path `<callout-get>` fetches under `apiUrl`. */
  @api path = 'orders?status=open';
  /** The package namespace in a managed package (`c` when unset). */
  @api lwsNamespace;
  /** Also render `<callout-log>` (the timeline of requests, tokens and retries). */
  @api showLog = false;
  /** Advanced, from a parent component: MSAL configuration passed through to `<callout-msal>`. */
  @api msalConfig;

  /** The user's login hint, from the wire; `undefined` until it answered. */
  loginHint;
  /** This component's sso-callout client, shared by its elements; created after `loadScript`. */
  callout;
  errorText;
  scriptReady = false;

  @wire(getRecord, { recordId: USER_ID, fields: [EMAIL, FEDERATION_ID] })
  user({ data, error }) {
    if (error) {
      this.errorText = 'Could not read the current user.';
      return;
    }
    if (!data) return;
    this.loginHint = getFieldValue(data, FEDERATION_ID) || getFieldValue(data, EMAIL) || '';
  }

  connectedCallback() {
    loadScript(this, `${SSO_CALLOUT}/sso-callout.js`).then(
      () => {
        if (!this.isConnected || this.callout) return;
        // Tabs coordinate with locks and signals only: no token leaves this tab (sharing tokens
        // across tabs is refused under Lightning Web Security). With cache="memory" below, each
        // tab signs in silently once.
        this.callout = globalThis.ssoCallout.createCallout({ providers: {} });
        this.scriptReady = true;
      },
      () => {
        this.errorText = 'Could not load the sso-callout static resource.';
      },
    );
  }

  disconnectedCallback() {
    this.callout?.dispose();
    this.callout = undefined;
    this.scriptReady = false;
  }

  /** Render the elements once the static resource ran and the wire gave the login hint. */
  get ready() {
    return this.scriptReady && this.loginHint !== undefined;
  }

  /** The static resource's redirect page (register it, exactly, as an SPA redirect URI). */
  get redirectUri() {
    return new URL(`${SSO_CALLOUT}/redirect.html`, window.location.href).href;
  }

  /** The static resource's sign-in page (also an SPA redirect URI), opened by the sign-in link. */
  get signInPage() {
    return new URL(`${SSO_CALLOUT}/sign-in.html`, window.location.href).href;
  }
}
