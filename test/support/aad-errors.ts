/** An OAuth error as Azure AD v2 returns it: `error`, an AADSTS code and a description. */
export interface AadError {
  error: string;
  code: number;
  description: string;
}

/** The Azure AD errors the emulator can answer with, by name. */
export const aadErrors = {
  noSession: {
    error: 'login_required',
    code: 50058,
    description:
      'A silent sign-in request was sent but no user is signed in. The cookies used to represent the user session were not sent in the request to Azure AD.',
  },
  accountSelection: {
    error: 'interaction_required',
    code: 16000,
    description:
      'Either multiple user identities are available for the current request or selected account is not supported for the scenario.',
  },
  consentMissing: {
    error: 'consent_required',
    code: 65001,
    description:
      'The user or administrator has not consented to use the application. Send an interactive authorization request for this user and resource.',
  },
  mfaRequired: {
    error: 'interaction_required',
    code: 50076,
    description:
      'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  },
  redirectUriMismatch: {
    error: 'invalid_request',
    code: 50011,
    description:
      'The redirect URI specified in the request does not match the redirect URIs configured for the application.',
  },
  redirectUriNotSpa: {
    error: 'invalid_request',
    code: 9002326,
    description:
      "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
  },
  refreshTokenExpired: {
    error: 'invalid_grant',
    code: 700084,
    description:
      'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended.',
  },
  badRefreshToken: {
    error: 'invalid_grant',
    code: 70000,
    description: 'Provided grant is invalid or malformed.',
  },
  badCode: {
    error: 'invalid_grant',
    code: 70008,
    description: 'The provided authorization code or refresh token has expired due to inactivity.',
  },
  pkceMismatch: {
    error: 'invalid_grant',
    code: 501481,
    description: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  },
  badClient: {
    error: 'unauthorized_client',
    code: 700016,
    description: 'Application with the given identifier was not found in the directory.',
  },
  consentDeclined: {
    error: 'access_denied',
    code: 65004,
    description: 'User declined to consent to access the app.',
  },
  serverError: {
    error: 'server_error',
    code: 50000,
    description: 'There was an error issuing a token or an issue with our sign-in service.',
  },
} as const satisfies Record<string, AadError>;

/** Name of one of {@link aadErrors}. */
export type AadErrorName = keyof typeof aadErrors;

/** `AADSTS65001: The user or administrator…` */
export function describeAadError(error: AadError): string {
  return `AADSTS${error.code}: ${error.description} Trace ID: ${crypto.randomUUID()} Correlation ID: ${crypto.randomUUID()} Timestamp: ${new Date().toISOString()}`;
}

/** The token endpoint's JSON error body for `error`. */
export function tokenErrorBody(error: AadError): Record<string, unknown> {
  return {
    error: error.error,
    error_description: describeAadError(error),
    error_codes: [error.code],
    timestamp: new Date().toISOString(),
    trace_id: crypto.randomUUID(),
    correlation_id: crypto.randomUUID(),
  };
}
