/** The standard grants `exchangeProvider` speaks (form-encoded OAuth 2.0 token requests). */
export const ExchangeGrant = {
  /** RFC 8693 token exchange: `subject_token` + `subject_token_type`. */
  tokenExchange: 'token-exchange',
  /** RFC 7523 JWT bearer assertion: the subject token (a JWT) as `assertion`. */
  jwtBearer: 'jwt-bearer',
  /** RFC 7522 SAML 2.0 bearer assertion: the subject token (a base64url SAML assertion) as `assertion`. */
  saml2Bearer: 'saml2-bearer',
} as const;

/** One of {@link ExchangeGrant}. */
export type ExchangeGrant = (typeof ExchangeGrant)[keyof typeof ExchangeGrant];

/**
 * A token endpoint of the API's own design: which fields the request and the answer use. Field
 * names of the answer may be dotted paths (`data.token`).
 */
export interface CustomExchange {
  /** How the request body is encoded: `json` (default) or `form`. */
  body?: 'json' | 'form';
  /** Field names of the request. */
  request: {
    /** Carries the subject token on an exchange. */
    subjectToken: string;
    /** Carries the refresh token on a refresh. Default the answer's `refreshToken` name. */
    refreshToken?: string;
    /** Carries the credential's scopes (space-separated); none sent when absent. */
    scopes?: string;
  };
  /** Field names of the answer. */
  response: {
    /** The access token. Required in every answer. */
    accessToken: string;
    /** Lifetime in seconds from now. */
    expiresIn?: string;
    /** Absolute expiry: epoch seconds, epoch milliseconds or an ISO 8601 date. */
    expiresAt?: string;
    /** The refresh token, if the server issues one (each answer may rotate it). */
    refreshToken?: string;
    /** Granted scopes (space-separated or an array). Default the requested ones. */
    scopes?: string;
  };
}

/** Where `exchangeProvider` takes the token it exchanges: another provider of the same client. */
export interface ExchangeSubject {
  /** The provider's name in the client (`aad`). */
  provider: string;
  /** The scopes to ask it for: the token the exchange endpoint accepts (`api://orders-auth/.default`). */
  scopes: string[];
}

/** Options of `exchangeProvider`. */
export interface ExchangeProviderOptions {
  /** The token endpoint: `https://auth.orders.contoso.com/oauth2/token`. */
  tokenEndpoint: string;
  /** Where refresh requests go, when not `tokenEndpoint` (custom endpoints often have `/renew`). */
  refreshEndpoint?: string;
  /**
   * Where `signOut()` revokes held refresh tokens: an RFC 7009 endpoint (form `token=…`), or a
   * custom one (the refresh field, encoded as `custom.body`). None by default.
   */
  revocationEndpoint?: string;
  /** The token this provider exchanges. */
  subject: ExchangeSubject;
  /** The grant: a standard one (default `token-exchange`) or a custom request and answer. */
  grant?: ExchangeGrant | CustomExchange;
  /** Sent as `client_id` with standard grants (a public client: no secret in a browser). */
  clientId?: string;
  /** RFC 8693 `subject_token_type`. Default `urn:ietf:params:oauth:token-type:access_token`. */
  subjectTokenType?: string;
  /** RFC 8693 `audience` and `resource`, when the server wants them. */
  audience?: string;
  resource?: string;
  /** Whether standard grants send the credential's scopes as `scope`. Default true. */
  sendScopes?: boolean;
  /** Fields added to every request body (standard or custom). */
  parameters?: Record<string, string>;
  /** Headers added to every request (an API key). Never `Authorization` with a secret: the browser shows it to anyone. */
  headers?: Record<string, string>;
  /** Lifetime assumed when an answer names none and its token is not a JWT with `exp`, in seconds. Default: such an answer is an error. */
  defaultLifetimeSeconds?: number;
  /** How long one request may take, in milliseconds. Default 10 000. */
  timeout?: number;
}
