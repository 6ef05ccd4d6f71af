import type { User } from 'oidc-client-ts';
import { CalloutError } from '../diagnostics/callout-error.js';
import type { AccessToken, TokenRequest } from '../types.js';
import { fromOidcError } from './errors.js';
import type { OidcSession } from './session.js';

/** Silent acquisition could not serve: the user must interact (interaction.ts decides how). */
export interface NeedsUser {
  /** The last silent failure (`undefined`: nothing could be tried, e.g. after a sign-out). */
  failure: unknown;
}

/** OAuth errors after which the user must interact; a refused refresh token may still be replaced by the iframe. */
const needsUserErrors: ReadonlySet<string> = new Set([
  'login_required',
  'interaction_required',
  'account_selection_required',
  'consent_required',
]);

const oauthErrorOf = (error: unknown): string | undefined => {
  const code = (error as { error?: unknown } | null)?.error;
  return error instanceof Error && error.name === 'ErrorResponse' && typeof code === 'string'
    ? code
    : undefined;
};

/** Whether the hidden iframe may still help after the refresh token failed this way. */
const iframeMayHelp = (error: unknown): boolean => {
  const code = oauthErrorOf(error);
  return code === 'invalid_grant' || (code !== undefined && needsUserErrors.has(code));
};

/** Whether the hidden iframe failed because the user must interact (or never answered: blocked cookies, framing). */
const needsUser = (error: unknown): boolean =>
  needsUserErrors.has(oauthErrorOf(error) ?? '') || (error instanceof Error && error.name === 'ErrorTimeout');

/** The user a silent sign-in returned; oidc-client-ts types it nullable but returns one or throws. */
function someone(user: User | null): User {
  if (user) return user;
  throw new Error('The identity provider answered without a user');
}

/**
 * The silent chain, one network acquisition at a time for the whole provider (refresh tokens
 * rotate: two at once would spend one twice). First the held token, if this scope set was not
 * handed it yet (another scope set's renewal may have just brought it). Then the refresh token
 * (`source: 'refresh'`); when the server refuses it, it is dropped and the hidden iframe tries:
 * `prompt=none` with the login hint against the identity provider's session (`'sso-silent'`),
 * unless the user signed out here. Every result must be the expected user (`session.accept`).
 * Resolves with the token, or with {@link NeedsUser} when only the user can help — at once after
 * a sign-out, here or in another tab, until the next `signIn()`.
 */
export async function silentToken(
  session: OidcSession,
  request: TokenRequest,
): Promise<AccessToken | NeedsUser> {
  // Signed out (here or in another tab): the user and its tokens may still be held while the
  // refresh token is revoked, but nothing of them is served any more.
  if (session.signedOut) return { failure: undefined };
  for (;;) {
    const served = !request.claims || request.claims === session.grantedClaims;
    const cached = served ? await session.cached(request.scopes) : undefined;
    if (cached) return cached;
    if (!session.network) break;
    await session.network.catch(() => {});
  }
  const running = request.claims
    ? acquireWithClaims(session, request, request.claims)
    : acquire(session, request);
  session.network = running;
  try {
    return await running;
  } finally {
    if (session.network === running) session.network = undefined;
  }
}

async function acquire(session: OidcSession, request: TokenRequest): Promise<AccessToken | NeedsUser> {
  const { manager } = session;
  const scopes = request.scopes;
  const held = await session.user(scopes);
  let failure: unknown;
  if (held?.refresh_token) {
    try {
      const user = await session.accept(someone(await manager.signinSilent()), 'refresh');
      return session.token(user, scopes, 'refresh');
    } catch (error) {
      if (!iframeMayHelp(error)) throw fromOidcError(error, session.context('refresh', scopes));
      failure = error;
      held.refresh_token = undefined;
      await manager.storeUser(held);
    }
  }
  if (session.signedOut) return { failure };
  return iframeToken(session, scopes, undefined);
}

/** The hidden iframe (`prompt=none`, the login hint, `claims` when given): a token, or {@link NeedsUser}. */
async function iframeToken(
  session: OidcSession,
  scopes: readonly string[],
  claims: string | undefined,
): Promise<AccessToken | NeedsUser> {
  const { manager } = session;
  const hint = session.options.loginHint;
  try {
    const user = await manager.signinSilent({
      forceIframeAuth: true,
      scope: session.scopesFor(scopes).join(' '),
      ...(hint ? { login_hint: hint } : {}),
      ...(claims ? { extraQueryParams: session.queryWithClaims(claims) } : {}),
    });
    return session.token(await session.accept(someone(user), 'silent sign-in'), scopes, 'sso-silent');
  } catch (error) {
    if (needsUser(error)) return { failure: error };
    throw fromOidcError(error, session.context('silent sign-in', scopes));
  }
}

/**
 * A claims challenge (`request.claims`, the API's `WWW-Authenticate: … insufficient_claims`):
 * neither the held token nor a refresh grant can carry claims, so the hidden iframe asks for
 * them with the `claims` request parameter (OpenID Connect Core 5.5) against the identity
 * provider's session. When the server does not announce `claims_parameter_supported`, the
 * challenge cannot be answered: `configuration_error`, with no request. When only the user can
 * help (a step-up), the claims are kept for the next interactive sign-in.
 */
async function acquireWithClaims(
  session: OidcSession,
  request: TokenRequest,
  claims: string,
): Promise<AccessToken | NeedsUser> {
  const scopes = request.scopes;
  const metadata = await session.run('discovery', scopes, () =>
    session.manager.metadataService.getMetadata(),
  );
  if (metadata.claims_parameter_supported !== true) throw claimsUnsupported(session);
  session.wantedClaims = claims;
  if (session.signedOut) return { failure: undefined };
  const result = await iframeToken(session, scopes, claims);
  if ('accessToken' in result) session.claimsGranted();
  return result;
}

function claimsUnsupported(session: OidcSession): CalloutError {
  const host = new URL(session.options.authority).host;
  return new CalloutError({
    code: 'configuration_error',
    message: `The API asked for more claims (insufficient_claims), but ${host} does not support the OpenID Connect claims request parameter (claims_parameter_supported)`,
    hint: `Make ${host} issue the claims the API requires in every token, or have the API not challenge for them.`,
  });
}
