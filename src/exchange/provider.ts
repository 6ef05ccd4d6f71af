import { CalloutError, isCalloutError } from '../diagnostics/callout-error.js';
import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnostics/diagnosis.js';
import { needsSignIn } from '../diagnostics/needs-sign-in.js';
import type {
  AccessToken,
  Account,
  AuthProvider,
  ProviderContext,
  TokenRequest,
  TokenSource,
} from '../types.js';
import { checkExchangeOptions } from './check-options.js';
import type { ExchangeProviderOptions } from './options.js';
import {
  type Call,
  exchangeBody,
  post,
  readAnswer,
  refreshBody,
  revocationBody,
  type TokenAnswer,
} from './wire.js';

/** The exchange provider: an {@link AuthProvider} that needs its client's context, with sign-out and disposal. */
export interface ExchangeAuthProvider extends AuthProvider {
  /** Revokes the refresh tokens it holds (where `revocationEndpoint` is set) and forgets them. */
  signOut(): Promise<void>;
  readonly tokenEndpoints: readonly string[];
  /** Forgets every refresh token; afterwards `getToken` rejects with `configuration_error`. Idempotent. */
  dispose(): void;
}

/** A refresh token held for one scope set, and the subject's account it was issued for. In memory only. */
interface Held {
  refreshToken: string;
  subjectAccount: string | undefined;
}

/** Most scope sets a provider holds refresh tokens for; the oldest is dropped first. */
const maxHeld = 50;

const scopeKey = (scopes: readonly string[]): string =>
  [...new Set(scopes.map((scope) => scope.toLowerCase()))].sort().join(' ');

/** Whether the server refused a grant (as opposed to failing): an OAuth error or a bare 400/401/403. */
const refused = (error: unknown): boolean =>
  isCalloutError(error) && (error.code === 'invalid_grant' || [400, 401, 403].includes(error.status ?? 0));

/**
 * Creates an {@link AuthProvider} that exchanges a token from another provider of the same client
 * (the user's Entra token from `aad`, say) at a token endpoint for a token of its own: RFC 8693
 * token exchange (default), RFC 7523 JWT bearer or RFC 7522 SAML 2.0 bearer assertion grants,
 * or a custom request and answer (`grant: { request, response }`: field names, JSON or form,
 * lifetime in seconds or an absolute time, a refresh token).
 *
 * **Chaining is declared**: register it beside its subject's provider and point credentials at
 * it. The client's token store keeps each link's token under its own key, so the subject token
 * is served from memory while fresh and renewed only when it is needed.
 *
 * **Acquisition** (`getToken`, called by the store only when it has no fresh token): with a
 * refresh token held for these scopes, a refresh grant (`source: 'refresh'`), which never asks
 * for the subject token; when the server refuses it, or holds none, a new exchange with the
 * subject token (`'provider'`) — asked again (forced) once if the server refuses a subject token
 * the store still held. A refresh token is used only for the subject account it was issued for:
 * once the subject's provider signs out or changes user, the next acquisition exchanges anew.
 * Refresh tokens stay in this provider's memory (at most 50 scope sets), never in storage.
 *
 * Failures are `CalloutError`s naming the endpoint's host, with the tokens the request carried
 * redacted; a subject provider that needs the user fails with that provider's code
 * (`login_required` …) and a hint saying which provider to sign in with.
 *
 * Throws `configuration_error` at once (with `option`) for options that cannot work.
 *
 * @example
 * ```ts
 * const callout = createCallout({
 *   providers: {
 *     aad: msalProvider({ clientId, authority, loginHint }),
 *     ordersApi: exchangeProvider({
 *       tokenEndpoint: 'https://auth.orders.contoso.com/oauth2/token',
 *       subject: { provider: 'aad', scopes: ['api://orders-auth/.default'] },
 *       clientId: 'orders-web',
 *     }),
 *   },
 *   credentials: { Orders: { url: 'https://orders.contoso.com/v2/', provider: 'ordersApi', scopes: ['orders'] } },
 * });
 * ```
 */
export function exchangeProvider(options: ExchangeProviderOptions): ExchangeAuthProvider {
  return new ExchangeProvider(options);
}

class ExchangeProvider implements ExchangeAuthProvider {
  readonly tokenEndpoints: readonly string[];
  readonly #options: ExchangeProviderOptions;
  readonly #held = new Map<string, Held>();
  #account: Account | undefined;
  #disposed = false;

  constructor(options: ExchangeProviderOptions) {
    checkExchangeOptions(options);
    this.#options = { ...options, subject: { ...options.subject, scopes: [...options.subject.scopes] } };
    const { tokenEndpoint, refreshEndpoint, revocationEndpoint } = options;
    this.tokenEndpoints = [tokenEndpoint, refreshEndpoint, revocationEndpoint].filter(
      (url): url is string => !!url,
    );
  }

  /** The subject's account, as of the last exchange. */
  get account(): Account | undefined {
    return this.#account;
  }

  async getToken(request: TokenRequest, context?: ProviderContext): Promise<AccessToken> {
    if (this.#disposed) throw disposedError();
    if (!context) {
      throw new CalloutError({
        code: 'configuration_error',
        message:
          'exchangeProvider takes its subject token from another provider of its client, and was called without one',
        hint: 'Register it in a client (createCallout({ providers }) or callout.providers.define()) and call through the client.',
      });
    }
    const key = scopeKey(request.scopes);
    const held = this.#held.get(key);
    // A refresh token serves only the subject account it was issued for (not after a sign-out).
    if (held && held.subjectAccount !== context.account(this.#options.subject.provider)?.id)
      this.#held.delete(key);
    else if (held) {
      try {
        return await this.#refresh(key, held, request);
      } catch (error) {
        if (!refused(error)) throw error;
        this.#held.delete(key);
      }
    }
    return this.#exchange(key, request, context);
  }

  async signOut(): Promise<void> {
    const held = [...this.#held.values()];
    this.#held.clear();
    this.#account = undefined;
    const { revocationEndpoint } = this.#options;
    if (!revocationEndpoint) return;
    const revoke = ({ refreshToken }: Held) =>
      post(revocationEndpoint, revocationBody(this.#options, refreshToken), this.#options, {
        step: 'Token revocation',
        scopes: [],
        secrets: [refreshToken],
      }).catch(() => {});
    await Promise.all(held.map(revoke));
  }

  async diagnose(context: ProviderDiagnosisContext): Promise<readonly DiagnosisCheck[]> {
    const { diagnoseExchange } = await import('./diagnose.js');
    return diagnoseExchange(this.#options, context);
  }

  dispose(): void {
    this.#disposed = true;
    this.#held.clear();
  }

  async #refresh(key: string, held: Held, request: TokenRequest): Promise<AccessToken> {
    const options = this.#options;
    const call: Call = { step: 'Token refresh', scopes: request.scopes, secrets: [held.refreshToken] };
    const url = options.refreshEndpoint ?? options.tokenEndpoint;
    const json = await post(url, refreshBody(options, held.refreshToken, request.scopes), options, call);
    const answer = readAnswer(json, options, request.scopes, { ...call, host: new URL(url).host });
    this.#keep(key, answer.refreshToken ?? held.refreshToken, held.subjectAccount);
    return this.#token(answer, 'refresh');
  }

  async #exchange(key: string, request: TokenRequest, context: ProviderContext): Promise<AccessToken> {
    const subject = await this.#subject(context, false);
    try {
      return await this.#exchangeWith(key, subject, request, context);
    } catch (error) {
      // The server refused a subject token the store still held (revoked early?): one new one.
      if (
        !(isCalloutError(error) && error.code === 'invalid_grant') ||
        !['store', 'cache'].includes(subject.source)
      )
        throw error;
      return this.#exchangeWith(key, await this.#subject(context, true), request, context);
    }
  }

  async #exchangeWith(
    key: string,
    subject: AccessToken,
    request: TokenRequest,
    context: ProviderContext,
  ): Promise<AccessToken> {
    const options = this.#options;
    const call: Call = { step: 'Token exchange', scopes: request.scopes, secrets: [subject.accessToken] };
    const body = exchangeBody(options, subject.accessToken, request.scopes);
    const json = await post(options.tokenEndpoint, body, options, call);
    const answer = readAnswer(json, options, request.scopes, {
      ...call,
      host: new URL(options.tokenEndpoint).host,
    });
    const account = subject.account ?? context.account(options.subject.provider);
    this.#account = account;
    if (answer.refreshToken) this.#keep(key, answer.refreshToken, account?.id);
    return this.#token(answer, 'provider');
  }

  /** The subject token, through the client's store; a failure says which provider to fix. */
  async #subject(context: ProviderContext, force: boolean): Promise<AccessToken> {
    const { provider, scopes } = this.#options.subject;
    try {
      return await context.token(provider, { scopes: [...scopes], ...(force ? { forceRefresh: true } : {}) });
    } catch (error) {
      if (!isCalloutError(error) || error.code === 'configuration_error') throw error;
      const host = new URL(this.#options.tokenEndpoint).host;
      throw new CalloutError({
        code: error.code,
        message: `The token exchange at ${host} needs a token from provider "${provider}", which failed: ${error.message}`,
        hint: needsSignIn(error)
          ? `Sign in with provider "${provider}" (callout.signIn('${provider}') from a click, or <callout-login>); callouts through the exchange then continue. ${error.hint}`
          : error.hint,
        cause: error,
        ...(error.status === undefined ? {} : { status: error.status }),
        ...(needsSignIn(error) ? { signInProvider: error.signInProvider ?? provider } : {}),
      });
    }
  }

  #keep(key: string, refreshToken: string, subjectAccount: string | undefined): void {
    this.#held.delete(key);
    this.#held.set(key, { refreshToken, subjectAccount });
    if (this.#held.size > maxHeld) this.#held.delete(this.#held.keys().next().value as string);
  }

  #token(answer: TokenAnswer, source: TokenSource): AccessToken {
    return {
      accessToken: answer.accessToken,
      expiresOn: answer.expiresOn,
      scopes: answer.scopes,
      ...(this.#account ? { account: this.#account } : {}),
      source,
    };
  }
}

function disposedError(): CalloutError {
  return new CalloutError({
    code: 'configuration_error',
    message: 'This exchange provider was disposed',
    hint: 'Use the provider its client holds now, or create a new one.',
  });
}
