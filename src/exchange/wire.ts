import { CalloutError } from '../diagnostics/callout-error.js';
import { type OAuthFailure, oauthError } from '../providers/oauth-errors.js';
import { cappedExpiry, jwtExpiry } from '../tokens/token-lifetime.js';
import type { CustomExchange, ExchangeProviderOptions } from './options.js';

/** What a token endpoint answered, read per the grant's shape. */
export interface TokenAnswer {
  accessToken: string;
  expiresOn: Date;
  refreshToken?: string;
  scopes: string[];
}

/** A request body and its content type. */
export interface Body {
  body: string;
  contentType: string;
}

/** What one request is, for errors: the step and the tokens it carries (redacted should the server echo one). */
export interface Call {
  step: string;
  scopes: readonly string[];
  secrets: readonly string[];
}

const urn = 'urn:ietf:params:oauth:grant-type:';
const grantTypes = {
  'token-exchange': `${urn}token-exchange`,
  'jwt-bearer': `${urn}jwt-bearer`,
  'saml2-bearer': `${urn}saml2-bearer`,
} as const;

const customOf = (options: ExchangeProviderOptions): CustomExchange | undefined =>
  typeof options.grant === 'object' ? options.grant : undefined;

/** The `grant_type` (or `custom`) of the options, for messages. */
export function grantName(options: ExchangeProviderOptions): string {
  return typeof options.grant === 'object' ? 'custom' : grantTypes[options.grant ?? 'token-exchange'];
}

function encode(fields: Record<string, string>, as: 'json' | 'form'): Body {
  return as === 'json'
    ? { body: JSON.stringify(fields), contentType: 'application/json' }
    : { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** The fields every standard request carries besides the grant's own: client id, scope, parameters. */
function common(options: ExchangeProviderOptions, scopes: readonly string[]): Record<string, string> {
  return {
    ...(options.clientId ? { client_id: options.clientId } : {}),
    ...(options.sendScopes !== false && scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
    ...options.parameters,
  };
}

/** The body that exchanges `subjectToken` for a token for `scopes`, per the grant. */
export function exchangeBody(
  options: ExchangeProviderOptions,
  subjectToken: string,
  scopes: readonly string[],
): Body {
  const custom = customOf(options);
  if (custom) {
    const { subjectToken: field, scopes: scopeField } = custom.request;
    return encode(
      {
        ...options.parameters,
        [field]: subjectToken,
        ...(scopeField ? { [scopeField]: scopes.join(' ') } : {}),
      },
      custom.body ?? 'json',
    );
  }
  const grant = typeof options.grant === 'string' ? options.grant : 'token-exchange';
  const subject: Record<string, string> =
    grant === 'token-exchange'
      ? {
          subject_token: subjectToken,
          subject_token_type: options.subjectTokenType ?? 'urn:ietf:params:oauth:token-type:access_token',
          ...(options.audience ? { audience: options.audience } : {}),
          ...(options.resource ? { resource: options.resource } : {}),
        }
      : { assertion: subjectToken };
  return encode({ grant_type: grantTypes[grant], ...subject, ...common(options, scopes) }, 'form');
}

/** The body that redeems `refreshToken` (RFC 6749 `refresh_token`, or the custom refresh field). */
export function refreshBody(
  options: ExchangeProviderOptions,
  refreshToken: string,
  scopes: readonly string[],
): Body {
  const custom = customOf(options);
  if (!custom) {
    return encode(
      { grant_type: 'refresh_token', refresh_token: refreshToken, ...common(options, scopes) },
      'form',
    );
  }
  const field = custom.request.refreshToken ?? custom.response.refreshToken ?? 'refresh_token';
  return encode({ ...options.parameters, [field]: refreshToken }, custom.body ?? 'json');
}

/** The body that revokes `refreshToken` (RFC 7009, or the custom refresh field). */
export function revocationBody(options: ExchangeProviderOptions, refreshToken: string): Body {
  const custom = customOf(options);
  if (!custom) return encode({ token: refreshToken, token_type_hint: 'refresh_token' }, 'form');
  return refreshBody(options, refreshToken, []);
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** How an answer that is not 2xx reads: the OAuth error it names, a refusal (400/401/403), a server error, or a failure. */
function refusal(json: unknown, status: number): OAuthFailure {
  const fields = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const said = [fields.error_description, fields.message, fields.detail].find((v) => typeof v === 'string');
  const description = typeof said === 'string' ? said : undefined;
  if (typeof fields.error === 'string') return { kind: 'oauth', error: fields.error, description, status };
  if ([400, 401, 403].includes(status)) return { kind: 'oauth', error: 'invalid_grant', description, status };
  if (json === undefined) return { kind: 'not-json', status };
  return { kind: status >= 500 ? 'server' : 'other', status };
}

/** The option that configures `url` (the first that does, for messages). */
function optionOf(url: string, options: ExchangeProviderOptions): string {
  const names = ['tokenEndpoint', 'refreshEndpoint', 'revocationEndpoint'] as const;
  return names.find((name) => options[name] === url) ?? 'tokenEndpoint';
}

/** The error of an endpoint that answered with a redirect, which token requests never follow. */
function redirected(url: string, options: ExchangeProviderOptions, call: Call): CalloutError {
  const host = new URL(url).host;
  const option = optionOf(url, options);
  return new CalloutError({
    code: 'redirect_not_followed',
    option,
    url,
    message: `${call.step} failed: ${host} answered with a redirect, which is not followed`,
    hint: `Set ${option} to the URL ${host} redirects to: requests carrying a token never follow redirects.`,
  });
}

/**
 * POSTs `body` to `url` (no cookies, not cached, redirects not followed, within
 * `options.timeout`) and returns the JSON answer. Rejects with a `CalloutError` naming the
 * endpoint's host: the server's OAuth error (a bare 400/401/403 reads as `invalid_grant`:
 * refused), `redirect_not_followed` (the body carries a token, so it never goes on to where a
 * redirect points), `network_error` (offline, CORS, CSP), `timeout`, or `token_endpoint_error`
 * for a server error or an answer that is not JSON.
 */
export async function post(
  url: string,
  body: Body,
  options: ExchangeProviderOptions,
  call: Call,
): Promise<unknown> {
  const fail = (failure: OAuthFailure, cause?: unknown): CalloutError =>
    oauthError(failure, {
      step: call.step,
      host: new URL(url).host,
      clientId: options.clientId,
      scopes: call.scopes,
      grant: grantName(options),
      cause,
      secrets: call.secrets,
    });
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { ...options.headers, 'content-type': body.contentType, accept: 'application/json' },
      body: body.body,
      credentials: 'omit',
      cache: 'no-store',
      // Not followed: a 307/308 would send the body — the subject or refresh token — on to its target.
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeout ?? 10_000),
    });
  } catch (error) {
    throw fail(
      { kind: error instanceof DOMException && error.name === 'TimeoutError' ? 'slow' : 'network' },
      error,
    );
  }
  if (response.type === 'opaqueredirect') throw redirected(url, options, call);
  const json = parse(await response.text().catch(() => ''));
  if (!response.ok) throw fail(refusal(json, response.status));
  if (typeof json !== 'object' || json === null) throw fail({ kind: 'not-json', status: response.status });
  return json;
}

/** The value at a dotted `path` of `json`. */
function at(json: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], json);
}

/** Epoch milliseconds of an absolute expiry: epoch seconds, epoch milliseconds, or a date string. */
function instant(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return number < 1e11 ? number * 1000 : number;
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * Reads an answer per the grant's shape (standard: `access_token`, `expires_in`,
 * `refresh_token`, `scope`). The expiry comes from the lifetime or absolute time the answer
 * names, else the JWT's `exp`, else `defaultLifetimeSeconds` — capped at a day and at the
 * lifetime a JWT states (`exp` − `iat`), so an answer claiming years keeps no token that long.
 * Without any expiry, and without an access token, the answer is refused with
 * `token_endpoint_error` naming the missing field and the option that names it.
 */
export function readAnswer(
  json: unknown,
  options: ExchangeProviderOptions,
  scopes: readonly string[],
  call: Call & { host: string },
): TokenAnswer {
  const custom = customOf(options);
  const names = custom?.response ?? {
    accessToken: 'access_token',
    expiresIn: 'expires_in',
    refreshToken: 'refresh_token',
    scopes: 'scope',
  };
  const option = custom ? 'grant.response' : 'grant';
  const missing = (field: string, named: string) =>
    oauthError({ kind: 'missing-field', field, option: named }, { step: call.step, host: call.host });
  const accessToken = at(json, names.accessToken);
  if (typeof accessToken !== 'string' || accessToken === '')
    throw missing(names.accessToken, `${option}.accessToken`);
  const lifetime = names.expiresIn === undefined ? undefined : Number(at(json, names.expiresIn));
  const expiresAt =
    lifetime !== undefined && Number.isFinite(lifetime) && lifetime > 0
      ? Date.now() + lifetime * 1000
      : ((names.expiresAt === undefined ? undefined : instant(at(json, names.expiresAt))) ??
        jwtExpiry(accessToken) ??
        (options.defaultLifetimeSeconds ? Date.now() + options.defaultLifetimeSeconds * 1000 : undefined));
  if (expiresAt === undefined)
    throw missing(names.expiresIn ?? names.expiresAt ?? 'expires_in', `${option}.expiresIn`);
  const refreshToken = names.refreshToken === undefined ? undefined : at(json, names.refreshToken);
  const granted = names.scopes === undefined ? undefined : at(json, names.scopes);
  return {
    accessToken,
    expiresOn: new Date(cappedExpiry(accessToken, expiresAt, Date.now())),
    ...(typeof refreshToken === 'string' && refreshToken !== '' ? { refreshToken } : {}),
    scopes: Array.isArray(granted)
      ? granted.filter((s): s is string => typeof s === 'string')
      : typeof granted === 'string' && granted.trim()
        ? granted.split(' ').filter(Boolean)
        : [...scopes],
  };
}
