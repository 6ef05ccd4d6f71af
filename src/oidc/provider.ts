import { UserManager, Version } from 'oidc-client-ts';
import { CalloutError } from '../diagnostics/callout-error.js';
import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnostics/diagnosis.js';
import { interactionSettled } from '../providers/interaction-lock.js';
import { SignOutChannel } from '../providers/sign-out-channel.js';
import type { AccessToken, Account, InteractiveAuthProvider, TokenRequest } from '../types.js';
import { checkOidcOptions, expectedTokenEndpoints } from './check-options.js';
import { disposedError } from './errors.js';
import { interactiveToken, signInWith } from './interaction.js';
import { refuseRedirects } from './no-redirects.js';
import type { OidcProviderOptions, OidcSignInOptions } from './options.js';
import { OidcSession } from './session.js';
import { userManagerSettings } from './settings.js';
import { signedOutElsewhere, signOutWith } from './sign-out.js';
import { silentToken } from './silent.js';
import { startSession } from './startup.js';

/** The OpenID Connect provider: an {@link InteractiveAuthProvider} (sign-in, sign-out, account tracking, checks, disposal). */
export interface OidcAuthProvider extends InteractiveAuthProvider {
  /**
   * Interactive sign-in (call it from a click: it opens a popup). Settles with the account or a
   * typed error; with `interaction: 'redirect'` the page leaves for the identity provider and the
   * promise never settles (the sign-in completes when the page comes back).
   */
  signIn(options?: OidcSignInOptions): Promise<Account>;
  /** Always `undefined`: the OpenID Connect provider signs in through `signIn()` (a popup or redirect). */
  signInUrl(): undefined;
  /**
   * Stops the provider: forgets its subscribers, stops oidc-client-ts's timers and no longer hears
   * other tabs sign out. Idempotent. Afterwards `getToken`, `signIn` and `signOut` reject with
   * `configuration_error`.
   */
  dispose(): void;
}

/**
 * Creates an {@link AuthProvider} for any OpenID Connect identity provider (Okta, Auth0, Ping,
 * Keycloak, Salesforce as identity provider …) with oidc-client-ts: authorization code with PKCE,
 * a public client (no secret).
 *
 * **Start-up** begins at once (startup.ts): a full-page redirect's answer in the URL is redeemed
 * and removed from it; a user kept by an earlier page (`store: 'session'` / `'local'`) is loaded.
 *
 * **Acquisition** (`getToken`, called by the client's token store only when it has no fresh
 * token) runs the silent chain (silent.ts), one network request at a time for the whole provider:
 * the held token if this scope set was not handed it yet (`source: 'cache'`), the refresh token
 * (`'refresh'`, rotated by the server), then — when there is none or the server refuses it — a
 * hidden iframe with `prompt=none` and the login hint (`'sso-silent'`). When only the user can
 * help, the interaction policy decides (interaction.ts): `popup` only while the page has a user
 * gesture, `redirect`, or `none`; otherwise a `CalloutError` coded `login_required`,
 * `interaction_required` or `consent_required` is thrown and the client fires
 * `interaction-required`. Every result must be the expected user (the login hint, the account
 * already signed in), or it is refused with `account_mismatch`. Every failure becomes a
 * `CalloutError` whose hint names the authority's host (errors.ts).
 *
 * The user (with its refresh token) is kept in memory unless `store` says otherwise: then it is
 * oidc-client-ts's storage, not ours. Popup and iframe answers arrive at the callback page
 * (`redirectUri`, which imports `sso-callout/oidc-callback`). Not for Salesforce Lightning Web
 * Security, where popups and same-origin iframes do not work: use `msalProvider` there.
 *
 * Throws `configuration_error` at once (with `option`) for options that cannot work.
 *
 * @example
 * ```ts
 * const okta = oidcProvider({
 *   authority: 'https://contoso.okta.com/oauth2/default',
 *   clientId: '0oa1b2c3d4',
 *   scopes: ['profile', 'offline_access', 'orders.read'],
 *   loginHint: 'jane@contoso.com',
 * });
 * const callout = createCallout({ providers: { okta }, credentials: { … } });
 * ```
 */
export function oidcProvider(options: OidcProviderOptions): OidcAuthProvider {
  return new OidcProvider(options);
}

class OidcProvider implements OidcAuthProvider {
  readonly tokenEndpoints: readonly string[];
  readonly #session: OidcSession;
  readonly #channel: SignOutChannel;

  constructor(options: OidcProviderOptions) {
    const problem = checkOidcOptions(options);
    if (problem) {
      throw new CalloutError({
        code: 'configuration_error',
        option: problem.option,
        message: `oidcProvider option ${problem.option} is invalid: ${problem.problem}`,
      });
    }
    this.tokenEndpoints = expectedTokenEndpoints(options);
    const manager = new UserManager(userManagerSettings(options));
    if (!refuseRedirects(manager)) {
      throw new CalloutError({
        code: 'configuration_error',
        message: `oidc-client-ts ${Version} is not supported: its requests would follow redirects`,
        hint: 'Install the oidc-client-ts version sso-callout depends on.',
      });
    }
    const session = new OidcSession(options, manager);
    this.#session = session;
    this.#channel = new SignOutChannel({
      scope: `oidc.${options.clientId}.${options.authority.replace(/\/+$/, '')}`,
      since: () => session.accountSince,
      onSignOut: (accountId) => void signedOutElsewhere(session, accountId).catch(() => {}),
    });
    this.#session.startup = startSession(this.#session);
    this.#session.startup.catch(() => {}); // Reported by the first getToken/signIn, never unhandled.
  }

  get account(): Account | undefined {
    return this.#session.account;
  }

  ready(): Promise<void> {
    return this.#session.startup;
  }

  signInUrl(): undefined {
    return undefined;
  }

  async diagnose(context: ProviderDiagnosisContext): Promise<readonly DiagnosisCheck[]> {
    const { diagnoseOidc } = await import('./diagnose.js');
    return diagnoseOidc(this.#session, context);
  }

  subscribe(listener: (account?: Account) => void): () => void {
    return this.#session.subscribe(listener);
  }

  async getToken(request: TokenRequest): Promise<AccessToken> {
    await this.#started();
    await interactionSettled();
    const session = this.#session;
    const redirectFailure = session.redirectFailure;
    if (redirectFailure) {
      session.redirectFailure = undefined;
      throw redirectFailure;
    }
    const silent = await silentToken(session, request);
    return 'accessToken' in silent ? silent : interactiveToken(session, request, silent);
  }

  async signIn(options: OidcSignInOptions = {}): Promise<Account> {
    await this.#started();
    return signInWith(this.#session, options);
  }

  async signOut(): Promise<void> {
    if (this.#session.disposed) throw disposedError();
    return signOutWith(this.#session, this.#channel);
  }

  dispose(): void {
    const session = this.#session;
    if (session.disposed) return;
    session.disposed = true;
    this.#channel.close();
    session.setAccount(undefined);
    session.manager.stopSilentRenew();
    void session.manager.events.unload();
  }

  /** Waits for start-up; rejects once the provider is disposed. */
  async #started(): Promise<void> {
    if (this.#session.disposed) throw disposedError();
    await this.#session.startup.catch(() => {});
    if (this.#session.disposed) throw disposedError();
  }
}
