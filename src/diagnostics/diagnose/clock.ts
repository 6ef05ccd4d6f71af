import type { DiagnosisCheck } from '../diagnosis.js';
import { check } from './catalog.js';

/** One comparison of a server's clock with this device's. */
export interface ClockReading {
  /** Whose clock: `the API at https://…` or `the identity provider (token of Orders)`. */
  who: string;
  /** The server's clock minus this device's, in ms (positive: the server is ahead). */
  skewMs: number;
  /** Whether the server is the identity provider (else an API). */
  issuer: boolean;
}

/** Above this, token validation (usually 5 minutes of tolerance) starts refusing tokens. */
const failAfterMs = 300_000;
/** Above this, worth fixing before it grows. */
const warnAfterMs = 60_000;

/** `+2 s`, `−7 min 3 s`. */
function signed(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const text = seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
  return `${ms < 0 ? '−' : '+'}${text}`;
}

/**
 * The API's clock from its `Date` header, against this device's when the answer came (the
 * header has one-second resolution).
 */
export function apiReading(origin: string, clock: { server: number; local: number }): ClockReading {
  return { who: `the API at ${origin}`, skewMs: clock.server - clock.local, issuer: false };
}

/**
 * The identity provider's clock from a token: its `exp` is the provider's clock plus the
 * lifetime, its `expiresOn` this device's clock plus the same lifetime (`expires_in`).
 */
export function issuerReading(credential: string, exp: number, expiresOn: Date): ClockReading {
  return {
    who: `the identity provider (token of ${credential})`,
    skewMs: exp - expiresOn.getTime(),
    issuer: true,
  };
}

/**
 * The `clock-skew` check: every reading against this device's clock, and the API's against the
 * identity provider's when both are known. Skipped when nothing could be read.
 */
export function clockCheck(readings: readonly ClockReading[]): DiagnosisCheck {
  if (readings.length === 0) {
    const seen =
      'no clock to compare: no API Date header was readable (a cross-origin API must expose Date) and no JWT token is held';
    return check('clock-skew', 'skip', seen);
  }
  const seen = readings.map((r) => `${r.who} ${signed(r.skewMs)}`);
  const issuer = readings.find((r) => r.issuer);
  const apiVsIssuer = issuer
    ? readings.filter((r) => !r.issuer).map((r) => ({ who: r.who, ms: r.skewMs - issuer.skewMs }))
    : [];
  for (const pair of apiVsIssuer) seen.push(`${pair.who} vs the identity provider ${signed(pair.ms)}`);
  const worstDevice = Math.max(...readings.map((r) => Math.abs(r.skewMs)));
  const worstServer = Math.max(0, ...apiVsIssuer.map((p) => Math.abs(p.ms)));
  const worst = Math.max(worstDevice, worstServer);
  const status = worst > failAfterMs ? 'fail' : worst > warnAfterMs ? 'warn' : 'ok';
  const serverAtFault = worstServer > warnAfterMs && worstServer >= worstDevice;
  const hint = serverAtFault
    ? "The API's clock differs from the identity provider's: fix the API server's time (NTP); it refuses fresh tokens as not yet valid or expired."
    : "Set this device's clock to synchronise automatically: beyond about 5 minutes APIs refuse fresh tokens and renewals repeat.";
  return check('clock-skew', status, `clock differences from this device: ${seen.join('; ')}`, { hint });
}
