import { html, nothing, type TemplateResult } from 'lit';
import type { Callout, CalloutEventMap, CalloutEventName, Diagnosis } from '../../src/index.js';
import { buttonStyles, tokenStyles } from '../shared/base.styles.js';
import { CalloutElement, clientOf, lookupOf } from '../shared/callout-element.js';
import { InvalidAttribute } from '../shared/invalid-attribute.js';
import { logOnce } from '../shared/log-once.js';
import { calloutLogStyles } from './callout-log.styles.js';
import { type LogEntry, LogKind, toLogEntry } from './log-entry.js';
import { renderEntry, renderToken } from './log-view.js';
import { buildReport } from './report.js';
import type { SetupState } from './setup-view.js';

/** The setup check's view (setup-view.ts): loaded the first time "Check setup" runs. */
type SetupView = typeof import('./setup-view.js');

import { type TokenView, tokensAfter, tokensWithout } from './token-view.js';

/** Entries kept when `limit` is absent or unusable. */
const defaultLimit = 200;
/** The most entries a log keeps, whatever `limit` says: the log is always bounded. */
const maxLimit = 10_000;

/** Every client event: each kind of entry is named after the event it records. */
const eventNames: readonly CalloutEventName[] = Object.values(LogKind);

/**
 * The diagnostics panel Salesforce users never had: a live timeline of the client's events —
 * token acquisitions and where each token came from (token store, MSAL cache, refresh token, SSO
 * silent, interactive), requests, responses with status and duration, auth retries and their
 * reason, errors with their hints — and, for each credential, the current token's decoded claims
 * (`aud`, `scp`, `upn`, `exp` with a countdown) with the token itself masked.
 *
 * Entries start when the element connects (earlier events are not replayed). After each token
 * event that brought a new token (acquired here, or shared by another tab), the panel reads the
 * credential's current token with `callout.peekToken()`, which never acquires and fires no event:
 * the panel never causes an acquisition and never logs itself. "Check setup" runs
 * `callout.diagnose()` (CORS, token audience and scopes, clock, redirect page, CSP, LWS, third-party
 * cookies, versions) and shows each check with what was seen and what to change. "Copy report"
 * copies a plain-text report — the setup check included — without any token.
 *
 * @summary Live diagnostics: token sources, requests, retries, errors and token claims.
 *
 * @tagname callout-log
 *
 * @csspart base - The panel.
 * @csspart toolbar - The title bar with the buttons.
 * @csspart button - Every button.
 * @csspart copy-button - The "Copy report" button.
 * @csspart check-button - The "Check setup" button.
 * @csspart setup - The setup check section, once "Check setup" ran.
 * @csspart checks - Its list of checks.
 * @csspart check - One check; each also has a part for its status (`check-ok`, `check-warn`,
 *   `check-fail`, `check-skip`).
 * @csspart clear-button - The "Clear" button.
 * @csspart tokens - The current-token section.
 * @csspart claims - One credential's claims (a definition list).
 * @csspart timeline - The timeline list.
 * @csspart entry - One timeline entry; each also has a part for its kind:
 * @csspart entry-token - A token served or acquired (with its source).
 * @csspart entry-request - A request sent.
 * @csspart entry-response - A response, with status and duration.
 * @csspart entry-retry - An auth or transient retry, with its reason.
 * @csspart entry-error - A failed callout, with its hint.
 * @csspart entry-interaction-required - A callout that needs the user to sign in.
 * @csspart entry-account - A sign-in or sign-out.
 * @csspart status - The copy result, announced politely.
 * @csspart report - The report text area shown when the clipboard is not available.
 *
 * @cssprop --callout-log-max-height - Height of the timeline before it scrolls (default 20rem).
 * @cssprop --callout-color-error - Failed entries and checks.
 * @cssprop --callout-color-warning - Checks with a warning (default a dark amber).
 * @cssprop --callout-color-text-weak - Times and hints.
 * @cssprop --callout-color-border - Panel border.
 *
 * @example
 * ```html
 * <callout-log limit="500"></callout-log>
 * ```
 */
export class CalloutLog extends CalloutElement {
  static override styles = [tokenStyles, buttonStyles, calloutLogStyles];

  static override properties = {
    limit: { type: Number },
    entries: { attribute: false },
    tokens: { attribute: false },
    status: { attribute: false },
    fallbackReport: { attribute: false },
    now: { attribute: false },
    setup: { attribute: false },
  };

  /**
   * How many entries to keep (oldest dropped first): a whole number from 1 to 10,000. Default 200.
   * Anything else (`abc`, `0`, `Infinity`, `1e9`) keeps the default, and the element logs
   * `console.error` once naming the attribute: the log is always bounded.
   */
  limit = defaultLimit;

  private entries: LogEntry[] = [];
  private tokens = new Map<string, TokenView>();
  private status = '';
  private fallbackReport: string | undefined;
  private now = Date.now();
  private setup: SetupState = { state: 'idle' };

  #clock: ReturnType<typeof setInterval> | undefined;
  #setupView: SetupView | undefined;
  #reported = new Set<string>();

  constructor() {
    super();
    lookupOf(this).follow((callout) => this.#listen(callout));
  }

  /** The timeline entries, oldest first. */
  get log(): readonly LogEntry[] {
    return this.entries;
  }

  /** The current token of each credential, as claims and a masked token. */
  get currentTokens(): readonly TokenView[] {
    return [...this.tokens.values()];
  }

  /** The plain-text report that "Copy report" copies, with the last setup check. Contains no token. */
  report(): string {
    return buildReport({
      entries: this.entries,
      tokens: this.currentTokens,
      credentials: clientOf(this).credentials.list(),
      now: new Date(),
      setup:
        this.setup.state === 'done' && this.#setupView
          ? this.#setupView.setupReportLines(this.setup.diagnosis)
          : ['Setup check:', '  (not run: press "Check setup")'],
    });
  }

  /**
   * What "Check setup" does: runs `callout.diagnose()` on the client (acquiring no token), shows
   * each check and announces the counts. Resolves with the report; a check that cannot run at all
   * (a disposed client) is shown as such and rethrown. The section's code loads on the first run.
   */
  async checkSetup(): Promise<Diagnosis> {
    this.setup = { state: 'running' };
    this.status = 'Checking the setup…';
    const view = import('./setup-view.js');
    view.catch(() => {}); // A view that cannot load is reported with the run's outcome.
    try {
      const diagnosis = await clientOf(this).diagnose();
      this.#setupView = await view;
      this.setup = { state: 'done', diagnosis };
      this.status = `Setup checked: ${this.#setupView.summarizeDiagnosis(diagnosis)}.`;
      return diagnosis;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#setupView ??= await view.catch(() => undefined);
      this.setup = { state: 'failed', message };
      this.status = `The setup check could not run: ${message}`;
      throw error;
    }
  }

  /** Forgets every entry (token views stay until the next sign-out). */
  clear(): void {
    this.entries = [];
    this.status = 'Log cleared.';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => {
      if (this.tokens.size > 0) this.now = Date.now();
    }, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    this.#clock = undefined;
  }

  protected override willUpdate(): void {
    this.#entryLimit();
  }

  /** The usable `limit`, or the default after reporting the unusable value once. */
  #entryLimit(): number {
    const limit = this.limit;
    if (Number.isInteger(limit) && limit >= 1 && limit <= maxLimit) return limit;
    const problem = new InvalidAttribute({
      attribute: 'limit',
      value: this.getAttribute('limit') ?? String(limit),
      problem: `it must be a whole number from 1 to ${maxLimit}; the log keeps the default ${defaultLimit} entries`,
    });
    logOnce(this.#reported, problem.describe(this.localName));
    return defaultLimit;
  }

  protected override render(): TemplateResult {
    return html`<section part="base" class="base" aria-label="Callout diagnostics">
      <div part="toolbar" class="toolbar">
        <h2>Callout log</h2>
        <button part="button check-button" class="button" type="button" .disabled=${this.setup.state === 'running'}
          @click=${() => void this.checkSetup().catch(() => {})}>Check setup</button>
        <button part="button copy-button" class="button" type="button" @click=${() => void this.#copy()}>
          Copy report
        </button>
        <button part="button clear-button" class="button" type="button" @click=${() => this.clear()}>Clear</button>
      </div>
      <p part="status" class="visually-hidden" role="status">${this.status}</p>
      ${
        this.fallbackReport === undefined
          ? nothing
          : html`<div class="section">
              <label for="report">The clipboard is not available here: select the report and copy it.</label>
              <textarea part="report" id="report" readonly .value=${this.fallbackReport}></textarea>
            </div>`
      }
      ${this.#setupView?.renderSetup({ html, nothing }, this.setup) ?? nothing}
      <div part="tokens" class="section">
        <h3>Current tokens</h3>
        ${
          this.tokens.size === 0
            ? html`<p class="empty">No token acquired since this panel opened.</p>`
            : [...this.tokens.values()].map((view) => renderToken(view, this.now))
        }
      </div>
      <div class="section">
        <h3 id="timeline-title">Timeline</h3>
        ${
          this.entries.length === 0
            ? html`<p class="empty">Nothing yet: callouts, tokens and retries appear here as they happen.</p>`
            : html`<ol part="timeline" aria-labelledby="timeline-title">
                ${this.entries.map(renderEntry)}
              </ol>`
        }
      </div>
    </section>`;
  }

  #listen(callout: Callout): () => void {
    const listeners = eventNames.map((name) => {
      const listener = (event: Event) => this.#record(callout, name, event as CalloutEventMap[typeof name]);
      callout.events.addEventListener(name, listener);
      return () => callout.events.removeEventListener(name, listener);
    });
    return () => {
      for (const remove of listeners) remove();
    };
  }

  #record(callout: Callout, name: CalloutEventName, event: CalloutEventMap[CalloutEventName]): void {
    const entry = toLogEntry(name, event);
    this.entries = [...this.entries, entry].slice(-this.#entryLimit());
    if (name === 'token') this.tokens = tokensAfter(callout, this.tokens, event as CalloutEventMap['token']);
    if (name === 'account') {
      const { detail } = event as CalloutEventMap['account'];
      if (!detail.account) this.tokens = tokensWithout(callout, this.tokens, detail.provider);
    }
  }

  async #copy(): Promise<void> {
    const text = this.report();
    try {
      await navigator.clipboard.writeText(text);
      this.fallbackReport = undefined;
      this.status = 'Report copied to the clipboard.';
    } catch {
      this.fallbackReport = text;
      this.status = 'The clipboard is not available: the report is shown below.';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'callout-log': CalloutLog;
  }
}
