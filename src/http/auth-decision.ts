import type { ResolvedCredential } from '../credentials/define-credential.js';
import { bearerChallenge, decodeClaims } from './challenge.js';

/** What to do about a response, auth-wise. */
export type AuthDecision =
  | { action: 'none' }
  | { action: 'refresh'; reason: 'token-rejected' }
  | { action: 'claims'; reason: 'claims-challenge'; claims: string };

/**
 * Decides whether a response means "retry once with another token", branching on the
 * `WWW-Authenticate` Bearer challenge (RFC 6750) and not only the status:
 * - `error="insufficient_claims", claims="…"` (CAE, conditional access) → acquire with those claims;
 * - `error="insufficient_scope"` → refresh only when the credential's `refreshOn` includes 403;
 * - `error="invalid_request"` → never (a new token cannot fix a malformed request);
 * - otherwise a status in `refreshOn` (default `[401]`) → refresh.
 */
export function decideAuth(response: Response, credential: ResolvedCredential): AuthDecision {
  const { status } = response;
  if (status < 400) return { action: 'none' };
  const challenge = bearerChallenge(response.headers);
  const error = challenge?.params.error;
  if (error === 'insufficient_claims' && (status === 401 || status === 403)) {
    const claims = challenge?.params.claims === undefined ? undefined : decodeClaims(challenge.params.claims);
    if (claims !== undefined) return { action: 'claims', reason: 'claims-challenge', claims };
  }
  if (!credential.refreshOn.includes(status)) return { action: 'none' };
  if (error === 'invalid_request') return { action: 'none' };
  if (error === 'insufficient_scope' && !credential.refreshOn.includes(403)) return { action: 'none' };
  return { action: 'refresh', reason: 'token-rejected' };
}
