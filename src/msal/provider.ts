import { isPlatformBrokerAvailable } from '@azure/msal-browser';
import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnostics/diagnosis.js';
import { SignOutChannel } from '../providers/sign-out-channel.js';
import { insideLws } from '../tokens/cross-tab-mode.js';
import type { AccessToken, Account, InteractiveAuthProvider, TokenRequest } from '../types.js';
import { toAccount } from './account.js';
import { authorityEndpoints, buildMsalConfiguration, msalOptionError } from './configuration.js';
import { disposedError, fromMsalError } from './errors.js';
import { type ApplicationSource, browserHost, type MsalHost } from './host.js';
import { interactiveToken, signInWith } from './interaction.js';
import { interactionSettled } from './interaction-lock.js';
import { lwsHost } from './lws/load.js';
import { resolveLwsMode } from './lws/mode.js';
import type { MsalProviderOptions, MsalSignInOptions } from './options.js';
import { checkPlatformBroker } from './platform-broker.js';
import { MsalSession } from './session.js';
import { signedOutElsewhere, signOutWith } from './sign-out.js';
import { SilentChain } from './silent.js';
import { startSession } from './startup.js';

/** The MSAL provider: an {@link InteractiveAuthProvider} (sign-in, sign-out, account tracking, checks, disposal) and its sign-in page link. */
export interface MsalAuthProvider extends InteractiveAuthProvider {
  /**
   * Interactive sign-in (call it from a click: it may open a popup). Always settles: with the
   * account, or a typed error — also when another sign-in on the page ran instead and left no
   * account. With `interaction: 'redirect'` the page leaves for the identity provider (the
   * promise then never settles; the sign-in completes when the page comes back). Under LWS it
   * waits for the sign-in page, until `signInTimeout` or `options.signal`.
   */
  signIn(options?: MsalSignInOptions): Promise<Account>;
  /** Resolves once MSAL is initialized and a sign-in redirect (if any) is handled. */
  ready(): Promise<void>;
  /**
   * Under LWS with `signInPage`: the link to the sign-in page (show it as `<a target="_blank">`:
   * popups cannot open in LWS). `undefined` otherwise.
   */
  signInUrl(): string | undefined;
  /**
   * The provider's checks for `callout.diagnose()` (msal/diagnose.ts, loaded on first use): its
   * redirect page (this origin, the bridge, frameable, no COOP), Local Network Access between the
   * identity provider and that page, where MSAL keeps its cache, the platform broker (is it
   * offered, is it on), its Lightning Web Security adaptations. Acquires nothing and sends
   * nothing to the identity provider.
   */
  diagnose(context: ProviderDiagnosisContext): Promise<readonly DiagnosisCheck[]>;
  /**
   * Releases everything the provider holds open: its sign-out channel, the channels of the MSAL
   * instance it created (not an app's own `instance`), the LWS sign-in listener, a `signIn()`
   * still waiting (it rejects) and its subscribers. Idempotent. Afterwards `getToken`, `signIn`
   * and `signOut` reject with a `configuration_error` saying the provider was disposed.
   */
  dispose(): void;
}

/**
 * Creates an {@link InteractiveAuthProvider} that gets Azure AD (Entra ID) access tokens — or tokens of any
 * OpenID Connect server MSAL supports — as the host page's signed-in user, with
 * `@azure/msal-browser`.
 *
 * **Start-up** begins at once (startup.ts): `initialize()` then `handleRedirectPromise()`,
 * exactly once per MSAL instance however many providers share it. The account is the one
 * matching `loginHint` (by username, UPN, email or `login_hint` claim), else the active account.
 *
 * **Acquisition** (`getToken`, called by the core's token store only when it has no fresh token)
 * runs the silent chain (silent.ts): MSAL's cache (`source: 'cache'`) or refresh token
 * (`'refresh'`), then `ssoSilent` with `loginHint` / `sid`, a hidden iframe against the identity
 * provider's session (`'sso-silent'`), one attempt for concurrent callers. When only the user can
 * help, the interaction policy decides (interaction.ts): `popup` only while the page has a user
 * gesture, `redirect`, or `none`; otherwise a `CalloutError` coded `interaction_required` /
 * `login_required` / `consent_required` is thrown and the client fires `interaction-required`.
 *
 * Every result must be the user the page expects — `loginHint`, `sid` where it was sent, and the
 * account already signed in — or it is refused with `account_mismatch` before its token is used,
 * and its account removed from MSAL's cache (account-check.ts). To change users, `signOut()` first.
 * Only one popup or redirect runs on the page at a time (interaction-lock.ts). Every MSAL or
 * server failure becomes a `CalloutError` whose hint names the configured authority's host and
 * says what to change (errors.ts).
 *
 * Throws `configuration_error` at once for options that cannot work (check-options.ts).
 *
 * **Where it runs** is chosen once, here (host.ts): a plain browser, or Salesforce Lightning Web
 * Security (`lws`, detected by default), whose adaptations (lws/) load with a dynamic `import()`
 * only then. Under LWS a failure to load them is reported by `ready()` and the first call, not
 * thrown here; `signInUrl()` answers at once. In a Teams tab or an Outlook/Office add-in whose
 * host injected its bridge (nested-app-auth.ts), with `nestedAppAuth` from
 * `sso-callout/nested-app-auth`, MSAL's nestable client gets the tokens from the host: same API,
 * no iframe, no redirect page.
 *
 * @example
 * ```ts
 * const aad = msalProvider({
 *   clientId: '11111111-2222-3333-4444-555555555555',
 *   authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
 *   loginHint: 'jane@contoso.com',          // the host page's user: silent SSO, no prompt
 *   redirectUri: `${location.origin}/redirect.html`,
 * });
 * const callout = createCallout({ providers: { aad }, credentials: { … } });
 * ```
 */
export function msalProvider(options: MsalProviderOptions = {}): MsalAuthProvider {
  return new MsalProvider(options);
}

class MsalProvider implements MsalAuthProvider {
  readonly tokenEndpoints: readonly string[];
  readonly #session: MsalSession;
  readonly #silent: SilentChain;
  readonly #channel: SignOutChannel;

  constructor(options: MsalProviderOptions) {
    const source: ApplicationSource = options.instance
      ? { instance: options.instance }
      : { configuration: buildMsalConfiguration(options) };
    const configured = 'instance' in source ? source.instance.getConfiguration() : source.configuration;
    const brokerProblem = 'instance' in source ? checkPlatformBroker(options, configured) : undefined;
    if (brokerProblem) throw msalOptionError(brokerProblem);
    const { clientId, redirectUri = '', authority } = configured.auth;
    const lws = resolveLwsMode(options.lws);
    const chooseHost = (session: MsalSession): MsalHost =>
      lws ? lwsHost(session) : (options.nestedAppAuth?.host(browserHost()) ?? browserHost());
    const session = new MsalSession({
      options,
      clientId,
      redirectUri,
      authority,
      configuration: configured,
      host: chooseHost,
    });
    this.#session = session;
    this.tokenEndpoints = authorityEndpoints(configured);
    let application: ReturnType<MsalHost['createApplication']>;
    try {
      application = session.host.createApplication(source);
    } catch (error) {
      session.host.dispose();
      throw fromMsalError(error, session.context('new PublicClientApplication', []));
    }
    this.#silent = new SilentChain(session);
    this.#channel = new SignOutChannel({
      scope: `msal.${clientId}`,
      since: () => session.accountSince,
      onSignOut: (accountId) => signedOutElsewhere(session, accountId),
    });
    session.startup = startSession(session, application);
    session.startup.catch(() => {}); // Reported by the first getToken/signIn, never unhandled.
  }

  get account(): Account | undefined {
    const account = this.#session.account;
    return account ? toAccount(account) : undefined;
  }

  ready(): Promise<void> {
    return this.#session.startup;
  }

  subscribe(listener: (account?: Account) => void): () => void {
    return this.#session.subscribe(listener);
  }

  signInUrl(): string | undefined {
    return this.#session.host.signInUrl(this.#session.loginHint);
  }

  async diagnose(context: ProviderDiagnosisContext): Promise<readonly DiagnosisCheck[]> {
    const { diagnoseMsal } = await import('./diagnose.js');
    return diagnoseMsal(this.#session, context, insideLws, () => isPlatformBrokerAvailable(true));
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
    const silent = await this.#silent.acquire(request);
    return 'accessToken' in silent ? silent : interactiveToken(session, request, silent);
  }

  async signIn(options: MsalSignInOptions = {}): Promise<Account> {
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
    session.dispose();
    this.#channel.close();
    session.host.dispose();
  }

  /** Waits for start-up (rejecting with its error); rejects once the provider is disposed. */
  async #started(): Promise<void> {
    if (this.#session.disposed) throw disposedError();
    await this.#session.startup;
    if (this.#session.disposed) throw disposedError();
  }
}
