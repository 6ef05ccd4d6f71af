import type { JSONWebKeySet } from 'jose';
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { AadUser } from './aad-pages.js';
import { createSigningKey, type SigningKey } from './aad-tokens.js';
import { authorizeHandler, endSessionHandler, revocationHandler, tokenHandler } from './oidc-idp.js';

/** Options of {@link createOidcEmulator}. Every field has a working default. */
export interface OidcEmulatorOptions {
  /** Origin the authorize and end-session pages are served from (the page's own). Default `location.origin`. */
  origin?: string;
  /** Fake https host of the issuer, discovery document, token, revocation and JWKS endpoints. Default `idp.emulator.test`. */
  host?: string;
  /** Path of the issuer on `host` (a Keycloak realm, say). Default `/realms/contoso`. */
  path?: string;
  /** Users the server knows (`oid` is their `sub`). Default Jane and Sam at contoso.com. */
  users?: AadUser[];
  /** Username with a session at the server (its cookie), or `null` for none. Default the first user. */
  session?: string | null;
  /** Access and ID token lifetime in seconds. Default 3600. */
  accessTokenLifetime?: number;
  /** Whether interactive sign-in completes at once as the hinted (or first) user. Default true. */
  autoSignIn?: boolean;
  /** Whether the discovery document announces the `claims` request parameter (OIDC Core 5.5). Default true. */
  claimsParameterSupported?: boolean;
}

/** One outstanding grant: who, for which client and scopes. */
export interface OidcGrant {
  clientId: string;
  user: AadUser;
  scopes: string[];
  /** When the user authenticated (epoch seconds), kept across refreshes as `auth_time`. */
  authTime: number;
  /** All refresh tokens descending from one sign-in share a family; reuse of a spent one revokes it. */
  family: string;
  /** Authentication contexts the `claims` request parameter asked for (`access_token.acrs`), put in the access token as `acrs`. */
  acrs?: string[];
}

/** What the server knows and remembers. Tests may change `session` and the lifetime at any time. */
export interface OidcEmulatorState {
  users: AadUser[];
  session: { username: string; sid: string } | undefined;
  accessTokenLifetime: number;
  autoSignIn: boolean;
  /** Outstanding authorization codes (single use). */
  codes: Map<string, OidcGrant & { challenge: string; redirectUri: string; nonce?: string }>;
  /** Live refresh tokens; each is spent when redeemed (rotation). */
  refreshTokens: Map<string, OidcGrant>;
  /** Refresh tokens already redeemed or revoked, and the family they belonged to. */
  spent: Map<string, string>;
  /** Every access, ID and refresh token issued, for tests that look for leaks. */
  issued: string[];
  /**
   * Authentication contexts (`acrs` values) that need the user (a step-up): a `prompt=none`
   * request whose `claims` asks for one answers `interaction_required`.
   */
  stepUp: Set<string>;
}

/** Requests the server answered, by kind. Tests assert on these. */
export interface OidcEmulatorCounters {
  discovery: number;
  jwks: number;
  /** Every authorize request (silent and interactive). */
  authorize: number;
  /** Authorize requests with `prompt=none` (the hidden iframe). */
  silentAuthorize: number;
  /** Interactive sign-in pages shown (popup or redirect). */
  signInPage: number;
  /** Authorize requests carrying the `claims` parameter. */
  claimsAuthorize: number;
  /** Every token endpoint request. */
  token: number;
  authorizationCodeGrants: number;
  refreshTokenGrants: number;
  revocation: number;
  endSession: number;
}

/** The parameters of every request the server answered, in order. */
export interface OidcEmulatorReceived {
  authorize: URLSearchParams[];
  token: URLSearchParams[];
  revocation: URLSearchParams[];
  endSession: URLSearchParams[];
}

/** Faults to inject. Set a field to make the next requests fail that way; reset it to heal. */
export interface OidcEmulatorFaults {
  /** Every refresh grant answers `400 invalid_grant` (the server revoked the user's refresh tokens). */
  refreshRefused: boolean;
  /**
   * The token endpoint answers 500 `server_error`, an HTML page, no answer the page may read (as
   * when CORS blocks it: `fetch` rejects), or `401 invalid_client`.
   */
  tokenEndpoint: 'server-error' | 'garbage' | 'cors' | 'invalid-client' | undefined;
  /**
   * Silent authorize requests answer as this user whatever `login_hint` asks for (as servers that
   * ignore the hint do); they still need a session.
   */
  authorizeAs: string | undefined;
  /**
   * The browser blocks third-party cookies: the hidden frame's silent authorize request carries
   * no session cookie, so it answers login_required even while the user has a session;
   * interactive sign-in (a first-party popup or redirect) still sees and starts it.
   */
  thirdPartyCookiesBlocked: boolean;
}

/** The emulator: MSW handlers plus the knobs and counters tests use. */
export interface OidcEmulator {
  handlers: RequestHandler[];
  state: OidcEmulatorState;
  counters: OidcEmulatorCounters;
  received: OidcEmulatorReceived;
  faults: OidcEmulatorFaults;
  /** `https://<host><path>`: the issuer and authority. */
  authority: string;
  /** Same as `authority` (the tokens' `iss`), for the API emulator. */
  issuer: string;
  host: string;
  tokenEndpoint: string;
  revocationEndpoint: string;
  /** The discovery document (`.well-known/openid-configuration`). */
  metadata: Record<string, string | string[] | boolean>;
  /** The public signing keys, for APIs that validate the server's tokens. */
  jwks(): Promise<JSONWebKeySet>;
  /** Revokes every live refresh token, as an administrator or a password change does. */
  revokeRefreshTokens(): void;
  /** Sets every counter back to zero and forgets what was received. */
  resetCounters(): void;
}

/** What the server's handlers share (oidc-idp.ts). */
export interface OidcContext {
  origin: string;
  issuer: string;
  tokenEndpoint: string;
  users: AadUser[];
  state: OidcEmulatorState;
  counters: OidcEmulatorCounters;
  received: OidcEmulatorReceived;
  faults: OidcEmulatorFaults;
  key(): Promise<SigningKey>;
  /** The user a login hint (a username, any case) names. */
  findUser(hint: string | null): AadUser | undefined;
  /** Redirect URIs must be on the page's origin. */
  redirectUriAllowed(uri: string): boolean;
}

const defaultUsers: AadUser[] = [
  { oid: 'a7d1c2b3-0000-4000-8000-00000000a001', username: 'jane@contoso.com', name: 'Jane Doe' },
  { oid: 'a7d1c2b3-0000-4000-8000-00000000a002', username: 'sam@contoso.com', name: 'Sam Lee' },
];

const zeroCounters = (): OidcEmulatorCounters => ({
  discovery: 0,
  jwks: 0,
  authorize: 0,
  silentAuthorize: 0,
  signInPage: 0,
  claimsAuthorize: 0,
  token: 0,
  authorizationCodeGrants: 0,
  refreshTokenGrants: 0,
  revocation: 0,
  endSession: 0,
});

function createOidcContext(options: OidcEmulatorOptions): OidcContext {
  const origin = options.origin ?? globalThis.location.origin;
  const host = options.host ?? 'idp.emulator.test';
  const issuer = `https://${host}${options.path ?? '/realms/contoso'}`;
  const users = options.users ?? defaultUsers;
  const session = options.session === undefined ? users[0]?.username : options.session;
  let signingKey: Promise<SigningKey> | undefined;
  return {
    origin,
    issuer,
    tokenEndpoint: `${issuer}/protocol/openid-connect/token`,
    users,
    state: {
      users,
      session: session ? { username: session, sid: crypto.randomUUID() } : undefined,
      accessTokenLifetime: options.accessTokenLifetime ?? 3600,
      autoSignIn: options.autoSignIn ?? true,
      codes: new Map(),
      refreshTokens: new Map(),
      spent: new Map(),
      issued: [],
      stepUp: new Set(),
    },
    counters: zeroCounters(),
    received: { authorize: [], token: [], revocation: [], endSession: [] },
    faults: {
      refreshRefused: false,
      tokenEndpoint: undefined,
      authorizeAs: undefined,
      thirdPartyCookiesBlocked: false,
    },
    key: () => {
      signingKey ??= createSigningKey();
      return signingKey;
    },
    findUser: (hint) => users.find((u) => u.username.toLowerCase() === hint?.toLowerCase()),
    redirectUriAllowed: (uri) => uri.startsWith(`${origin}/`),
  };
}

/**
 * Creates a generic OpenID Connect server (Keycloak-, Okta- or Auth0-like, not Entra ID) as MSW
 * request handlers, close enough to a real one that oidc-client-ts cannot tell the difference:
 *
 * - `GET https://<host><path>/.well-known/openid-configuration` (the discovery document) and the JWKS;
 * - `GET <origin>/idp/authorize` on the page's own origin, so hidden iframes and popups navigate
 *   through MSW: `response_type=code` with PKCE S256 only; `prompt=none` is answered from the
 *   emulated session (`login_required` without one, `interaction_required` when `login_hint`
 *   names someone else); other prompts sign the hinted (or first) user in;
 * - `POST <token endpoint>`: authorization codes (single use, PKCE checked), refresh tokens that
 *   rotate on every use (presenting a spent one revokes its whole family), RS256 access and ID
 *   tokens with a unique `jti`; the access token's `aud` is the resource of the first API scope
 *   (`api://orders/Orders.Read` → `api://orders`) and `scp` its scope names;
 * - `POST <revocation endpoint>` (RFC 7009) and `GET <origin>/idp/logout` (end session);
 * - the `claims` request parameter (OIDC Core 5.5): the `access_token.acrs` values it asks for
 *   become the access token's `acrs` (Entra's shape for authentication contexts); a silent request
 *   for one in `state.stepUp` answers `interaction_required`.
 *
 * Errors carry only `error` and `error_description`, as plain OpenID Connect servers send them.
 *
 * @example
 * ```ts
 * const idp = createOidcEmulator({ session: 'jane@contoso.com' });
 * worker.use(...idp.handlers);
 * const provider = oidcProvider({ authority: idp.authority, clientId: 'orders-spa', … });
 * ```
 */
export function createOidcEmulator(options: OidcEmulatorOptions = {}): OidcEmulator {
  const ctx = createOidcContext(options);
  const { issuer, counters, received, state } = ctx;
  const pages = `${ctx.origin}/idp`;
  const jwksUri = `${issuer}/protocol/openid-connect/certs`;
  const revocationEndpoint = `${issuer}/protocol/openid-connect/revoke`;
  const metadata = {
    issuer,
    authorization_endpoint: `${pages}/authorize`,
    token_endpoint: ctx.tokenEndpoint,
    revocation_endpoint: revocationEndpoint,
    end_session_endpoint: `${pages}/logout`,
    jwks_uri: jwksUri,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    token_endpoint_auth_methods_supported: ['none'],
    claims_parameter_supported: options.claimsParameterSupported ?? true,
  };
  const handlers: RequestHandler[] = [
    http.get(`${issuer}/.well-known/openid-configuration`, () => {
      counters.discovery++;
      return HttpResponse.json(metadata);
    }),
    http.get(jwksUri, async () => {
      counters.jwks++;
      return HttpResponse.json((await ctx.key()).jwks);
    }),
    http.get(`${pages}/authorize`, authorizeHandler(ctx)),
    http.post(ctx.tokenEndpoint, tokenHandler(ctx)),
    http.post(revocationEndpoint, revocationHandler(ctx)),
    http.get(`${pages}/logout`, endSessionHandler(ctx)),
  ];
  return {
    handlers,
    state,
    counters,
    received,
    faults: ctx.faults,
    authority: issuer,
    issuer,
    host: new URL(issuer).host,
    tokenEndpoint: ctx.tokenEndpoint,
    revocationEndpoint,
    metadata,
    jwks: async () => (await ctx.key()).jwks,
    revokeRefreshTokens: () => {
      for (const [token, grant] of state.refreshTokens) state.spent.set(token, grant.family);
      state.refreshTokens.clear();
    },
    resetCounters: () => {
      Object.assign(counters, zeroCounters());
      for (const list of Object.values(received)) list.length = 0;
    },
  };
}
