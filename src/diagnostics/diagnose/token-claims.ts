import type { ResolvedCredential } from '../../credentials/define-credential.js';
import type { AccessToken } from '../../types.js';
import type { DiagnosisCheck } from '../diagnosis.js';
import { check } from './catalog.js';

/** Scopes every OpenID Connect sign-in asks for: no API grants them, so none is looked for. */
const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);

/** The claims the checks read, as text; never the token. */
export interface TokenClaims {
  aud: string[];
  granted: string[];
  /** `exp` in epoch ms, when present. */
  exp?: number;
}

/**
 * The claims of a compact JWS, decoded without verifying anything (the checks only compare them
 * with the credential), or `undefined` for an opaque or encrypted token.
 */
export function readClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const binary = atob(parts[1]!.replaceAll('-', '+').replaceAll('_', '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (!claims || typeof claims !== 'object') return undefined;
    const list = (value: unknown): string[] =>
      Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(' ') : [];
    const exp = typeof claims.exp === 'number' ? { exp: claims.exp * 1000 } : {};
    return { aud: list(claims.aud), granted: [...list(claims.scp), ...list(claims.roles)], ...exp };
  } catch {
    return undefined;
  }
}

/** `api://orders/Orders.Read` → [`api://orders`, `Orders.Read`]; a scope without a resource → [undefined, scope]. */
function splitScope(scope: string): [string | undefined, string] {
  const slash = scope.lastIndexOf('/');
  return slash <= 0 ? [undefined, scope] : [scope.slice(0, slash), scope.slice(slash + 1)];
}

const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The `token-audience` and `token-scopes` checks of `credential` for its token's claims. */
export function claimChecks(credential: ResolvedCredential, claims: TokenClaims): DiagnosisCheck[] {
  const extra = { credential: credential.name };
  const resources = [
    ...new Set(credential.scopes.map((s) => splitScope(s)[0]).filter((r) => r !== undefined)),
  ];
  const aud = claims.aud.join(' ') || '(none)';
  let audience: DiagnosisCheck;
  if (resources.length === 0) {
    audience = check(
      'token-audience',
      'skip',
      `aud is ${aud}; the scopes name no resource to compare it with`,
      extra,
    );
  } else if (claims.aud.some((a) => resources.includes(a))) {
    audience = check('token-audience', 'ok', `aud is ${aud}, the resource the scopes name`, extra);
  } else if (claims.aud.some((a) => guid.test(a) && resources.some((r) => r.includes(a)))) {
    audience = check(
      'token-audience',
      'ok',
      `aud is ${aud}, the application id in ${resources.join(' ')}`,
      extra,
    );
  } else {
    const seen = `aud is ${aud}, but the scopes name ${resources.join(' ')}`;
    const hint = claims.aud.some((a) => guid.test(a))
      ? `If ${aud} is the application (client) id of the API behind ${credential.base.origin} (v2 tokens carry it), all is well; otherwise make the scopes start with that API's Application ID URI.`
      : `The API behind ${credential.base.origin} gets a token for ${aud}: make the scopes start with its Application ID URI (${resources[0]}/…), or have the API accept ${aud}.`;
    audience = check('token-audience', 'fail', seen, { ...extra, hint });
  }
  return [audience, scopeCheck(credential, claims)];
}

/** The `token-scopes` check: each scope asked for (but `.default` and OpenID's) is granted. */
function scopeCheck(credential: ResolvedCredential, claims: TokenClaims): DiagnosisCheck {
  const extra = { credential: credential.name };
  const granted = claims.granted.join(' ') || '(none)';
  const wanted = credential.scopes.map((s) => splitScope(s)[1]).filter((s) => !oidcScopes.has(s));
  const missing = wanted.filter((s) => s !== '.default' && !claims.granted.includes(s));
  if (missing.length > 0) {
    const hint = `Grant ${missing.join(', ')} to this app (Entra ID → App registrations → API permissions → Grant admin consent) or assign the app role, then sign in again.`;
    return check('token-scopes', 'fail', `the token grants ${granted}, not ${missing.join(', ')}`, {
      ...extra,
      hint,
    });
  }
  if (claims.granted.length === 0) {
    const hint = 'Grant the app at least one delegated permission or app role of the API.';
    return check('token-scopes', 'fail', 'the token grants no scope (scp) and no role (roles)', {
      ...extra,
      hint,
    });
  }
  return check('token-scopes', 'ok', `the token grants ${granted}`, extra);
}

/**
 * The token checks of `credential`: the token the store holds (read with `peek`, which never
 * acquires), or with `acquire` one obtained through `get`. Returns the checks and the claims, for
 * the clock check.
 */
export async function tokenChecks(
  credential: ResolvedCredential,
  peek: () => AccessToken | undefined,
  get: (() => Promise<AccessToken>) | undefined,
): Promise<{ checks: DiagnosisCheck[]; token?: { claims: TokenClaims; expiresOn: Date } }> {
  const extra = { credential: credential.name };
  let token = peek();
  if (!token && get) {
    try {
      token = await get();
    } catch (error) {
      // A CalloutError, read by shape: this chunk imports nothing the page has loaded already.
      const failure = (error ?? {}) as { code?: unknown; message?: unknown; hint?: unknown };
      const known = typeof failure.code === 'string';
      const seen = `no token: ${known ? `${failure.code}: ${String(failure.message)}` : String(error)}`;
      const hint = typeof failure.hint === 'string' ? failure.hint : undefined;
      return { checks: [check('token-audience', 'fail', seen, { ...extra, hint })] };
    }
  }
  if (!token) {
    const seen = 'no token held yet: the checks read only the tokens the page already has';
    const hint = 'Make a callout through this credential first, or run diagnose({ acquire: true }).';
    return { checks: [check('token-audience', 'skip', seen, { ...extra, hint })] };
  }
  const claims = readClaims(token.accessToken);
  if (!claims) {
    const seen = 'an opaque or encrypted token: only the API can read its audience and scopes';
    return { checks: [check('token-audience', 'skip', seen, extra)] };
  }
  return { checks: claimChecks(credential, claims), token: { claims, expiresOn: token.expiresOn } };
}
