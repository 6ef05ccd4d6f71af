import { type CryptoKey, exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';

/** The emulator's signing key: a private key for signing and its public JWKS. */
export interface SigningKey {
  privateKey: CryptoKey;
  jwks: JSONWebKeySet;
  kid: string;
}

/**
 * Generates an RS256 key pair for one emulator. Called once, lazily, the first time a token is
 * signed or the JWKS is served.
 */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = crypto.randomUUID();
  const jwk = await exportJWK(publicKey);
  return { privateKey, kid, jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] } };
}

/**
 * Signs `claims` as an RS256 JWT that expires `lifetimeSeconds` from now. Every token gets a
 * unique `jti` and `uti`, so two tokens issued in the same second differ.
 */
export async function signToken(
  key: SigningKey,
  claims: Record<string, unknown>,
  lifetimeSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, uti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setJti(crypto.randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(key.privateKey);
}

/** base64url of a UTF-8 string, without padding. */
export function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return bytesToBase64url(bytes);
}

/** base64url of bytes, without padding. */
export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (or base64) into a UTF-8 string; `undefined` when it is not valid. */
export function fromBase64url(encoded: string): string | undefined {
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The PKCE S256 challenge of `verifier`: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return bytesToBase64url(new Uint8Array(digest));
}
