import { css, html, LitElement } from 'lit';
import { CalloutController } from '../../components/index.js';
import type { Customer } from './demo-api.js';

/**
 * A component author's own element: the customer card, built on `CalloutController` (the `@wire`
 * of sso-callout). It re-runs when `customer-id` changes and shows `{ data, error, loading }`.
 */
export class DemoCustomerProfile extends LitElement {
  static override properties = { customerId: { attribute: 'customer-id' } };
  static override styles = css`
    :host { display: block; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
    dt { color: #706e6b; }
    dd { margin: 0; }
    .error { color: #ba0517; }
  `;

  customerId = 'contoso';

  readonly #profile = new CalloutController<Customer>(this, {
    credential: 'Orders',
    path: () => `customers/${encodeURIComponent(this.customerId)}`,
  });

  /** Runs the callout again. */
  refresh(): Promise<void> {
    return this.#profile.refresh();
  }

  override render() {
    const { data, error, loading } = this.#profile;
    if (error)
      return html`<p class="error" role="alert">Could not load the customer: ${String((error as Error).message)}</p>`;
    if (!data) return html`<p aria-busy=${loading ? 'true' : 'false'}>Loading customer…</p>`;
    return html`<dl>
      <dt>Industry</dt><dd>${data.industry}</dd>
      <dt>Account owner</dt><dd>${data.owner}</dd>
      <dt>Phone</dt><dd>${data.phone}</dd>
      <dt>Website</dt><dd>${data.website}</dd>
      <dt>Annual revenue</dt><dd>${data.annualRevenue}</dd>
    </dl>`;
  }
}
customElements.define('demo-customer-profile', DemoCustomerProfile);
