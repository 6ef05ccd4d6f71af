import type { AuthenticationResult, IPublicClientApplication, SsoSilentRequest } from '@azure/msal-browser';
import { CalloutError } from '../../diagnostics/callout-error.js';
import { CalloutErrorCode } from '../../diagnostics/error-codes.js';
import type { ApplicationSource, HostSignIn, MsalHost } from '../host.js';
import type { MsalSession } from '../session.js';
import { LwsPublicClientApplication } from './application.js';
import { withOpaqueMsalIframes } from './opaque-iframe.js';
import { SignInListener } from './sign-in-listener.js';

/** How long `signIn()` waits for the sign-in page by default: ten minutes. */
const defaultSignInTimeoutMs = 600_000;

/** A `signIn()` waiting for the sign-in page's hand-back. */
interface Waiter {
  done(): void;
  fail(error: CalloutError): void;
}

/**
 * The MSAL host inside Salesforce Lightning Web Security: part of the adaptations chunk, created
 * by the proxy of load.ts once that chunk has loaded (the proxy answers what must be known
 * before: the cache refusal, `signInUrl()`).
 *
 * - The instance is {@link LwsPublicClientApplication}: its hidden iframe's answer comes by
 *   `postMessage` from the Salesforce redirect page, and its channels survive LWS's clone errors.
 * - `ssoSilent` runs with MSAL's iframe created without `allow-same-origin` and hidden in a
 *   closed shadow root ({@link withOpaqueMsalIframes}).
 * - No window can open: interactive sign-in is the sign-in page (`signInPage`), opened by the
 *   user from a link. Its hand-back (sign-in-listener.ts) starts a silent sign-in, checked like
 *   any other; `signIn()` resolves when the provider has an account, rejects with `timeout` after
 *   `signInTimeout` (ten minutes), with `aborted` when its signal aborts, and at once with
 *   `third_party_cookies_required` when the hand-back's frame finds no session (see `#frameFailed`).
 */
export class LwsHost implements MsalHost {
  readonly opensWindows = false;
  readonly #session: MsalSession;
  readonly #listener: SignInListener | undefined;
  readonly #waiters = new Set<Waiter>();

  constructor(session: MsalSession) {
    this.#session = session;
    if (session.options.signInPage) {
      this.#listener = new SignInListener({
        clientId: session.clientId,
        onSignedIn: (username) => this.#handBack(username),
      });
    }
  }

  /** The app's instance as is, else a new {@link LwsPublicClientApplication} (synchronously). */
  createApplication(source: ApplicationSource): IPublicClientApplication {
    return 'instance' in source ? source.instance : LwsPublicClientApplication.create(source.configuration);
  }

  /**
   * MSAL's `ssoSilent`, its hidden iframe made opaque and kept out of `<body>` for the call. A
   * failure no sign-in can fix here — the frame is denied the identity provider's cookies, read
   * as `third_party_cookies_required` (silent-failure.ts) — rejects with that `CalloutError`, so
   * callers report it as it is instead of asking for a sign-in; any other failure rejects with
   * MSAL's error as is.
   */
  async ssoSilent(app: IPublicClientApplication, request: SsoSilentRequest): Promise<AuthenticationResult> {
    try {
      return await withOpaqueMsalIframes(() => app.ssoSilent(request));
    } catch (error) {
      const failure = await this.#session.readSsoFailure(error, request.scopes ?? []);
      throw failure.code === CalloutErrorCode.thirdPartyCookiesRequired ? failure : error;
    }
  }

  /**
   * Waits for the sign-in page's hand-back (LWS blocks popups and leaving the page): resolves
   * `null` once the session has an account; rejects at once without a sign-in page, and later
   * after `signInTimeout`, on `signal`'s abort, on {@link dispose}, or when the hand-back shows
   * that this browser keeps the identity provider's cookies from the hidden frame.
   */
  signIn({ signal }: HostSignIn): Promise<null> {
    if (!this.#listener) {
      return Promise.reject(
        new CalloutError({
          code: CalloutErrorCode.configurationError,
          message: 'Interactive sign-in is impossible inside Lightning Web Security without a sign-in page',
          hint: "Pass signInPage: the URL of the static resource's sign-in.html, and show provider.signInUrl() as a link (LWS blocks popups).",
        }),
      );
    }
    const timeoutMs = this.#session.options.signInTimeout ?? defaultSignInTimeoutMs;
    return new Promise<null>((resolve, reject) => {
      const waiter: Waiter = {
        done: () => settle(() => resolve(null)),
        fail: (error) => settle(() => reject(error)),
      };
      const onAbort = () => waiter.fail(abortedError(signal?.reason));
      const timer = setTimeout(() => waiter.fail(timeoutError(timeoutMs)), timeoutMs);
      const unsubscribe = this.#session.subscribe((account) => {
        if (account) waiter.done();
      });
      const settle = (then: () => void): void => {
        clearTimeout(timer);
        unsubscribe();
        signal?.removeEventListener('abort', onAbort);
        this.#waiters.delete(waiter);
        then();
      };
      this.#waiters.add(waiter);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort);
    });
  }

  /** Always `undefined`: the sign-in link is built without the adaptations, in load.ts. */
  signInUrl(): undefined {
    // Answered by the proxy (load.ts), which does not need the adaptations for it.
    return undefined;
  }

  /** Stops listening to the sign-in page; a `signIn()` still waiting rejects with `reason`. */
  dispose(reason?: CalloutError): void {
    this.#listener?.close();
    const error =
      reason ??
      new CalloutError({ code: CalloutErrorCode.configurationError, message: 'The provider was disposed' });
    for (const waiter of [...this.#waiters]) waiter.fail(error);
  }

  /**
   * The sign-in page announced a sign-in: the identity provider's session now exists, so sign in
   * silently (the announcement itself is not trusted: it only names a hint; the token comes from
   * ssoSilent, checked to be the announced — or better, the configured — user). A configured
   * login hint always wins over the announced username, so start-up (which resolves the hint) is
   * awaited before choosing. The listener throttles calls (sign-in-listener.ts). A waiting
   * `signIn()` resolves even when the account did not change (the same user signed in again).
   */
  async #handBack(username: string | undefined): Promise<void> {
    const session = this.#session;
    try {
      await session.startup;
      const hint = session.loginHint ?? username;
      if (!hint || session.disposed) return;
      // The sign-in page signed in (first-party): a frame that then finds no session is denied the cookies.
      session.interactiveAt = Date.now();
      const scopes = session.signInScopes();
      const handedBack = await this.ssoSilent(session.app, {
        scopes,
        redirectUri: session.redirectUri,
        loginHint: hint,
      }).catch((error: unknown) => this.#frameFailed(error, scopes));
      // Refused (and dropped from MSAL's cache) unless it is the announced or configured user.
      const result = await session.accept(
        handedBack,
        { loginHint: hint, account: session.account },
        'ssoSilent',
      );
      session.signedIn(result.account ?? undefined);
      if (session.account) for (const waiter of [...this.#waiters]) waiter.done();
    } catch {
      // A forged or premature announcement: nothing changes; the next demand reports as usual.
    }
  }

  /**
   * The hidden frame failed right after the sign-in page announced a sign-in. When it found no
   * session although the page had just made one, the browser keeps the identity provider's
   * cookies from the frame (silent-failure.ts reads it as `third_party_cookies_required`), and
   * that frame is the only way a token reaches the sandbox: a waiting `signIn()` would only run
   * out its `signInTimeout`, so it fails now with that error — unless another cue waits to be
   * served (a forged cue that came first must not end the wait for the genuine one). Always
   * rejects (with `error`), so the hand-back stops.
   */
  async #frameFailed(error: unknown, scopes: string[]): Promise<never> {
    const session = this.#session;
    const failure = await session.readSsoFailure(error, scopes);
    session.lastSilent = { at: Date.now(), outcome: failure.code };
    const blocked = failure.code === CalloutErrorCode.thirdPartyCookiesRequired;
    if (blocked && !this.#listener?.pending) for (const waiter of [...this.#waiters]) waiter.fail(failure);
    throw error;
  }
}

function timeoutError(timeoutMs: number): CalloutError {
  return new CalloutError({
    code: CalloutErrorCode.timeout,
    message: `signIn() waited ${Math.round(timeoutMs / 1000)} s and the sign-in page handed no sign-in back`,
    hint: "Open the sign-in link (provider.signInUrl()) and finish signing in there, then try again. If that page says you are signed in, check that the static resource's sign-in page was built with this provider's client id. signInTimeout sets how long signIn() waits.",
  });
}

function abortedError(reason: unknown): CalloutError {
  return new CalloutError({
    code: CalloutErrorCode.aborted,
    message: 'signIn() was aborted before the sign-in page handed a sign-in back',
    cause: reason,
  });
}
