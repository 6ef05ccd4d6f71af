import type { AadDialect } from './aad-dialect.js';
import type {
  AadEmulatorCounters,
  AadEmulatorFaults,
  AadEmulatorOptions,
  AadEmulatorReceived,
  AadEmulatorState,
} from './aad-emulator.js';
import type { AadUser } from './aad-pages.js';
import { base64url, createSigningKey, fromBase64url, type SigningKey } from './aad-tokens.js';

/** What the emulator's handlers share: where it lives, what it knows, what it counts and fakes. */
export interface EmulatorContext {
  /** Origin of the authorize and logout pages (the page's own). */
  origin: string;
  /** Fake https host of the authority, token endpoint and JWKS. */
  host: string;
  tenantId: string;
  /** `https://<host>/<tenant>` */
  authority: string;
  /** `<authority>/v2.0`, the tokens' `iss`. */
  issuer: string;
  /** `<origin>/<tenant>/oauth2/v2.0`: the authorize and logout pages. */
  pagesBase: string;
  tokenEndpoint: string;
  jwksUri: string;
  dialect: AadDialect;
  users: AadUser[];
  state: AadEmulatorState;
  counters: AadEmulatorCounters;
  received: AadEmulatorReceived;
  faults: AadEmulatorFaults;
  /** The signing key, generated on first use. */
  key(): Promise<SigningKey>;
  /** The user a login hint (a username, any case, or the opaque `O.…` hint) names. */
  findUser(hint: string | null): AadUser | undefined;
  redirectUriAllowed(uri: string): boolean;
  clientAllowed(clientId: string | null): clientId is string;
  /** The `client_info` Entra ID sends for `user`. */
  clientInfo(user: AadUser): string;
  /** Whether `claims` asks for more than client capabilities while MFA is faked for claims. */
  needsInteraction(claims: string | null): boolean;
}

const defaultUsers: AadUser[] = [
  { oid: '6f0b7c4a-0d6e-4f6e-9a55-3f1f2b0c1a01', username: 'jane@contoso.com', name: 'Jane Doe' },
  { oid: '6f0b7c4a-0d6e-4f6e-9a55-3f1f2b0c1a02', username: 'sam@contoso.com', name: 'Sam Lee' },
];

/** Every counter at zero. */
export function zeroCounters(): AadEmulatorCounters {
  return {
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
  };
}

function initialState(options: AadEmulatorOptions, tenantId: string, users: AadUser[]): AadEmulatorState {
  const session = options.session === undefined ? users[0]?.username : options.session;
  return {
    tenantId,
    users,
    session: session ? { username: session, sid: crypto.randomUUID() } : undefined,
    accessTokenLifetime: options.accessTokenLifetime ?? 3600,
    refreshTokenLifetime: options.refreshTokenLifetime ?? 86_400,
    autoSignIn: options.autoSignIn ?? true,
    codes: new Map(),
    refreshTokens: new Map(),
    brokerAccounts: new Map(),
  };
}

function noFaults(): AadEmulatorFaults {
  return {
    consentMissing: false,
    refreshTokenExpired: false,
    tokenEndpoint: undefined,
    webPlatform: false,
    claimsNeedInteraction: false,
    signInDeclined: false,
    thirdPartyCookiesBlocked: false,
    authorizeAs: undefined,
    refreshAs: undefined,
  };
}

/** The context of a new emulator for `options` (see createAadEmulator for the defaults). */
export function createContext(options: AadEmulatorOptions): EmulatorContext {
  const origin = options.origin ?? globalThis.location.origin;
  const host = options.host ?? 'login.emulator.test';
  const tenantId = options.tenantId ?? '72f988bf-0000-4000-8000-2d7cd011db47';
  const users = options.users ?? defaultUsers;
  const authority = `https://${host}/${tenantId}`;
  let signingKey: Promise<SigningKey> | undefined;
  const faults = noFaults();
  return {
    origin,
    host,
    tenantId,
    authority,
    issuer: `${authority}/v2.0`,
    // MSAL treats the first path segment of the authorize endpoint as the tenant: keep it first.
    pagesBase: `${origin}/${tenantId}/oauth2/v2.0`,
    tokenEndpoint: `${authority}/oauth2/v2.0/token`,
    jwksUri: `${authority}/discovery/v2.0/keys`,
    dialect: options.dialect ?? 'aad',
    users,
    state: initialState(options, tenantId, users),
    counters: zeroCounters(),
    received: { authorize: [], token: [], logout: [] },
    faults,
    key: () => {
      signingKey ??= createSigningKey();
      return signingKey;
    },
    findUser: (hint) => {
      if (!hint) return undefined;
      const decoded = hint.startsWith('O.') ? fromBase64url(hint.slice(2)) : hint;
      return users.find((u) => u.username.toLowerCase() === decoded?.toLowerCase());
    },
    redirectUriAllowed: (uri) =>
      options.redirectUris ? options.redirectUris.includes(uri) : uri.startsWith(`${origin}/`),
    clientAllowed: (clientId): clientId is string =>
      !!clientId && (!options.clientIds || options.clientIds.includes(clientId)),
    clientInfo: (user) => base64url(JSON.stringify({ uid: user.oid, utid: tenantId })),
    needsInteraction: (claims) => {
      if (!faults.claimsNeedInteraction || !claims) return false;
      return Object.keys(parseClaims(claims)).some((k) => k !== 'xms_cc');
    },
  };
}

/** The openid-configuration document of the emulated tenant. */
export function openIdConfiguration(ctx: EmulatorContext): Record<string, unknown> {
  const { authority, host, pagesBase } = ctx;
  return {
    token_endpoint: ctx.tokenEndpoint,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: ctx.jwksUri,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: ctx.issuer,
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
}

/** The access-token claims a `claims` request parameter asks for (`{}` when none or malformed). */
export function parseClaims(claims: string | null): Record<string, unknown> {
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
