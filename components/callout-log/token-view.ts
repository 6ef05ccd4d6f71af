import type { AccessToken, Callout, CalloutEventMap } from '../../src/index.js';

/** What the diagnostics panel may show about a token: selected claims and a masked form. */
export interface TokenView {
  credential: string;
  /** The token with all but its first four characters hidden, plus its length. */
  masked: string;
  expiresOn: Date;
  scopes: string[];
  /** Audience (`aud`). */
  audience?: string;
  /** Delegated scopes (`scp`) or app roles (`roles`). */
  scp?: string;
  roles?: string;
  /** Who the token is for (`upn`, else `preferred_username`, else `unique_name`). */
  upn?: string;
  /** Expiry from the token itself (`exp`), when it is a JWT. */
  exp?: Date;
  /** Why no claims are shown (an opaque or encrypted token). */
  note?: string;
}

/** Masks a token: its first four characters (a JWT header's `eyJ0`), bullets, and its length. */
function maskToken(token: string): string {
  return `${token.slice(0, 4)}••••••••••••(${token.length} characters)`;
}

/**
 * The payload of a compact JWS (`header.payload.signature`), base64url-decoded and parsed — no
 * signature check: the panel only displays claims, it never trusts them. Throws for anything else
 * (an opaque token, a five-part encrypted JWE, a payload that is not a JSON object).
 */
function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const [, payload, , extra] = jwt.split('.');
  if (!payload || extra !== undefined || jwt.split('.').length !== 3) throw new TypeError('Not a JWS');
  const binary = atob(payload.replaceAll('-', '+').replaceAll('_', '/'));
  const claims: unknown = JSON.parse(
    new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))),
  );
  if (!claims || typeof claims !== 'object' || Array.isArray(claims))
    throw new TypeError('Not a JWT claims set');
  return claims as Record<string, unknown>;
}

/**
 * Decodes the claims the panel shows with {@link decodeJwtPayload} (reading only: no signature
 * check, no jose in the bundle). An opaque or encrypted token yields a note instead of claims.
 */
export function toTokenView(credential: string, token: AccessToken): TokenView {
  const base: TokenView = {
    credential,
    masked: maskToken(token.accessToken),
    expiresOn: token.expiresOn,
    scopes: [...token.scopes],
  };
  try {
    const claims = decodeJwtPayload(token.accessToken);
    const text = (value: unknown) =>
      value === undefined ? undefined : Array.isArray(value) ? value.join(' ') : String(value);
    const audience = text(claims.aud);
    const scp = text(claims.scp);
    const roles = text(claims.roles);
    const upn = text(claims.upn ?? claims.preferred_username ?? claims.unique_name);
    return {
      ...base,
      ...(audience === undefined ? {} : { audience }),
      ...(scp === undefined ? {} : { scp }),
      ...(roles === undefined ? {} : { roles }),
      ...(upn === undefined ? {} : { upn }),
      ...(typeof claims.exp === 'number' ? { exp: new Date(claims.exp * 1000) } : {}),
    };
  } catch {
    return { ...base, note: 'Not a readable JWT (an opaque or encrypted token): no claims to show.' };
  }
}

/** `4 min 05 s`, `12 s`, or `expired`: time left until `date`, counted from `now`. */
export function countdown(date: Date, now: number): string {
  const seconds = Math.floor((date.getTime() - now) / 1000);
  if (seconds <= 0) return 'expired';
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${String(seconds % 60).padStart(2, '0')} s` : `${seconds} s`;
}

/**
 * The token views after a `token` event: the token it announced, read with `peekToken` (the
 * store's fresh token, no acquisition, no event), replaces the credential's view. Tokens served
 * from the store are already shown; tokens for a claims challenge are not the credential's usual
 * token. A token shared by another tab names no credential, so every credential of its provider
 * is read. Returns `tokens` itself when nothing changed.
 */
export function tokensAfter(
  callout: Callout,
  tokens: ReadonlyMap<string, TokenView>,
  event: CalloutEventMap['token'],
): Map<string, TokenView> {
  const { credential, provider, source, claims, fromOtherTab } = event.detail;
  if (claims || (source === 'store' && !fromOtherTab)) return tokens as Map<string, TokenView>;
  const names = credential
    ? [credential]
    : callout.credentials
        .list()
        .filter((definition) => definition.provider === provider)
        .map((definition) => definition.name);
  const views = names.flatMap((name) => {
    const token = callout.peekToken(name);
    return token ? [[name, toTokenView(name, token)] as const] : [];
  });
  return views.length > 0 ? new Map([...tokens, ...views]) : (tokens as Map<string, TokenView>);
}

/** The token views without those of the credentials that use `provider` (it signed out). */
export function tokensWithout(
  callout: Callout,
  tokens: ReadonlyMap<string, TokenView>,
  provider: string,
): Map<string, TokenView> {
  const remaining = new Map(tokens);
  for (const name of tokens.keys()) {
    const credential = callout.credentials.get(name);
    if (!credential || credential.provider === provider) remaining.delete(name);
  }
  return remaining;
}
