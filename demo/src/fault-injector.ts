import { css, html, LitElement } from 'lit';
import { type Callout, getDefaultCallout, isCalloutError } from '../../src/index.js';
import type { OfflineWorld } from './offline.js';

/** A scenario button: what it breaks, and what the page should show. */
interface Scenario {
  id: string;
  label: string;
  explains: string;
  run(world: OfflineWorld, callout: Callout): Promise<string> | string;
}

const scenarios: Scenario[] = [
  {
    id: 'expire',
    label: 'Expire token now',
    explains: 'The cached token is dropped; the next token comes from the refresh token, with no 401.',
    async run(_world, callout) {
      await callout.token('Orders', { forceRefresh: true });
      return 'Token expired and renewed from the refresh token (1 token request, no API retry).';
    },
  },
  {
    id: 'revoke',
    label: 'Revoke token',
    explains:
      'The API rejects every token it has seen: the next call gets 401, refreshes once and retries once.',
    run(world) {
      world.api.revokeAll();
      return 'Token revoked at the API: the next call is answered 401, then refreshed and retried once.';
    },
  },
  {
    id: 'claims',
    label: 'Require claims (CAE)',
    explains: 'The API answers 401 with an insufficient_claims challenge until the token carries the claims.',
    run(world) {
      world.api.faults.requireAuthContext = world.api.faults.requireAuthContext ? undefined : 'c1';
      return world.api.faults.requireAuthContext
        ? 'The API now requires auth context c1: the next call is challenged and retried with a claims token.'
        : 'The API no longer requires claims.';
    },
  },
  {
    id: 'forbidden',
    label: '403 insufficient scope',
    explains:
      'The next API call is refused with 403 insufficient_scope: a typed error with a hint, no retry.',
    run(world) {
      world.api.faults.status = 403;
      world.api.faults.times = 1;
      return 'The next API call will be refused with 403.';
    },
  },
  {
    id: 'throttle',
    label: '429 with Retry-After',
    explains: 'The next API call is throttled; the client waits for Retry-After and retries by itself.',
    run(world) {
      world.api.faults.status = 429;
      world.api.faults.times = 1;
      return 'The next API call will be throttled once, then retried.';
    },
  },
  {
    id: 'idp-down',
    label: 'IdP down',
    explains:
      'The token endpoint answers 500: renewals fail with a typed error while the cached token keeps working.',
    run(world) {
      world.aad.faults.tokenEndpoint = world.aad.faults.tokenEndpoint ? undefined : 'server-error';
      return world.aad.faults.tokenEndpoint
        ? 'Azure AD is down: renewals fail (try "Expire token now"); calls with the cached token still work.'
        : 'Azure AD is back.';
    },
  },
  {
    id: 'end-session',
    label: 'End SSO session',
    explains: 'The Azure AD session ends and this app signs out: components ask the user to sign in again.',
    async run(world, callout) {
      world.aad.state.session = undefined;
      await callout.signOut('aad');
      return 'Session ended: the components now show "Sign in to continue".';
    },
  },
];

/**
 * The demo's fault injector: breaks the emulated Azure AD or API in one click, and counts what
 * it costs (IdP requests, API requests, auth retries). Fires `scenario-run` after each scenario so
 * the page can refresh its components.
 */
export class DemoFaultInjector extends LitElement {
  static override properties = { message: { state: true }, world: { attribute: false } };
  static override styles = css`
    :host { display: block; font-size: 0.875rem; }
    .counters { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.5rem; margin-bottom: 0.75rem; }
    .counter { background: #f3f3f3; border-radius: 0.25rem; padding: 0.5rem; text-align: center; }
    .counter output { display: block; font-size: 1.5rem; font-weight: 700; color: #032d60; }
    .counter small { color: #706e6b; font-size: 0.7rem; }
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
    const pressed = (id: string) =>
      (id === 'claims' && !!world.api.faults.requireAuthContext) ||
      (id === 'idp-down' && !!world.aad.faults.tokenEndpoint);
    return html`
      <div class="counters">
        <div class="counter">IdP requests<output data-counter="idp">${authorize + token}</output>
          <small><span data-counter="authorize">${authorize}</span> authorize · <span data-counter="token">${token}</span> token</small></div>
        <div class="counter">API requests<output data-counter="api">${world.api.counters.requests}</output></div>
        <div class="counter">Auth retries<output data-counter="retries">${this.#retries}</output></div>
      </div>
      <label>Token lifetime
        <select @change=${(e: Event) => this.#setLifetime(Number((e.target as HTMLSelectElement).value))}>
          <option value="3600">1 hour</option>
          <option value="30">30 seconds</option>
        </select>
      </label>
      <div class="buttons">
        ${scenarios.map(
          (s) => html`<button type="button" data-scenario=${s.id} title=${s.explains}
            aria-pressed=${s.id === 'claims' || s.id === 'idp-down' ? String(pressed(s.id)) : 'false'}
            @click=${() => this.#run(s)}>${s.label}</button>`,
        )}
      </div>
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
