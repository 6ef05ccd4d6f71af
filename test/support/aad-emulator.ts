import type { JSONWebKeySet } from 'jose';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { type AadDialect, authorizeErrorParams, idTokenNames, tokenErrorFor } from './aad-dialect.js';
import { type AadError, aadErrors } from './aad-errors.js';
import { type AadUser, errorPage, html, signInPage } from './aad-pages.js';
import {
  base64url,
  createSigningKey,
  fromBase64url,
  pkceChallenge,
  type SigningKey,
  signToken,
} from './aad-tokens.js';

export type { AadUser } from './aad-pages.js';

/** Options of {@link createAadEmulator}. Every field has a working default. */
export interface AadEmulatorOptions {
  /** Origin the authorize and logout pages are served from (must be the page's own). Default `location.origin`. */
  origin?: string;
  /** Fake https host of the authority, token endpoint and JWKS. Default `login.emulator.test`. */
  host?: string;
  /** Tenant id. Default a fixed GUID. */
  tenantId?: string;
  /** Client ids the tenant knows; others get AADSTS700016. Default: any. */
  clientIds?: string[];
  /** Redirect URIs registered under the SPA platform; others get AADSTS50011. Default: any on `origin`. */
  redirectUris?: string[];
  /** Users of the tenant. Default Jane and Sam at contoso.com. */
  users?: AadUser[];
  /** Username with an Azure AD session (the SSO cookie), or `null` for none. Default the first user. */
  session?: string | null;
  /** Access and ID token lifetime in seconds. Default 3600. */
  accessTokenLifetime?: number;
  /** Refresh token lifetime in seconds. Default 86 400 (SPA refresh tokens last 24 h). */
  refreshTokenLifetime?: number;
  /**
   * Whether interactive sign-in completes at once as the hinted (or first) user, as if they picked
   * the account. Default true; with false the "pick an account" page waits for a click.
   */
  autoSignIn?: boolean;
  /** `aad` (default) answers like Entra ID; `oidc` like a plain OpenID Connect server (see aad-dialect.ts). */
  dialect?: AadDialect;
}

/** What the emulator knows and remembers. Tests may change `session` and the lifetimes at any time. */
export interface AadEmulatorState {
  tenantId: string;
  users: AadUser[];
  session: { username: string; sid: string } | undefined;
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  autoSignIn: boolean;
  /** Outstanding authorization codes (single use). */
  codes: Map<string, Grant & { challenge: string; redirectUri: string; nonce?: string }>;
  /** Valid refresh tokens; each is removed when redeemed (rotation). */
  refreshTokens: Map<string, Grant & { expiresAt: number }>;
}

export interface Grant {
  clientId: string;
  user: AadUser;
  scopes: string[];
  /** The grant came from an interactive sign-in, which satisfies MFA / claims challenges. */
  strong: boolean;
  /** The session the grant belongs to, when not the emulator's own (see aad-mint.ts). */
  sid?: string;
}

/** Requests the emulator answered, by kind. Tests assert on these. */
export interface AadEmulatorCounters {
  openidConfiguration: number;
  jwks: number;
  /** Every authorize request (silent and interactive). */
  authorize: number;
  /** Authorize requests with `prompt=none` (hidden iframe: ssoSilent). */
  silentAuthorize: number;
  /** Interactive sign-in pages shown (popup or redirect). */
  signInPage: number;
  /** Every token endpoint request. */
  token: number;
  authorizationCodeGrants: number;
  refreshTokenGrants: number;
  /**
   * Token requests that carried a claims challenge (MSAL 5 sends `claims` on every request; only
   * access-token claims beyond the `xms_cc` client capabilities count).
   */
  claimsRequests: number;
  logout: number;
}

/**
 * The parameters of every request the emulator answered, in order, so tests can assert on what
 * MSAL actually sent (`domain_hint`, `sid`, `claims` with `xms_cc` …).
 */
export interface AadEmulatorReceived {
  /** Query parameters of each authorize request (silent and interactive). */
  authorize: URLSearchParams[];
  /** Form parameters of each token endpoint request. */
  token: URLSearchParams[];
  /** Query parameters of each logout (end-session) request. */
  logout: URLSearchParams[];
}

/** Faults to inject. Set a field to make the next requests fail that way; reset it to heal. */
export interface AadEmulatorFaults {
  /** Silent authorize answers consent_required (AADSTS65001) until an interactive sign-in consents. */
  consentMissing: boolean;
  /** Refresh grants answer invalid_grant AADSTS700084 (the 24 h SPA refresh token expired). */
  refreshTokenExpired: boolean;
  /** The token endpoint answers 500 server_error, 504 after a pause, or a non-JSON page. */
  tokenEndpoint: 'server-error' | 'timeout' | 'garbage' | undefined;
  /** The client is registered under the Web platform, not SPA: code redemption answers AADSTS9002326. */
  webPlatform: boolean;
  /** Requests with a `claims` challenge need MFA (AADSTS50076) unless the grant came from an interactive sign-in. */
  claimsNeedInteraction: boolean;
  /** The user declines on the interactive sign-in page: it answers access_denied (AADSTS65004). */
  signInDeclined: boolean;
  /**
   * The authorize endpoint (silent and interactive) answers as this user whatever `login_hint`
   * or `sid` asks for, as OIDC servers that ignore `login_hint` do, or as a user who picks
   * another account. Silent requests still need a session.
   */
  authorizeAs: string | undefined;
  /** Refresh grants answer with tokens for this user (a compromised token endpoint, a poisoned cache). */
  refreshAs: string | undefined;
}

/** The emulator: MSW handlers plus the knobs and counters tests use. */
export interface AadEmulator {
  handlers: RequestHandler[];
  state: AadEmulatorState;
  counters: AadEmulatorCounters;
  /** What each request carried; emptied by {@link AadEmulator.resetCounters} too. */
  received: AadEmulatorReceived;
  faults: AadEmulatorFaults;
  /** `https://<host>/<tenant>`: the authority to give MSAL. */
  authority: string;
  /** The token endpoint URL. */
  tokenEndpoint: string;
  /** The openid-configuration document as a JSON string (MSAL's `authorityMetadata`). */
  authorityMetadata: string;
  /** The MSAL `auth` options that point at this emulator without any discovery request. */
  msalAuth: { authority: string; knownAuthorities: string[]; authorityMetadata: string };
  /** The public signing keys (JWKS), for APIs that validate the emulator's tokens. */
  jwks(): Promise<JSONWebKeySet>;
  /** The token issuer (`iss`). */
  issuer: string;
  /** Sets every counter back to zero and forgets what was received. */
  resetCounters(): void;
}

const defaultUsers: AadUser[] = [
  { oid: '6f0b7c4a-0d6e-4f6e-9a55-3f1f2b0c1a01', username: 'jane@contoso.com', name: 'Jane Doe' },
  { oid: '6f0b7c4a-0d6e-4f6e-9a55-3f1f2b0c1a02', username: 'sam@contoso.com', name: 'Sam Lee' },
];

const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);
const graphResource = '00000003-0000-0000-c000-000000000000';

/**
 * Creates an Azure AD v2 emulator as MSW request handlers, close enough to the real service that
 * the real MSAL library cannot tell the difference:
 *
 * - `GET https://<host>/<tenant>/v2.0/.well-known/openid-configuration` and the JWKS;
 * - `GET <origin>/<tenant>/oauth2/v2.0/authorize` on the page's own origin, so hidden
 *   iframes and popups navigate through MSW: `prompt=none` is answered from the emulated SSO
 *   session (honouring `login_hint` and `sid`) with a redirect carrying a code or an AADSTS error;
 *   other prompts show a "pick an account" page that signs in and consents;
 * - `POST https://<host>/<tenant>/oauth2/v2.0/token`: authorization code with PKCE S256 check,
 *   refresh tokens that rotate on every use, `client_info`, RS256 access and ID tokens (with a
 *   unique `jti`) carrying `aud`, `scp`, `oid`, `tid`, `preferred_username`, `login_hint`, `nonce`;
 * - `GET <origin>/<tenant>/oauth2/v2.0/logout`, which ends the session.
 *
 * Nothing is sent anywhere: handlers run in the page. The signing key is generated on first use.
 *
 * @example
 * ```ts
 * const aad = createAadEmulator({ session: 'jane@contoso.com', accessTokenLifetime: 30 });
 * const worker = setupWorker(...aad.handlers);
 * await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
 * const provider = msalProvider({ clientId, redirectUri, loginHint: 'jane@contoso.com', msal: { auth: aad.msalAuth } });
 * ```
 */
export function createAadEmulator(options: AadEmulatorOptions = {}): AadEmulator {
  const origin = options.origin ?? globalThis.location.origin;
  const host = options.host ?? 'login.emulator.test';
  const tenantId = options.tenantId ?? '72f988bf-0000-4000-8000-2d7cd011db47';
  const users = options.users ?? defaultUsers;
  const authority = `https://${host}/${tenantId}`;
  const issuer = `${authority}/v2.0`;
  // MSAL treats the first path segment of the authorize endpoint as the tenant: keep it first.
  const pagesBase = `${origin}/${tenantId}/oauth2/v2.0`;
  const tokenEndpoint = `${authority}/oauth2/v2.0/token`;
  const jwksUri = `${authority}/discovery/v2.0/keys`;
  const metadata = {
    token_endpoint: tokenEndpoint,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: jwksUri,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `https://${host}/oidc/userinfo`,
    authorization_endpoint: `${pagesBase}/authorize`,
    device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${pagesBase}/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'oid',
    ],
    kerberos_endpoint: `${authority}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'emulator.test',
    cloud_graph_host_name: 'graph.emulator.test',
    msgraph_host: 'graph.emulator.test',
    rbac_url: 'https://pas.emulator.test',
  };
  const authorityMetadata = JSON.stringify(metadata);

  const initialSession = options.session === undefined ? users[0]?.username : options.session;
  const state: AadEmulatorState = {
    tenantId,
    users,
    session: initialSession ? { username: initialSession, sid: crypto.randomUUID() } : undefined,
    accessTokenLifetime: options.accessTokenLifetime ?? 3600,
    refreshTokenLifetime: options.refreshTokenLifetime ?? 86_400,
    autoSignIn: options.autoSignIn ?? true,
    codes: new Map(),
    refreshTokens: new Map(),
  };
  const zero = (): AadEmulatorCounters => ({
    openidConfiguration: 0,
    jwks: 0,
    authorize: 0,
    silentAuthorize: 0,
    signInPage: 0,
    token: 0,
    authorizationCodeGrants: 0,
    refreshTokenGrants: 0,
    claimsRequests: 0,
    logout: 0,
  });
  const counters = zero();
  const received: AadEmulatorReceived = { authorize: [], token: [], logout: [] };
  const faults: AadEmulatorFaults = {
    consentMissing: false,
    refreshTokenExpired: false,
    tokenEndpoint: undefined,
    webPlatform: false,
    claimsNeedInteraction: false,
    signInDeclined: false,
    authorizeAs: undefined,
    refreshAs: undefined,
  };

  let signingKey: Promise<SigningKey> | undefined;
  const key = (): Promise<SigningKey> => {
    signingKey ??= createSigningKey();
    return signingKey;
  };

  const findUser = (hint: string | null): AadUser | undefined => {
    if (!hint) return undefined;
    const decoded = hint.startsWith('O.') ? fromBase64url(hint.slice(2)) : hint;
    return users.find((u) => u.username.toLowerCase() === decoded?.toLowerCase());
  };

  const redirectUriAllowed = (uri: string): boolean =>
    options.redirectUris ? options.redirectUris.includes(uri) : uri.startsWith(`${origin}/`);
  const clientAllowed = (clientId: string | null): clientId is string =>
    !!clientId && (!options.clientIds || options.clientIds.includes(clientId));

  /** Redirects back to the app with `params` in the fragment (or query, per response_mode). */
  const respond = (params: URLSearchParams, values: Record<string, string>): Response => {
    const redirectUri = params.get('redirect_uri') ?? '';
    const answer = new URLSearchParams(values);
    const stateParam = params.get('state');
    if (stateParam) answer.set('state', stateParam);
    const target = new URL(redirectUri);
    if (params.get('response_mode') === 'query') target.search = answer.toString();
    else target.hash = answer.toString();
    return new Response(null, {
      status: 302,
      headers: { location: target.href, 'cache-control': 'no-store' },
    });
  };
  const dialect = options.dialect ?? 'aad';
  const respondError = (params: URLSearchParams, error: AadError): Response =>
    respond(params, authorizeErrorParams(dialect, error, host));

  const issueCode = (params: URLSearchParams, user: AadUser, strong: boolean): Response => {
    const code = `code.${crypto.randomUUID()}`;
    const nonce = params.get('nonce');
    state.codes.set(code, {
      clientId: params.get('client_id') ?? '',
      user,
      scopes: (params.get('scope') ?? '').split(' ').filter(Boolean),
      strong,
      challenge: params.get('code_challenge') ?? '',
      redirectUri: params.get('redirect_uri') ?? '',
      ...(nonce ? { nonce } : {}),
    });
    return respond(params, {
      code,
      ...(dialect === 'aad' ? { client_info: clientInfo(user) } : {}),
      session_state: state.session?.sid ?? crypto.randomUUID(),
    });
  };

  /** The user signed in (and consented) interactively: start a session and answer with a code. */
  const signIn = (params: URLSearchParams, user: AadUser): Response => {
    state.session = { username: user.username, sid: crypto.randomUUID() };
    faults.consentMissing = false;
    return issueCode(params, user, true);
  };

  const clientInfo = (user: AadUser): string => base64url(JSON.stringify({ uid: user.oid, utid: tenantId }));

  const authorize = ({ request }: { request: Request }): Response => {
    counters.authorize++;
    const url = new URL(request.url);
    const params = url.searchParams;
    received.authorize.push(new URLSearchParams(params));
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!clientAllowed(params.get('client_id'))) return html(errorPage(aadErrors.badClient), 400);
    if (!redirectUriAllowed(redirectUri)) return html(errorPage(aadErrors.redirectUriMismatch), 400);
    if (params.get('response_type') !== 'code' || params.get('code_challenge_method') !== 'S256') {
      return respondError(params, {
        error: 'invalid_request',
        code: 900144,
        description: 'The request must use response_type=code with a PKCE S256 code_challenge.',
      });
    }
    const picked = params.get('emulator_user');
    if (picked) {
      const user = findUser(picked);
      if (!user) return html(errorPage(aadErrors.noSession), 400);
      return signIn(params, user);
    }
    if (params.get('prompt') === 'none') {
      counters.silentAuthorize++;
      const session = state.session;
      if (!session) return respondError(params, aadErrors.noSession);
      const forced = findUser(faults.authorizeAs ?? null);
      if (forced) return issueCode(params, forced, false);
      const sid = params.get('sid');
      if (sid && sid !== session.sid) return respondError(params, aadErrors.noSession);
      const hinted = params.get('login_hint');
      const sessionUser = findUser(session.username);
      if (!sessionUser) return respondError(params, aadErrors.noSession);
      if (hinted && findUser(hinted)?.username !== sessionUser.username) {
        return respondError(params, aadErrors.accountSelection);
      }
      if (faults.consentMissing) return respondError(params, aadErrors.consentMissing);
      if (params.get('claims') && needsInteraction(params.get('claims'))) {
        return respondError(params, aadErrors.mfaRequired);
      }
      return issueCode(params, sessionUser, false);
    }
    counters.signInPage++;
    if (faults.signInDeclined) return respondError(params, aadErrors.consentDeclined);
    const hinted = findUser(faults.authorizeAs ?? params.get('login_hint'));
    const choices = hinted ? [hinted] : users;
    // A user who picks the first account at once. Answered in this same navigation: a second
    // navigation started by the popup itself would not reach MSW when the opener is hidden.
    if (state.autoSignIn && choices[0]) return signIn(params, choices[0]);
    const continueUrl = (user: AadUser): string => {
      const next = new URL(url);
      next.searchParams.set('emulator_user', user.username);
      return next.href;
    };
    return html(signInPage(choices, continueUrl));
  };

  /** Whether `claims` asks for more than client capabilities (a CAE / conditional-access challenge). */
  const needsInteraction = (claims: string | null): boolean => {
    if (!faults.claimsNeedInteraction || !claims) return false;
    return Object.keys(parseClaims(claims)).some((k) => k !== 'xms_cc');
  };

  const issueTokens = async (grant: Grant, claimsParam: string | null, nonce?: string): Promise<Response> => {
    const signing = await key();
    const resourceScopes = grant.scopes.filter((s) => !oidcScopes.has(s));
    const resource = resourceOf(resourceScopes[0]);
    const scp = resourceScopes.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(' ') || 'User.Read';
    const requested = parseClaims(claimsParam);
    const acrs = requested.acrs as { value?: string; values?: string[] } | undefined;
    const common = {
      iss: issuer,
      tid: tenantId,
      oid: grant.user.oid,
      sub: grant.user.oid,
      preferred_username: grant.user.username,
      name: grant.user.name,
      ver: '2.0',
    };
    const lifetime = state.accessTokenLifetime;
    const accessToken = await signToken(
      signing,
      {
        ...common,
        aud: resource,
        azp: grant.clientId,
        scp,
        ...(acrs ? { acrs: acrs.values ?? (acrs.value ? [acrs.value] : []) } : {}),
        ...(requested.xms_cc ? { xms_cc: ['CP1'] } : {}),
      },
      lifetime,
    );
    const idToken = await signToken(
      signing,
      {
        iss: issuer,
        sub: grant.user.oid,
        ver: '2.0',
        ...idTokenNames(dialect, grant.user, { tenantId, loginHint: opaqueHintFor(grant.user.username) }),
        aud: grant.clientId,
        sid: grant.sid ?? state.session?.sid,
        ...(nonce ? { nonce } : {}),
      },
      lifetime,
    );
    const refreshToken = `rt.${crypto.randomUUID()}`;
    state.refreshTokens.set(refreshToken, {
      ...grant,
      expiresAt: Date.now() + state.refreshTokenLifetime * 1000,
    });
    return HttpResponse.json(
      {
        token_type: 'Bearer',
        scope: resourceScopes.length > 0 ? resourceScopes.join(' ') : `https://graph.emulator.test/User.Read`,
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: accessToken,
        refresh_token: refreshToken,
        refresh_token_expires_in: state.refreshTokenLifetime,
        id_token: idToken,
        ...(dialect === 'aad' ? { client_info: clientInfo(grant.user) } : {}),
      },
      { headers: { 'cache-control': 'no-store', 'x-ms-request-id': crypto.randomUUID() } },
    );
  };

  const tokenError = (error: AadError, status = 400): Response =>
    HttpResponse.json(tokenErrorFor(dialect, error), {
      status,
      headers: { 'cache-control': 'no-store', 'x-ms-request-id': crypto.randomUUID() },
    });

  const token = async ({ request }: { request: Request }): Promise<Response> => {
    counters.token++;
    const form = new URLSearchParams(await request.text());
    received.token.push(new URLSearchParams(form));
    const claims = form.get('claims');
    if (Object.keys(parseClaims(claims)).some((k) => k !== 'xms_cc')) counters.claimsRequests++;
    if (faults.tokenEndpoint === 'server-error') return tokenError(aadErrors.serverError, 500);
    if (faults.tokenEndpoint === 'garbage') return html('<html><body>Service unavailable</body></html>', 200);
    if (faults.tokenEndpoint === 'timeout') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return new Response('Gateway Timeout', { status: 504, headers: { 'content-type': 'text/plain' } });
    }
    const clientId = form.get('client_id');
    if (!clientAllowed(clientId)) return tokenError(aadErrors.badClient);
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      counters.authorizationCodeGrants++;
      if (faults.webPlatform) return tokenError(aadErrors.redirectUriNotSpa);
      const code = form.get('code') ?? '';
      const grant = state.codes.get(code);
      state.codes.delete(code);
      if (!grant || grant.clientId !== clientId) return tokenError(aadErrors.badCode);
      if (grant.redirectUri !== form.get('redirect_uri')) return tokenError(aadErrors.redirectUriMismatch);
      const verifier = form.get('code_verifier') ?? '';
      if (!verifier || (await pkceChallenge(verifier)) !== grant.challenge) {
        return tokenError(aadErrors.pkceMismatch);
      }
      if (claims && needsInteraction(claims) && !grant.strong) return tokenError(aadErrors.mfaRequired);
      return issueTokens(
        { ...grant, scopes: scopes.length > 0 ? scopes : grant.scopes },
        claims,
        grant.nonce,
      );
    }
    if (grantType === 'refresh_token') {
      counters.refreshTokenGrants++;
      const presented = form.get('refresh_token') ?? '';
      const grant = state.refreshTokens.get(presented);
      if (faults.refreshTokenExpired) return tokenError(aadErrors.refreshTokenExpired);
      if (!grant || grant.clientId !== clientId) return tokenError(aadErrors.badRefreshToken);
      state.refreshTokens.delete(presented); // Rotation: a refresh token is good for one use.
      if (grant.expiresAt <= Date.now()) return tokenError(aadErrors.refreshTokenExpired);
      if (claims && needsInteraction(claims) && !grant.strong) return tokenError(aadErrors.mfaRequired);
      const user = findUser(faults.refreshAs ?? null) ?? grant.user;
      return issueTokens({ ...grant, user, scopes: scopes.length > 0 ? scopes : grant.scopes }, claims);
    }
    return tokenError({
      error: 'unsupported_grant_type',
      code: 70003,
      description: `The app requested an unsupported grant type '${grantType ?? ''}'.`,
    });
  };

  const logout = ({ request }: { request: Request }): Response => {
    counters.logout++;
    const params = new URL(request.url).searchParams;
    received.logout.push(new URLSearchParams(params));
    state.session = undefined;
    const back = params.get('post_logout_redirect_uri');
    if (back && redirectUriAllowed(back)) {
      // Like Azure AD, hand `state` back: MSAL's redirect bridge needs it to finish a logout popup.
      const target = new URL(back);
      const stateParam = params.get('state');
      if (stateParam) target.searchParams.set('state', stateParam);
      return new Response(null, {
        status: 302,
        headers: { location: target.href, 'cache-control': 'no-store' },
      });
    }
    return html('<!doctype html><title>Signed out</title><p>You signed out of your account.</p>');
  };

  const handlers: RequestHandler[] = [
    http.get(`${issuer}/.well-known/openid-configuration`, () => {
      counters.openidConfiguration++;
      return HttpResponse.json(metadata);
    }),
    http.get(`${authority}/.well-known/openid-configuration`, () => {
      counters.openidConfiguration++;
      return HttpResponse.json(metadata);
    }),
    http.get(jwksUri, async () => {
      counters.jwks++;
      return HttpResponse.json((await key()).jwks);
    }),
    http.get(`${pagesBase}/authorize`, authorize),
    http.post(tokenEndpoint, token),
    http.get(`${pagesBase}/logout`, logout),
  ];

  return {
    handlers,
    state,
    counters,
    received,
    faults,
    authority,
    issuer,
    tokenEndpoint,
    authorityMetadata,
    msalAuth: { authority, knownAuthorities: [host], authorityMetadata },
    jwks: async () => (await key()).jwks,
    resetCounters: () => {
      Object.assign(counters, zero());
      received.authorize.length = 0;
      received.token.length = 0;
      received.logout.length = 0;
    },
  };

  function resourceOf(scope: string | undefined): string {
    if (!scope) return graphResource;
    const slash = scope.lastIndexOf('/');
    return slash > 0 ? scope.slice(0, slash) : graphResource;
  }
}

function parseClaims(claims: string | null): Record<string, unknown> {
  if (!claims) return {};
  try {
    const parsed = JSON.parse(claims) as { access_token?: Record<string, unknown> };
    return parsed.access_token ?? {};
  } catch {
    return {};
  }
}

/** The opaque `login_hint` claim the emulator puts in ID tokens for `username`. */
export function opaqueHintFor(username: string): string {
  return `O.${base64url(username)}`;
}
