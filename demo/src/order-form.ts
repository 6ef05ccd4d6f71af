import { css, html, LitElement } from 'lit';
import { getDefaultCallout, isCalloutError } from '../../src/index.js';
import type { Order } from './demo-api.js';

/**
 * The "create order" form: a POST through the `Orders` credential. On success it fires
 * `order-created` (bubbling) with the new order, so the page can refresh the orders list.
 */
export class DemoOrderForm extends LitElement {
  static override properties = { busy: { state: true }, message: { state: true } };
  static override styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    label { display: grid; gap: 0.25rem; font-size: 0.8rem; color: #3e3e3c; }
    input { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #c9c9c9; border-radius: 0.25rem; }
    button { font: inherit; background: #0176d3; color: #fff; border: 0; border-radius: 0.25rem; padding: 0.45rem 0.9rem; cursor: pointer; }
    button[disabled] { opacity: 0.6; cursor: progress; }
    .message { margin: 0.5rem 0 0; font-size: 0.85rem; }
    .error { color: #ba0517; }
  `;

  busy = false;
  message: { text: string; error: boolean } | undefined;

  override render() {
    return html`<form @submit=${this.#submit}>
        <label>SKU <input name="sku" required maxlength="40" value="WIDGET-A1" /></label>
        <label>Quantity <input name="quantity" type="number" min="1" max="10000" value="5" required /></label>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Creating…' : 'Create order'}</button>
      </form>
      <p class="message ${this.message?.error ? 'error' : ''}" role="status">${this.message?.text ?? ''}</p>`;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    try {
      const order = await getDefaultCallout()
        .post('callout:Orders/orders', {
          json: { sku: form.get('sku'), quantity: Number(form.get('quantity')) },
        })
        .json<Order>();
      this.message = { text: `Order ${order.id} created.`, error: false };
      this.dispatchEvent(new CustomEvent('order-created', { detail: order, bubbles: true, composed: true }));
    } catch (error) {
      this.message = {
        text: isCalloutError(error) ? `${error.message} — ${error.hint}` : String(error),
        error: true,
      };
    } finally {
      this.busy = false;
    }
  }
}
customElements.define('demo-order-form', DemoOrderForm);
