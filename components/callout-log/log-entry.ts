import type { CalloutEventMap, CalloutEventName } from '../../src/index.js';

/** Kinds of timeline entries. */
export const LogKind = {
  token: 'token',
  request: 'request',
  response: 'response',
  retry: 'retry',
  error: 'error',
  abort: 'abort',
  interaction: 'interaction-required',
  account: 'account',
} as const;
/** One of the values of {@link LogKind}: a timeline entry's `kind`. */
export type LogKind = (typeof LogKind)[keyof typeof LogKind];

/** One line of the diagnostics timeline: plain text only, never a token. */
export interface LogEntry {
  kind: LogKind;
  at: Date;
  /** Credential the entry is about, when known. */
  credential?: string;
  /** One readable line. */
  summary: string;
  /** What to change (errors only). */
  hint?: string;
  /** Whether it is a failure (errors, 4xx/5xx responses; never a caller's abort). */
  failed: boolean;
}

const sourceLabels: Record<string, string> = {
  store: 'token store',
  cache: 'MSAL cache',
  refresh: 'refresh token',
  'sso-silent': 'SSO silent',
  interactive: 'interactive sign-in',
  broker: 'platform broker',
  provider: 'provider',
};

const retryLabels: Record<string, string> = {
  'token-rejected': 'token rejected, refreshed and retried',
  'claims-challenge': 'claims challenge answered with a new token',
  transient: 'transient failure, retried',
};

/** One client event, by name: switching on `name` narrows `detail`. */
type ClientEvent = {
  [K in CalloutEventName]: { name: K; detail: CalloutEventMap[K]['detail'] };
}[CalloutEventName];

/** What an entry says about its event. */
type Description = Pick<LogEntry, 'summary'> & Partial<Pick<LogEntry, 'hint' | 'failed'>>;

/** Turns one client event into a timeline entry. Events carry no tokens, so neither do entries. */
export function toLogEntry<K extends CalloutEventName>(
  name: K,
  event: CalloutEventMap[K],
  at = new Date(),
): LogEntry {
  const detail: CalloutEventMap[CalloutEventName]['detail'] = event.detail;
  const credential = 'credential' in detail && detail.credential ? { credential: detail.credential } : {};
  // `kind: name` compiles only while every event name is a LogKind.
  return { kind: name, at, ...credential, failed: false, ...describe({ name, detail } as ClientEvent) };
}

/**
 * The summary (and hint) of each kind of event. Exhaustive: an event added to the client's map
 * without a case here does not compile, instead of being labelled as another kind.
 */
function describe(event: ClientEvent): Description {
  switch (event.name) {
    case 'token': {
      const d = event.detail;
      const flags = [d.forced ? 'forced' : '', d.claims ? 'with claims' : ''].filter(Boolean).join(', ');
      return {
        summary: `Token for ${d.credential ?? d.provider} from ${sourceLabels[d.source] ?? d.source}${flags ? ` (${flags})` : ''}, expires ${d.expiresOn.toLocaleTimeString()}`,
      };
    }
    case 'request': {
      const d = event.detail;
      return {
        summary: `${d.method} ${d.url}${d.attempt > 1 ? ` (attempt ${d.attempt})` : ''}${d.authorized ? '' : ' — no token attached'}`,
      };
    }
    case 'response': {
      const d = event.detail;
      return {
        failed: d.status >= 400,
        summary: `${d.status} ${d.method} ${d.url} in ${Math.round(d.durationMs)} ms${d.requestId ? ` (request id ${d.requestId})` : ''}`,
      };
    }
    case 'retry': {
      const d = event.detail;
      const reason = retryLabels[d.reason] ?? d.reason;
      return {
        summary: `Retry ${d.method} ${d.url} after ${d.status ?? 'an error'}: ${reason}${d.reason !== 'transient' && !d.refreshed ? ' (another request had already refreshed the token)' : ''}`,
      };
    }
    case 'error':
    case 'abort': {
      // A caller's abort is shown as what it is, not as a failure.
      const { code, message, hint, requestId } = event.detail.error;
      const id = requestId ? ` (request id ${requestId})` : '';
      return { failed: event.name === 'error', summary: `${code}: ${message}${id}`, hint };
    }
    case 'interaction-required': {
      const d = event.detail;
      return {
        failed: true,
        summary: `Provider ${d.provider} needs the user to sign in (${d.error.code})`,
        hint: d.error.hint,
      };
    }
    case 'account': {
      const d = event.detail;
      return {
        summary: d.account
          ? `Signed in to ${d.provider} as ${d.account.username}`
          : `Signed out of ${d.provider}`,
      };
    }
    default: {
      const unhandled: never = event;
      return { summary: `Unknown event ${String((unhandled as { name?: unknown }).name)}` };
    }
  }
}
