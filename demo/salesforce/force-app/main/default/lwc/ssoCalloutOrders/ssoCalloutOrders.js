import SSO_CALLOUT from '@salesforce/resourceUrl/ssoCallout';
import EMAIL from '@salesforce/schema/User.Email';
import FEDERATION_ID from '@salesforce/schema/User.FederationIdentifier';
import USER_ID from '@salesforce/user/Id';
import { loadScript } from 'lightning/platformResourceLoader';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import { api, LightningElement, wire } from 'lwc';

/**
 * Calls the Orders API as the signed-in Entra ID user with sso-callout, inside Lightning Web
 * Security. The static resource is loaded once per page (loadScript caches it); the login hint
 * is the user's FederationIdentifier (their Entra UPN under SAML SSO), else their email.
 */
export default class SsoCalloutOrders extends LightningElement {
  @api clientId;
  @api tenant;
  @api apiUrl = 'https://api.contoso.com/v1/';
  @api scope = 'api://orders/Orders.Read';
  @api path = 'orders?status=open';

  loading = true;
  rows;
  errorText;
  signInUrl;
  #callout;
  #provider;
  #loginHint;
  #started = false;

  @wire(getRecord, { recordId: USER_ID, fields: [EMAIL, FEDERATION_ID] })
  user({ data, error }) {
    if (error) {
      this.errorText = 'Could not read the current user.';
      return;
    }
    if (!data || this.#started) return;
    this.#loginHint = getFieldValue(data, FEDERATION_ID) || getFieldValue(data, EMAIL);
    this.#started = true;
    this.start();
  }

  async start() {
    await loadScript(this, `${SSO_CALLOUT}/sso-callout.js`);
    const { createCallout, msalProvider } = globalThis.ssoCallout;
    this.#provider = msalProvider({
      clientId: this.clientId,
      tenant: this.tenant,
      loginHint: this.#loginHint,
      redirectUri: new URL(`${SSO_CALLOUT}/redirect.html`, window.location.href).href,
      signInPage: new URL(`${SSO_CALLOUT}/sign-in.html`, window.location.href).href,
      cache: 'memory',
    });
    this.#callout = createCallout({
      providers: { aad: this.#provider },
      credentials: { Orders: { url: this.apiUrl, provider: 'aad', scopes: [this.scope] } },
    });
    // After a sign-in on the sign-in page, the provider signs in silently: fetch again.
    this.#provider.subscribe((account) => {
      if (account) this.load();
    });
    this.load();
  }

  async load() {
    this.loading = true;
    this.errorText = undefined;
    try {
      const data = await this.#callout(`callout:Orders/${this.path}`).json();
      this.rows = JSON.stringify(data, null, 2);
      this.signInUrl = undefined;
    } catch (error) {
      if (['interaction_required', 'login_required', 'consent_required'].includes(error.code)) {
        this.signInUrl = this.#provider.signInUrl();
      } else {
        this.errorText = `${error.message}${error.hint ? ` — ${error.hint}` : ''}`;
      }
    } finally {
      this.loading = false;
    }
  }

  disconnectedCallback() {
    this.#callout?.dispose();
  }
}
