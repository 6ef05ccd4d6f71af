import type { JSONWebKeySet } from 'jose';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { authorizeHandler } from './aad-authorize.js';
import { createContext, openIdConfiguration, zeroCounters } from './aad-context.js';
import type { AadDialect } from './aad-dialect.js';
import type { AadUser } from './aad-pages.js';
import { logoutHandler, tokenHandler } from './aad-token.js';

export { opaqueHintFor } from './aad-context.js';
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
  /**
   * Refresh token lifetime in seconds, counted from the code redemption that issued the first one:
   * the tokens a refresh issues keep its expiry (Entra ID's rule for single-page apps). Default
   * 86 400 (SPA refresh tokens last 24 h).
   */
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
  /** Valid refresh tokens; each is removed when redeemed (rotation), its successor keeping its `expiresAt`. */
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
   * The browser blocks third-party cookies: the hidden frame's silent authorize request carries
   * no session cookie, so it answers login_required (AADSTS50058) even while the user has a
   * session; interactive sign-in (a first-party popup or redirect) still sees and starts it.
   */
  thirdPartyCookiesBlocked: boolean;
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
  const ctx = createContext(options);
  const { authority, issuer, counters, received } = ctx;
  const metadata = openIdConfiguration(ctx);
  const authorityMetadata = JSON.stringify(metadata);
  const openIdConfigurationHandler = () => {
    counters.openidConfiguration++;
    return HttpResponse.json(metadata);
  };
  const handlers: RequestHandler[] = [
    http.get(`${issuer}/.well-known/openid-configuration`, openIdConfigurationHandler),
    http.get(`${authority}/.well-known/openid-configuration`, openIdConfigurationHandler),
    http.get(ctx.jwksUri, async () => {
      counters.jwks++;
      return HttpResponse.json((await ctx.key()).jwks);
    }),
    http.get(`${ctx.pagesBase}/authorize`, authorizeHandler(ctx)),
    http.post(ctx.tokenEndpoint, tokenHandler(ctx)),
    http.get(`${ctx.pagesBase}/logout`, logoutHandler(ctx)),
  ];
  return {
    handlers,
    state: ctx.state,
    counters,
    received,
    faults: ctx.faults,
    authority,
    issuer,
    tokenEndpoint: ctx.tokenEndpoint,
    authorityMetadata,
    msalAuth: { authority, knownAuthorities: [ctx.host], authorityMetadata },
    jwks: async () => (await ctx.key()).jwks,
    resetCounters: () => {
      Object.assign(counters, zeroCounters());
      received.authorize.length = 0;
      received.token.length = 0;
      received.logout.length = 0;
    },
  };
}
