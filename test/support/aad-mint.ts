import type { AadEmulator } from './aad-emulator.js';
import { base64url } from './aad-tokens.js';

/** What {@link mintCode} binds a code to: an authorize request someone crafted. */
export interface MintCodeOptions {
  /** Who signs in (in a browser of their own, with a session of their own). */
  username: string;
  clientId: string;
  /** The PKCE `code_challenge` the code is bound to. */
  challenge: string;
  redirectUri: string;
  scopes: string[];
  /** The `nonce` the ID token will carry. */
  nonce?: string;
}

/**
 * Issues an authorization code from `aad` as Azure AD does for an authorize request with these
 * parameters, signed in as `username` in a browser of their own: an attacker who signs in to
 * Azure AD with their own account and puts a victim's PKCE challenge and nonce in the request
 * (a public client needs no secret, and the org's redirect page is a registered redirect URI).
 * The code's ID token carries a session id of its own, not the emulator's `session`. Returns the
 * answer's parameters (`code`, `client_info`, `session_state`), without `state`.
 */
export function mintCode(aad: AadEmulator, options: MintCodeOptions): Record<string, string> {
  const wanted = options.username.toLowerCase();
  const user = aad.state.users.find((u) => u.username.toLowerCase() === wanted);
  if (!user) throw new Error(`mintCode: the emulator has no user ${options.username}`);
  const code = `code.${crypto.randomUUID()}`;
  const sid = crypto.randomUUID();
  aad.state.codes.set(code, {
    clientId: options.clientId,
    user,
    scopes: options.scopes,
    strong: false,
    sid,
    challenge: options.challenge,
    redirectUri: options.redirectUri,
    ...(options.nonce ? { nonce: options.nonce } : {}),
  });
  const clientInfo = base64url(JSON.stringify({ uid: user.oid, utid: aad.state.tenantId }));
  return { code, client_info: clientInfo, session_state: sid };
}
