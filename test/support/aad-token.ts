import { HttpResponse } from 'msw';
import { type EmulatorContext, opaqueHintFor, parseClaims } from './aad-context.js';
import { idTokenNames, tokenErrorFor } from './aad-dialect.js';
import type { Grant } from './aad-emulator.js';
import { type AadError, aadErrors } from './aad-errors.js';
import { html } from './aad-pages.js';
import { pkceChallenge, signToken } from './aad-tokens.js';

const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);
const graphResource = '00000003-0000-0000-c000-000000000000';
const noStore = { 'cache-control': 'no-store' };

/** The resource (audience) of a scope like `api://orders/Orders.Read`; Graph for none. */
function resourceOf(scope: string | undefined): string {
  if (!scope) return graphResource;
  const slash = scope.lastIndexOf('/');
  return slash > 0 ? scope.slice(0, slash) : graphResource;
}

function tokenError(ctx: EmulatorContext, error: AadError, status = 400): Response {
  return HttpResponse.json(tokenErrorFor(ctx.dialect, error), {
    status,
    headers: { ...noStore, 'x-ms-request-id': crypto.randomUUID() },
  });
}

/** The access token of `grant` (its API scopes as `scp`, the claims `claimsParam` asked for). */
async function accessTokenFor(
  ctx: EmulatorContext,
  grant: Grant,
  claimsParam: string | null,
): Promise<string> {
  const resourceScopes = grant.scopes.filter((s) => !oidcScopes.has(s));
  const requested = parseClaims(claimsParam);
  const acrs = requested.acrs as { value?: string; values?: string[] } | undefined;
  return signToken(
    await ctx.key(),
    {
      iss: ctx.issuer,
      tid: ctx.tenantId,
      oid: grant.user.oid,
      sub: grant.user.oid,
      preferred_username: grant.user.username,
      name: grant.user.name,
      ver: '2.0',
      aud: resourceOf(resourceScopes[0]),
      azp: grant.clientId,
      scp: resourceScopes.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(' ') || 'User.Read',
      ...(acrs ? { acrs: acrs.values ?? (acrs.value ? [acrs.value] : []) } : {}),
      ...(requested.xms_cc ? { xms_cc: ['CP1'] } : {}),
    },
    ctx.state.accessTokenLifetime,
  );
}

/**
 * Signs access and ID tokens for `grant` and a new refresh token (rotation), as the token response.
 * The refresh token expires at `refreshExpiresAt`: the lifetime from now for a code, the presented
 * token's expiry for a refresh — as Entra ID does for single-page apps, whose later refresh tokens
 * "carry over that expiration time" — and `refresh_token_expires_in` says what is left of it.
 */
async function issueTokens(
  ctx: EmulatorContext,
  grant: Grant,
  claimsParam: string | null,
  options: { nonce?: string | undefined; refreshExpiresAt?: number } = {},
): Promise<Response> {
  const { nonce } = options;
  const { state } = ctx;
  const lifetime = state.accessTokenLifetime;
  const resourceScopes = grant.scopes.filter((s) => !oidcScopes.has(s));
  const loginHint = opaqueHintFor(grant.user.username);
  const idToken = await signToken(
    await ctx.key(),
    {
      iss: ctx.issuer,
      sub: grant.user.oid,
      ver: '2.0',
      ...idTokenNames(ctx.dialect, grant.user, { tenantId: ctx.tenantId, loginHint }),
      aud: grant.clientId,
      sid: grant.sid ?? state.session?.sid,
      ...(nonce ? { nonce } : {}),
    },
    lifetime,
  );
  const refreshToken = `rt.${crypto.randomUUID()}`;
  const expiresAt = options.refreshExpiresAt ?? Date.now() + state.refreshTokenLifetime * 1000;
  state.refreshTokens.set(refreshToken, { ...grant, expiresAt });
  return HttpResponse.json(
    {
      token_type: 'Bearer',
      scope: resourceScopes.length > 0 ? resourceScopes.join(' ') : `https://graph.emulator.test/User.Read`,
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: await accessTokenFor(ctx, grant, claimsParam),
      refresh_token: refreshToken,
      refresh_token_expires_in: Math.max(0, Math.floor((expiresAt - Date.now()) / 1000)),
      id_token: idToken,
      ...(ctx.dialect === 'aad' ? { client_info: ctx.clientInfo(grant.user) } : {}),
    },
    { headers: { ...noStore, 'x-ms-request-id': crypto.randomUUID() } },
  );
}

/** `grant_type=authorization_code`: single-use code, same client and redirect URI, PKCE S256. */
async function redeemCode(ctx: EmulatorContext, form: URLSearchParams, scopes: string[]): Promise<Response> {
  ctx.counters.authorizationCodeGrants++;
  if (ctx.faults.webPlatform) return tokenError(ctx, aadErrors.redirectUriNotSpa);
  const code = form.get('code') ?? '';
  const grant = ctx.state.codes.get(code);
  ctx.state.codes.delete(code);
  if (!grant || grant.clientId !== form.get('client_id')) return tokenError(ctx, aadErrors.badCode);
  if (grant.redirectUri !== form.get('redirect_uri')) return tokenError(ctx, aadErrors.redirectUriMismatch);
  const verifier = form.get('code_verifier') ?? '';
  if (!verifier || (await pkceChallenge(verifier)) !== grant.challenge) {
    return tokenError(ctx, aadErrors.pkceMismatch);
  }
  const claims = form.get('claims');
  if (claims && ctx.needsInteraction(claims) && !grant.strong) return tokenError(ctx, aadErrors.mfaRequired);
  return issueTokens(ctx, { ...grant, scopes: scopes.length > 0 ? scopes : grant.scopes }, claims, {
    nonce: grant.nonce,
  });
}

/** `grant_type=refresh_token`: each refresh token is good for one use (rotation); its successor keeps its expiry. */
function redeemRefreshToken(
  ctx: EmulatorContext,
  form: URLSearchParams,
  scopes: string[],
): Promise<Response> | Response {
  const { state, faults } = ctx;
  ctx.counters.refreshTokenGrants++;
  const presented = form.get('refresh_token') ?? '';
  const grant = state.refreshTokens.get(presented);
  if (faults.refreshTokenExpired) return tokenError(ctx, aadErrors.refreshTokenExpired);
  if (!grant || grant.clientId !== form.get('client_id')) return tokenError(ctx, aadErrors.badRefreshToken);
  state.refreshTokens.delete(presented);
  if (grant.expiresAt <= Date.now()) return tokenError(ctx, aadErrors.refreshTokenExpired);
  const claims = form.get('claims');
  if (claims && ctx.needsInteraction(claims) && !grant.strong) return tokenError(ctx, aadErrors.mfaRequired);
  const user = ctx.findUser(faults.refreshAs ?? null) ?? grant.user;
  const { expiresAt, ...kept } = grant;
  const renewed = { ...kept, user, scopes: scopes.length > 0 ? scopes : grant.scopes };
  return issueTokens(ctx, renewed, claims, { refreshExpiresAt: expiresAt });
}

/**
 * `POST https://<host>/<tenant>/oauth2/v2.0/token`: authorization codes (PKCE checked) and
 * rotating refresh tokens, RS256 tokens with a unique `jti`; the faults of `ctx.faults`.
 */
export function tokenHandler(ctx: EmulatorContext): (info: { request: Request }) => Promise<Response> {
  return async ({ request }) => {
    const { counters, faults } = ctx;
    counters.token++;
    const form = new URLSearchParams(await request.text());
    ctx.received.token.push(new URLSearchParams(form));
    if (Object.keys(parseClaims(form.get('claims'))).some((k) => k !== 'xms_cc')) counters.claimsRequests++;
    if (faults.tokenEndpoint === 'server-error') return tokenError(ctx, aadErrors.serverError, 500);
    if (faults.tokenEndpoint === 'garbage') return html('<html><body>Service unavailable</body></html>', 200);
    if (faults.tokenEndpoint === 'timeout') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return new Response('Gateway Timeout', { status: 504, headers: { 'content-type': 'text/plain' } });
    }
    if (!ctx.clientAllowed(form.get('client_id'))) return tokenError(ctx, aadErrors.badClient);
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') return redeemCode(ctx, form, scopes);
    if (grantType === 'refresh_token') return redeemRefreshToken(ctx, form, scopes);
    return tokenError(ctx, {
      error: 'unsupported_grant_type',
      code: 70003,
      description: `The app requested an unsupported grant type '${grantType ?? ''}'.`,
    });
  };
}

/** `GET <origin>/<tenant>/oauth2/v2.0/logout`: ends the session and goes back to the post-logout page. */
export function logoutHandler(ctx: EmulatorContext): (info: { request: Request }) => Response {
  return ({ request }) => {
    ctx.counters.logout++;
    const params = new URL(request.url).searchParams;
    ctx.received.logout.push(new URLSearchParams(params));
    ctx.state.session = undefined;
    const back = params.get('post_logout_redirect_uri');
    if (!back || !ctx.redirectUriAllowed(back)) {
      return html('<!doctype html><title>Signed out</title><p>You signed out of your account.</p>');
    }
    // Like Azure AD, hand `state` back: MSAL's redirect bridge needs it to finish a logout popup.
    const target = new URL(back);
    const stateParam = params.get('state');
    if (stateParam) target.searchParams.set('state', stateParam);
    return new Response(null, { status: 302, headers: { location: target.href, ...noStore } });
  };
}
