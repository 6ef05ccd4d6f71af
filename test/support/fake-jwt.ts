import { base64url } from './aad-tokens.js';

/**
 * An unsigned JWT-shaped token with `claims`, for tests whose code only reads claims (the
 * diagnostics panel, `diagnose()`): nothing verifies its signature. A `jti` makes each one unique.
 */
export function fakeJwt(claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ jti: crypto.randomUUID(), ...claims }));
  return `${header}.${payload}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}
