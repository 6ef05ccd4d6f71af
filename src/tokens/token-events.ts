import type { CalloutEvents } from '../events.js';
import type { AccessToken, TokenSource } from '../types.js';
import { copyAccount } from './token-checks.js';

/** What {@link emitToken} reports about one token. */
export interface TokenReport {
  provider: string;
  credential?: string | undefined;
  token: AccessToken;
  /** Whether the caller forced a fresh token. */
  forced: boolean;
  /** A claims challenge that was part of the request (`''` for none), or whether there was one. */
  claims: boolean | string;
  /** Overrides `token.source` (a stored token is reported as `store`). */
  source?: TokenSource | undefined;
  fromOtherTab?: true;
}

/**
 * Fires the client's `token` event for `report`, synchronously, only when someone listens. The
 * detail holds the token's scopes, source, expiry and account — never the token string.
 */
export function emitToken(events: CalloutEvents, report: TokenReport): void {
  if (!events.hasListeners('token')) return;
  const { token } = report;
  events.emit('token', {
    provider: report.provider,
    credential: report.credential,
    scopes: [...token.scopes],
    source: report.source ?? token.source,
    // Copies: a listener that changes what it got must not change the stored token.
    expiresOn: new Date(token.expiresOn.getTime()),
    account: token.account && copyAccount(token.account),
    forced: report.forced,
    claims: report.claims !== false && report.claims !== '',
    ...(report.fromOtherTab ? { fromOtherTab: true } : {}),
  });
}
