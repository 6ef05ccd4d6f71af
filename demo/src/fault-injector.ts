import { css, html, LitElement } from 'lit';
import { getDefaultCallout, isCalloutError } from '../../src/index.js';
import { exchangeScenarios } from './exchange-scenarios.js';
import type { OfflineWorld } from './offline.js';
import { backendScenarios, oidcScenarios } from './provider-scenarios.js';
import { aadScenarios, type Scenario } from './scenarios.js';
import { setupScenarios } from './setup-scenarios.js';

/** The scenario groups, in the order the panel shows them. */
const groups: { title: string; scenarios: Scenario[] }[] = [
  { title: 'Azure AD and the orders API', scenarios: aadScenarios },
  { title: 'Token exchange (shipments)', scenarios: exchangeScenarios },
  { title: 'OpenID Connect IdP (support tickets)', scenarios: oidcScenarios },
  { title: 'Backend-minted token (invoices)', scenarios: backendScenarios },
  { title: 'Page setup — see "Check setup" in the log', scenarios: setupScenarios },
];

/**
 * The demo's fault injector: breaks an emulated identity provider, token source or API in one
 * click, and counts what it costs (requests to each of them; auth retries). Fires `scenario-run`
 * after each scenario so the page can refresh its components.
 */
export class DemoFaultInjector extends LitElement {
  static override properties = { message: { state: true }, world: { attribute: false } };
  static override styles = css`
    :host { display: block; font-size: 0.875rem; }
    .counters { display: grid; grid-template-columns: repeat(2, 1fr); gap: 0.5rem; margin-bottom: 0.75rem; }
    .counter { background: #f3f3f3; border-radius: 0.25rem; padding: 0.5rem; text-align: center; }
    .counter output { display: block; font-size: 1.5rem; font-weight: 700; color: #032d60; }
    .counter small { color: #706e6b; font-size: 0.7rem; }
    h3 { font-size: 0.75rem; font-weight: 600; color: #3e3e3c; margin: 0.75rem 0 0.35rem; text-transform: uppercase; letter-spacing: 0.03em; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; }
    button { font: inherit; background: #fff; color: #0176d3; border: 1px solid #c9c9c9; border-radius: 0.25rem; padding: 0.3rem 0.6rem; cursor: pointer; }
    button[aria-pressed='true'] { background: #fddde3; border-color: #ba0517; color: #ba0517; }
    label { display: flex; gap: 0.5rem; align-items: center; margin-bottom: 0.5rem; }
    select { font: inherit; }
    .message { min-height: 2.5em; margin: 0.5rem 0 0; color: #3e3e3c; }
  `;

  /** The emulated world to break. Set by the page. */
  world: OfflineWorld | undefined;
  message = 'Pick a scenario; the log below shows what happens and why.';
  #retries = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #onRetry = (event: Event) => {
    if ((event as CustomEvent<{ reason: string }>).detail.reason !== 'transient') this.#retries++;
    this.requestUpdate();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    getDefaultCallout().events.addEventListener('retry', this.#onRetry);
    this.#timer = setInterval(() => this.requestUpdate(), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    getDefaultCallout().events.removeEventListener('retry', this.#onRetry);
    clearInterval(this.#timer);
  }

  override render() {
    const world = this.world;
    if (!world) return html``;
    const { authorize, token } = world.aad.counters;
    const { exchanges, refreshes } = world.exchange.counters;
    const support = world.supportIdp.counters;
    const backend = world.backend.counters;
    return html`
      <div class="counters">
        <div class="counter">Azure AD requests<output data-counter="idp">${authorize + token}</output>
          <small><span data-counter="authorize">${authorize}</span> authorize · <span data-counter="token">${token}</span> token</small></div>
        <div class="counter">API requests<output data-counter="api">${world.api.counters.requests}</output>
          <small>orders · <span data-counter="shipments">${world.shipmentsApi.counters.requests}</span> shipments ·
            <span data-counter="tickets">${world.supportApi.counters.requests}</span> tickets ·
            <span data-counter="invoices">${world.billingApi.counters.requests}</span> invoices</small></div>
        <div class="counter">Exchange requests<output data-counter="exchange-requests">${exchanges + refreshes}</output>
          <small><span data-counter="exchange">${exchanges}</span> exchange · <span data-counter="exchange-refresh">${refreshes}</span> refresh</small></div>
        <div class="counter">Support IdP requests<output data-counter="support-idp">${support.authorize + support.token}</output>
          <small><span data-counter="support-authorize">${support.authorize}</span> authorize · <span data-counter="support-token">${support.token}</span> token</small></div>
        <div class="counter">Backend token calls<output data-counter="backend">${backend.requests}</output>
          <small><span data-counter="backend-forced">${backend.forced}</span> forced refresh</small></div>
        <div class="counter">Auth retries<output data-counter="retries">${this.#retries}</output></div>
      </div>
      <label>Token lifetime
        <select @change=${(e: Event) => this.#setLifetime(Number((e.target as HTMLSelectElement).value))}>
          <option value="3600">1 hour</option>
          <option value="30">30 seconds</option>
        </select>
      </label>
      ${groups.map(
        (group) => html`<h3>${group.title}</h3>
          <div class="buttons">
            ${group.scenarios.map(
              (s) => html`<button type="button" data-scenario=${s.id} title=${s.explains}
                aria-pressed=${String(s.pressed?.(world) ?? false)}
                @click=${() => this.#run(s)}>${s.label}</button>`,
            )}
          </div>`,
      )}
      <p class="message" role="status">${this.message}</p>`;
  }

  #setLifetime(seconds: number): void {
    if (!this.world) return;
    this.world.aad.state.accessTokenLifetime = seconds;
    this.message = `New tokens now live ${seconds} s; sso-callout renews them ahead of expiry (at most half their lifetime early).`;
  }

  async #run(scenario: Scenario): Promise<void> {
    if (!this.world) return;
    try {
      this.message = await scenario.run(this.world, getDefaultCallout());
    } catch (error) {
      this.message = isCalloutError(error) ? `${error.message} — ${error.hint}` : String(error);
    }
    this.dispatchEvent(
      new CustomEvent('scenario-run', { detail: scenario.id, bubbles: true, composed: true }),
    );
  }
}
customElements.define('demo-fault-injector', DemoFaultInjector);
