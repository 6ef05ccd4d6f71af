import { html, type TemplateResult } from 'lit';
import { CalloutController, type CalloutResult } from '../controllers/callout-controller.js';
import { isSafeMethod } from '../controllers/safe-method.js';
import { buttonStyles, errorPanelStyles, spinnerStyles, tokenStyles } from '../shared/base.styles.js';
import { CalloutElement, clientOf, lookupOf } from '../shared/callout-element.js';
import { renderDefault } from '../shared/default-renderer.js';
import { configurationView, describeError, type ErrorView } from '../shared/describe-error.js';
import type { ErrorPanelActions } from '../shared/error-panel.js';
import { fire } from '../shared/fire.js';
import { isEmptyData } from '../shared/format-value.js';
import { InvalidAttribute, jsonAttribute } from '../shared/invalid-attribute.js';
import { logOnce } from '../shared/log-once.js';
import { signInLinkOf, signInProviderFor } from '../shared/sign-in-link.js';
import { calloutGetStyles } from './callout-get.styles.js';
import {
  type CalloutErrorDetail,
  CalloutGetState,
  type CalloutRenderer,
  type CalloutResponseDetail,
} from './callout-get-types.js';
import { renderCalloutGet } from './callout-get-view.js';
import { Poll } from './poll.js';
import { SlotTemplates } from './slot-templates.js';

export * from './callout-get-types.js';

/**
 * Calls an API through a named credential and shows the result: a spinner while loading, an error
 * panel (message, hint, details, "Sign in to continue" when the identity provider needs the user,
 * Retry), an empty state, or the data.
 *
 * A GET or HEAD request runs when the element first renders and again whenever `credential`,
 * `path`, `method` or `body` change (the stale request is aborted and its result never shown),
 * when the credential or its provider is (re)registered — so the element may come before its
 * `<callout-msal>` and `<callout-credential>` — every `poll` milliseconds while the page is
 * visible, and on `refresh()`. After an error that needs the user to sign in, it runs again by
 * itself once anyone on the page signs in with the credential's provider. Disconnecting aborts the
 * request in flight.
 *
 * Any other method (POST, PUT, PATCH, DELETE …, in any case) writes, and markup alone must not
 * make the user's token write: such a request runs only when script calls `refresh()`, or from a
 * click on the element's own Retry or "Sign in to continue" button after a failed run — never on
 * connect, attribute changes, polls, reconnects or sign-ins elsewhere. Until then the element is
 * `idle`.
 *
 * Data is shown, in order of preference, by the `renderer` property (Lit users), by a light-DOM
 * `<template slot="data">` (HTML authors; `{{ path }}` placeholders and `data-each` repeats,
 * bound as text only), or by the default renderer: a table for an array of objects, a definition
 * list for an object. API data is never parsed as HTML.
 *
 * @summary Declarative callout: fetch through a named credential and render the result.
 *
 * @tagname callout-get
 *
 * @slot loading - A `<template slot="loading">` shown instead of the spinner.
 * @slot error - A `<template slot="error">` shown instead of the error panel; its scope has
 *   `message`, `hint`, `code`, `status`, `requestId`.
 * @slot empty - A `<template slot="empty">` shown when the API returns nothing (204, `null`, `[]`, `{}`).
 * @slot data - A `<template slot="data">` stamped with the data.
 *
 * @csspart base - The wrapper; carries `aria-busy` while loading.
 * @csspart spinner - The loading spinner (with its screen-reader label).
 * @csspart error - The error panel.
 * @csspart error-message - What the user reads: the plain-language sentence of the error's code.
 * @csspart error-details - The details toggle, for developers: the parts below, code, status, request id.
 * @csspart error-developer-message - Inside the details: the developer's sentence (what failed).
 * @csspart error-hint - Inside the details: what to change to fix it.
 * @csspart button - Every button.
 * @csspart retry-button - The Retry button.
 * @csspart sign-in-button - The "Sign in to continue" button, or under Lightning Web Security the
 *   link to the provider's sign-in page (`<a target="_blank">`: popups cannot open there).
 * @csspart sign-in-link - That link (LWS only).
 * @csspart empty - The default empty state.
 * @csspart table - The default renderer's table.
 * @csspart table-row - A row of the default table (header row included).
 * @csspart table-header - A column header of the default table.
 * @csspart table-cell - A cell of the default table.
 * @csspart definition-list - The default renderer's definition list (for an object).
 * @csspart term - A key in the definition list.
 * @csspart definition - A value in the definition list.
 * @csspart list - The default renderer's list (for an array of values).
 * @csspart list-item - An item of the list.
 * @csspart value - A single value (text, number, boolean) shown by the default renderer.
 *
 * @cssprop --callout-font-family - Font stack.
 * @cssprop --callout-font-size - Base font size (default 0.8125rem).
 * @cssprop --callout-color-text - Text colour.
 * @cssprop --callout-color-text-weak - Secondary text (table headers, empty state).
 * @cssprop --callout-color-background - Background of tables and buttons.
 * @cssprop --callout-color-background-alt - Table header and hover background.
 * @cssprop --callout-color-border - Borders.
 * @cssprop --callout-color-brand - Brand colour (spinner, primary button).
 * @cssprop --callout-color-brand-dark - Brand hover and link colour.
 * @cssprop --callout-color-error - Error text and border.
 * @cssprop --callout-color-error-background - Error panel background.
 * @cssprop --callout-radius - Corner radius.
 * @cssprop --callout-spacing - Panel padding.
 * @cssprop --callout-spacing-small - Gaps.
 * @cssprop --callout-focus-ring - Focus indicator (a box-shadow).
 * @cssprop --callout-spinner-size - Spinner diameter.
 *
 * @fires {CustomEvent<CalloutResponseDetail>} callout-response - A request succeeded: `detail` has
 *   the data, status, credential, path and method. Bubbles, composed.
 * @fires {CustomEvent<CalloutErrorDetail>} callout-error - A request failed: `detail` has the error
 *   and its readable view. Bubbles, composed. Stale and disconnect-aborted requests fire nothing.
 *
 * @example
 * ```html
 * <callout-get credential="Orders" path="orders?status=open" poll="30000">
 *   <template slot="data"><ul><li data-each=".">{{ sku }} × {{ quantity }}</li></ul></template>
 * </callout-get>
 * ```
 */
export class CalloutGet extends CalloutElement {
  static override styles = [tokenStyles, buttonStyles, spinnerStyles, errorPanelStyles, calloutGetStyles];

  static override properties = {
    credential: {},
    path: {},
    method: {},
    body: { converter: jsonAttribute('body') },
    poll: { type: Number },
    manual: { type: Boolean },
    renderer: { attribute: false },
  };

  /** Name of the named credential to call through. Without one, `path` must be an absolute URL (sent with no token unless a credential covers it). */
  credential = '';

  /** Path below the credential's URL, such as `orders?status=open` (no leading slash). */
  path = '';

  /** HTTP method. Default `GET`. Only GET and HEAD run by themselves; other methods run on `refresh()`. */
  method = 'GET';

  /** JSON request body: an attribute holding JSON, or any JSON-serialisable property value. */
  body: unknown;

  /** Re-run every this many milliseconds (at least 1000) while the page is visible; 0 or absent: never. */
  poll = 0;

  /** When set, the request runs only on `refresh()`, not by itself. */
  manual = false;

  /**
   * Renders the data for Lit users; wins over the data template and the default renderer. It
   * returns what Lit renders (a template, a node, text), never JSX: React apps use `useCallout`
   * from `sso-callout/react` instead.
   */
  renderer: CalloutRenderer | undefined;

  readonly #controller = new CalloutController(this, {
    lookup: lookupOf(this),
    credential: () => this.credential,
    path: () => this.path,
    method: () => this.method,
    body: () => (this.body instanceof InvalidAttribute ? undefined : this.body),
    auto: () => !this.manual && !(this.body instanceof InvalidAttribute),
    onResponse: (result) => this.#onResponse(result),
    onError: (error) => this.#onError(error),
  });

  readonly #templates = new SlotTemplates(this);

  // Declared after the controller: its ticks read what the controller's update has just seen.
  readonly #poll = new Poll(this, {
    interval: () => this.poll,
    ready: () => !this.#controller.loading && isSafeMethod(this.method),
    run: () => void this.refresh(),
  });

  #actionError: unknown;
  #reported = new Set<string>();

  /** The last successful result's data (kept while a refresh is in flight). */
  get data(): unknown {
    return this.#controller.data;
  }

  /** The last error, or `undefined`. */
  get error(): unknown {
    return this.#actionError ?? this.#controller.error;
  }

  /** Whether a request is in flight. */
  get loading(): boolean {
    return this.#controller.loading;
  }

  /**
   * What the element shows now: `idle` (nothing to call), `loading`, `error`, `empty` or `data`.
   * Mirrored to the `state` attribute after each render, for styling (`callout-get[state='error']`).
   */
  get state(): CalloutGetState {
    if (this.body instanceof InvalidAttribute || this.error !== undefined) return CalloutGetState.error;
    const result = this.#controller.result;
    if (result === undefined)
      return this.#controller.loading ? CalloutGetState.loading : CalloutGetState.idle;
    return isEmptyData(result.data) ? CalloutGetState.empty : CalloutGetState.data;
  }

  /**
   * Sends the request again now (aborting one in flight). Resolves when it has settled and the
   * element has rendered the outcome; never rejects (the outcome is shown and fired as an event).
   */
  async refresh(): Promise<void> {
    this.#actionError = undefined;
    await this.#controller.refresh();
    await this.updateComplete;
  }

  protected override willUpdate(): void {
    if (this.body instanceof InvalidAttribute) logOnce(this.#reported, this.body.describe(this.localName));
  }

  protected override updated(): void {
    if (this.getAttribute('state') !== this.state) this.setAttribute('state', this.state);
  }

  protected override render(): TemplateResult {
    const loading = this.#controller.loading;
    // Property bindings only (.ariaBusy, not aria-busy=): see CalloutElement on Lightning Web Security.
    return html`<div part="base" class="base" .ariaBusy=${loading ? 'true' : 'false'}>
      ${renderCalloutGet({
        state: this.state,
        loading,
        templates: this.#templates,
        data: () => this.#renderData(),
        error: () => ({ view: this.#errorView(), key: this.error, actions: this.#errorActions() }),
      })}
    </div>`;
  }

  #renderData(): unknown {
    const result = this.#controller.result!;
    if (this.renderer) return this.renderer(result.data, { status: result.status, element: this });
    return this.#templates.stamp('data', result.data) ?? renderDefault(result.data);
  }

  #errorView(): ErrorView {
    return this.body instanceof InvalidAttribute
      ? configurationView(this.body.describe(this.localName), 'Fix the attribute named in the message.')
      : describeError(this.error);
  }

  /**
   * Retry, and "Sign in to continue" when the provider to sign in with — the credential's, or
   * the one the error names (`signInProvider`, for a provider built on another) — can sign in.
   */
  #errorActions(): ErrorPanelActions {
    const target = signInProviderFor(clientOf(this), this.credential, this.error);
    return {
      onRetry: () => void this.refresh(),
      ...(typeof target?.provider.signIn === 'function'
        ? { onSignIn: () => this.#signIn(target.name), signInUrl: signInLinkOf(target.provider) }
        : {}),
    };
  }

  /**
   * Runs from the button's click, so a popup opens within the user gesture. The sign-in's
   * `account` event usually re-runs the callout already (as it does for every waiting element);
   * if it did not, this refreshes it.
   */
  #signIn(provider: string): void {
    const client = clientOf(this);
    client.signIn(provider).then(
      () => {
        this.#actionError = undefined;
        return this.#controller.loading ? this.#controller.settled : this.refresh();
      },
      (error: unknown) => {
        this.#actionError = error;
        this.requestUpdate();
        this.#onError(error);
      },
    );
  }

  #onResponse(result: CalloutResult<unknown>): void {
    this.#actionError = undefined;
    fire<CalloutResponseDetail>(this, 'callout-response', {
      data: result.data,
      status: result.status,
      ...(this.credential ? { credential: this.credential } : {}),
      path: this.path,
      method: this.method.toUpperCase(),
    });
  }

  #onError(error: unknown): void {
    fire<CalloutErrorDetail>(this, 'callout-error', { error, view: describeError(error) });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-get': CalloutGet;
  }
}
