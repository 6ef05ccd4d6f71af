import { expect } from '@open-wc/testing';
import type { Callout } from '../../src/create-callout.js';
import { isCalloutError } from '../../src/diagnostics/callout-error.js';
import { CalloutErrorCode } from '../../src/diagnostics/error-codes.js';
import { type MsalAuthProvider, msalProvider } from '../../src/msal.js';
import type { Account } from '../../src/types.js';
import { createAadEmulator } from '../support/aad-emulator.js';
import { click } from '../support/aad-gesture.js';
import { type AadScenario, useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

/** `promise`, or a plain Error (not a CalloutError, so the test fails) when it has not settled after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the promise had not settled after ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

describe('signIn() always settles', () => {
  failOnUnhandledRejections();
  const { start, others } = useScenarios();

  /**
   * A second app on the page (its own client id, the same user) that signs in with full-page
   * redirects; `navigations` counts the redirects MSAL would start (none is let through).
   */
  const redirectingApp = (t: AadScenario) => {
    const clientId = crypto.randomUUID();
    const counts = { navigations: 0 };
    const app = t.reload({
      clientId,
      interaction: 'redirect',
      msal: {
        auth: {
          clientId,
          ...t.aad.msalAuth,
          onRedirectNavigate: () => {
            counts.navigations++;
            return false;
          },
        },
      },
    });
    others.push(app.callout);
    return { ...app, counts };
  };

  /** Signs in with `popup` from a click and, once that holds the page's interaction lock, with `redirect`. */
  const popupThenRedirect = (popup: Callout, redirect: Callout) =>
    click(async () => {
      const outcome = (attempt: Promise<Account>) =>
        attempt.then(
          (account): Account | unknown => account,
          (error: unknown) => error,
        );
      const popupSignIn = outcome(popup.signIn());
      // The popup holds the page-wide interaction lock by the next task.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const redirectSignIn = outcome(within(redirect.signIn(), 8_000));
      return Promise.all([popupSignIn, redirectSignIn]);
    });

  it('settles a redirect sign-in asked for while a popup sign-in runs with the account the popup signed in, and never redirects', async () => {
    const s = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
    const redirecting = redirectingApp(s);
    await Promise.all([s.provider.ready(), redirecting.provider.ready()]);
    const [popup, redirect] = await popupThenRedirect(s.callout, redirecting.callout);
    expect((popup as Account).username).to.equal('jane@contoso.com');
    expect((redirect as Account).username).to.equal('jane@contoso.com');
    expect(redirecting.counts.navigations).to.equal(0);
    expect(s.aad.counters.signInPage).to.equal(1);
  });

  it('settles a redirect sign-in asked for while a popup sign-in runs with interaction_required when the popup signs nobody in, and never redirects', async () => {
    const s = await start({ aad: { session: null }, provider: { interaction: 'popup' } });
    s.aad.faults.signInDeclined = true;
    const redirecting = redirectingApp(s);
    await Promise.all([s.provider.ready(), redirecting.provider.ready()]);
    const [popup, redirect] = await popupThenRedirect(s.callout, redirecting.callout);
    expect(isCalloutError(popup) && popup.code).to.equal(CalloutErrorCode.consentRequired);
    expect(isCalloutError(redirect) && redirect.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(isCalloutError(redirect) && redirect.hint).to.contain('signIn()');
    expect(redirecting.counts.navigations).to.equal(0);
    expect(redirecting.provider.account).to.equal(undefined);
    expect(s.aad.counters.signInPage).to.equal(1);
  });
});

describe('signIn() through the LWS sign-in page', () => {
  const providers: MsalAuthProvider[] = [];
  failOnUnhandledRejections();
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.dispose();
  });

  /** A provider with the LWS adaptations forced on (no sandbox needed to wait for the page). */
  const lwsProvider = (signInTimeout?: number): MsalAuthProvider => {
    const aad = createAadEmulator();
    const clientId = crypto.randomUUID();
    const provider = msalProvider({
      clientId,
      loginHint: 'jane@contoso.com',
      lws: true,
      cache: 'memory',
      signInPage: `${location.origin}/__lws/sign-in.html`,
      ...(signInTimeout === undefined ? {} : { signInTimeout }),
      msal: { auth: { clientId, ...aad.msalAuth } },
    });
    providers.push(provider);
    return provider;
  };

  it('rejects with timeout after signInTimeout when the sign-in page hands nothing back', async () => {
    const provider = lwsProvider(300);
    await provider.ready();
    const started = performance.now();
    const error = await expectFailure(within(provider.signIn(), 5_000));
    const waited = performance.now() - started;
    expect(error.code).to.equal(CalloutErrorCode.timeout);
    expect(error.hint).to.contain('signInUrl()').and.contain('signInTimeout');
    expect(waited).to.be.within(250, 4_000);
  });

  it('rejects with aborted as soon as its signal aborts, keeping the reason as the cause', async () => {
    const provider = lwsProvider();
    await provider.ready();
    const controller = new AbortController();
    const pending = within(provider.signIn({ signal: controller.signal }), 5_000);
    setTimeout(() => controller.abort(new Error('the user closed the dialog')), 50);
    const error = await expectFailure(pending);
    expect(error.code).to.equal(CalloutErrorCode.aborted);
    expect(String((error.cause as Error | undefined)?.message)).to.contain('closed the dialog');
    const already = await expectFailure(within(provider.signIn({ signal: controller.signal }), 1_000));
    expect(already.code).to.equal(CalloutErrorCode.aborted);
  });

  it('rejects a waiting signIn() when the provider is disposed', async () => {
    const provider = lwsProvider();
    await provider.ready();
    const pending = within(provider.signIn(), 5_000);
    setTimeout(() => provider.dispose(), 50);
    const error = await expectFailure(pending);
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.message).to.contain('disposed');
  });
});
