import { HttpResponse } from 'msw';
import { type AadUser, html, redirectToApp, signInPage } from './aad-pages.js';
import { pkceChallenge, signToken } from './aad-tokens.js';
import type { OidcContext, OidcGrant } from './oidc-emulator.js';

const noStore = { 'cache-control': 'no-store' };
const identityScopes = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Redirects back to the app with `values` in the query (the code flow's default) or as response_mode asks. */
function redirectBack(params: URLSearchParams, values: Record<string, string>): Response {
  return redirectToApp(params, values, 'query');
}

function tokenError(error: string, description: string, status = 400): Response {
  return HttpResponse.json({ error, error_description: description }, { status, headers: noStore });
}

/** The `access_token.acrs` values the `claims` request parameter asks for (none when absent or not JSON). */
export function requestedAcrs(params: URLSearchParams): string[] {
  try {
    const claims = JSON.parse(params.get('claims') ?? '{}') as {
      access_token?: { acrs?: { value?: unknown; values?: unknown } };
    };
    const acrs = claims.access_token?.acrs;
    const values = Array.isArray(acrs?.values) ? acrs.values : [acrs?.value];
    return values.filter((value): value is string => typeof value === 'string');
  } catch {
    return [];
  }
}

/** A new single-use code for `user`, bound to the request's client, redirect URI, PKCE challenge and nonce. */
function issueCode(ctx: OidcContext, params: URLSearchParams, user: AadUser): Response {
  const code = `code.${crypto.randomUUID()}`;
  const nonce = params.get('nonce');
  const acrs = requestedAcrs(params);
  ctx.state.codes.set(code, {
    clientId: params.get('client_id') ?? '',
    user,
    scopes: (params.get('scope') ?? '').split(' ').filter(Boolean),
    authTime: Math.floor(Date.now() / 1000),
    family: crypto.randomUUID(),
    challenge: params.get('code_challenge') ?? '',
    redirectUri: params.get('redirect_uri') ?? '',
    ...(nonce ? { nonce } : {}),
    ...(acrs.length > 0 ? { acrs } : {}),
  });
  return redirectBack(params, { code, session_state: ctx.state.session?.sid ?? '' });
}

/** `prompt=none`: answered from the session; `login_required` without one. */
function silentAnswer(ctx: OidcContext, params: URLSearchParams): Response {
  ctx.counters.silentAuthorize++;
  // A browser that blocks third-party cookies sends the frame's request without the session cookie.
  const session = ctx.faults.thirdPartyCookiesBlocked ? undefined : ctx.state.session;
  const user = ctx.findUser(session?.username ?? null);
  if (!session || !user) {
    return redirectBack(params, { error: 'login_required', error_description: 'No session' });
  }
  const forced = ctx.findUser(ctx.faults.authorizeAs ?? null);
  if (forced) return issueCode(ctx, params, forced);
  if (requestedAcrs(params).some((value) => ctx.state.stepUp.has(value))) {
    return redirectBack(params, { error: 'interaction_required', error_description: 'Step-up needed' });
  }
  const hinted = params.get('login_hint');
  if (hinted && ctx.findUser(hinted)?.username !== user.username) {
    return redirectBack(params, {
      error: 'interaction_required',
      error_description: 'The session belongs to another user',
    });
  }
  return issueCode(ctx, params, user);
}

/** Any other prompt: signs the hinted (or first) user in at once, or shows "pick an account". */
function interactiveAnswer(ctx: OidcContext, url: URL): Response {
  const params = url.searchParams;
  ctx.counters.signInPage++;
  const picked = ctx.findUser(params.get('emulator_user'));
  const hinted = ctx.findUser(params.get('login_hint'));
  const user = picked ?? (ctx.state.autoSignIn ? (hinted ?? ctx.users[0]) : undefined);
  if (user) {
    ctx.state.session = { username: user.username, sid: crypto.randomUUID() };
    return issueCode(ctx, params, user);
  }
  return html(
    signInPage(hinted ? [hinted] : ctx.users, (choice) => {
      const next = new URL(url);
      next.searchParams.set('emulator_user', choice.username);
      return next.href;
    }),
  );
}

/** `GET <origin>/idp/authorize`: client, redirect URI and PKCE S256 checked first. */
export function authorizeHandler(ctx: OidcContext): (info: { request: Request }) => Response {
  return ({ request }) => {
    ctx.counters.authorize++;
    const url = new URL(request.url);
    const params = url.searchParams;
    ctx.received.authorize.push(new URLSearchParams(params));
    if (params.has('claims')) ctx.counters.claimsAuthorize++;
    if (!params.get('client_id') || !ctx.redirectUriAllowed(params.get('redirect_uri') ?? '')) {
      return html('<!doctype html><title>Error</title><p>Invalid client or redirect_uri</p>', 400);
    }
    if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256') {
      return redirectBack(params, { error: 'invalid_request', error_description: 'PKCE S256 is required' });
    }
    return params.get('prompt') === 'none' ? silentAnswer(ctx, params) : interactiveAnswer(ctx, url);
  };
}

/** Signs the access and ID tokens of `grant` and a new refresh token of its family, as the token response. */
async function issueTokens(ctx: OidcContext, grant: OidcGrant, nonce?: string): Promise<Response> {
  const { state } = ctx;
  const key = await ctx.key();
  const lifetime = state.accessTokenLifetime;
  const api = grant.scopes.filter((s) => !identityScopes.has(s));
  const first = api[0] ?? '';
  const slash = first.lastIndexOf('/');
  const common = { iss: ctx.issuer, sub: grant.user.oid, preferred_username: grant.user.username };
  const accessToken = await signToken(
    key,
    {
      ...common,
      aud: slash > 0 ? first.slice(0, slash) : 'account',
      azp: grant.clientId,
      scp: api.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(' '),
      scope: grant.scopes.join(' '),
      sid: state.session?.sid,
      ...(grant.acrs ? { acrs: grant.acrs } : {}),
    },
    lifetime,
  );
  const idToken = await signToken(
    key,
    {
      ...common,
      aud: grant.clientId,
      azp: grant.clientId,
      email: grant.user.username,
      name: grant.user.name,
      auth_time: grant.authTime,
      ...(nonce ? { nonce } : {}),
    },
    lifetime,
  );
  const refreshToken = `rt.${crypto.randomUUID()}`;
  state.refreshTokens.set(refreshToken, grant);
  state.issued.push(accessToken, idToken, refreshToken);
  return HttpResponse.json(
    {
      token_type: 'Bearer',
      access_token: accessToken,
      expires_in: lifetime,
      refresh_token: refreshToken,
      id_token: idToken,
      scope: grant.scopes.join(' '),
    },
    { headers: noStore },
  );
}

async function redeemCode(ctx: OidcContext, form: URLSearchParams): Promise<Response> {
  ctx.counters.authorizationCodeGrants++;
  const code = form.get('code') ?? '';
  const grant = ctx.state.codes.get(code);
  ctx.state.codes.delete(code);
  if (!grant || grant.clientId !== form.get('client_id')) return tokenError('invalid_grant', 'Invalid code');
  if (grant.redirectUri !== form.get('redirect_uri'))
    return tokenError('invalid_grant', 'redirect_uri differs');
  const verifier = form.get('code_verifier') ?? '';
  if (!verifier || (await pkceChallenge(verifier)) !== grant.challenge) {
    return tokenError('invalid_grant', 'PKCE verification failed');
  }
  const { challenge: _c, redirectUri: _r, nonce, ...kept } = grant;
  return issueTokens(ctx, kept, nonce);
}

/** Rotation: a refresh token is spent when used; presenting a spent one revokes its family. */
function redeemRefreshToken(ctx: OidcContext, form: URLSearchParams): Promise<Response> | Response {
  const { state } = ctx;
  ctx.counters.refreshTokenGrants++;
  const presented = form.get('refresh_token') ?? '';
  const grant = state.refreshTokens.get(presented);
  if (ctx.faults.refreshRefused) return tokenError('invalid_grant', 'Token is not active');
  if (!grant || grant.clientId !== form.get('client_id')) {
    const family = state.spent.get(presented);
    if (family) {
      for (const [token, live] of state.refreshTokens) {
        if (live.family !== family) continue;
        state.refreshTokens.delete(token);
        state.spent.set(token, family);
      }
    }
    return tokenError('invalid_grant', 'Token is not active');
  }
  state.refreshTokens.delete(presented);
  state.spent.set(presented, grant.family);
  return issueTokens(ctx, grant);
}

/** `POST <token endpoint>`: authorization codes and rotating refresh tokens; the faults of `ctx.faults`. */
export function tokenHandler(ctx: OidcContext): (info: { request: Request }) => Promise<Response> {
  return async ({ request }) => {
    ctx.counters.token++;
    const form = new URLSearchParams(await request.text());
    ctx.received.token.push(new URLSearchParams(form));
    const fault = ctx.faults.tokenEndpoint;
    if (fault === 'cors') return Response.error();
    if (fault === 'server-error') return tokenError('server_error', 'Unexpected failure', 500);
    if (fault === 'garbage') return html('<html><body>Bad gateway</body></html>', 502);
    if (fault === 'invalid-client') return tokenError('invalid_client', 'Unknown client', 401);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') return redeemCode(ctx, form);
    if (grantType === 'refresh_token') return redeemRefreshToken(ctx, form);
    return tokenError('unsupported_grant_type', `Unsupported grant_type ${grantType ?? ''}`);
  };
}

/** `POST <revocation endpoint>` (RFC 7009): a refresh token is spent, an access token forgotten; always 200. */
export function revocationHandler(ctx: OidcContext): (info: { request: Request }) => Promise<Response> {
  return async ({ request }) => {
    ctx.counters.revocation++;
    const form = new URLSearchParams(await request.text());
    ctx.received.revocation.push(new URLSearchParams(form));
    const token = form.get('token') ?? '';
    const grant = ctx.state.refreshTokens.get(token);
    if (grant) {
      ctx.state.refreshTokens.delete(token);
      ctx.state.spent.set(token, grant.family);
    }
    return new Response(null, { status: 200, headers: noStore });
  };
}

/** `GET <origin>/idp/logout`: ends the session, then goes back to `post_logout_redirect_uri` with `state`. */
export function endSessionHandler(ctx: OidcContext): (info: { request: Request }) => Response {
  return ({ request }) => {
    ctx.counters.endSession++;
    const params = new URL(request.url).searchParams;
    ctx.received.endSession.push(new URLSearchParams(params));
    ctx.state.session = undefined;
    const back = params.get('post_logout_redirect_uri');
    if (!back || !ctx.redirectUriAllowed(back)) {
      return html('<!doctype html><title>Signed out</title><p>You are signed out.</p>');
    }
    const target = new URL(back);
    const state = params.get('state');
    if (state) target.searchParams.set('state', state);
    return new Response(null, { status: 302, headers: { location: target.href, ...noStore } });
  };
}
