import { type AadError, describeAadError, tokenErrorBody } from './aad-errors.js';
import type { AadUser } from './aad-pages.js';

/**
 * How the emulated identity provider speaks: `aad` like Entra ID (AADSTS codes in errors,
 * `client_info`, ID tokens with `preferred_username`, `oid`, `tid` and an opaque `login_hint`), or
 * `oidc` like a plain OpenID Connect server (errors with only `error` and `error_description`, no
 * `client_info`, ID tokens whose only name for the user is `email`).
 */
export type AadDialect = 'aad' | 'oidc';

/** The query parameters of an authorize error redirect. */
export function authorizeErrorParams(
  dialect: AadDialect,
  error: AadError,
  host: string,
): Record<string, string> {
  if (dialect === 'oidc') return { error: error.error, error_description: error.description };
  return {
    error: error.error,
    error_description: describeAadError(error),
    error_codes: String(error.code),
    error_uri: `https://${host}/error?code=${error.code}`,
  };
}

/** The token endpoint's JSON error body. */
export function tokenErrorFor(dialect: AadDialect, error: AadError): Record<string, unknown> {
  return dialect === 'oidc'
    ? { error: error.error, error_description: error.description }
    : tokenErrorBody(error);
}

/** The ID token claims that name `user` (besides `iss`, `aud`, `sub`, `nonce`, `sid`). */
export function idTokenNames(
  dialect: AadDialect,
  user: AadUser,
  aad: { tenantId: string; loginHint: string },
): Record<string, string> {
  if (dialect === 'oidc') return { email: user.username, name: user.name };
  return {
    tid: aad.tenantId,
    oid: user.oid,
    preferred_username: user.username,
    name: user.name,
    login_hint: aad.loginHint,
  };
}
