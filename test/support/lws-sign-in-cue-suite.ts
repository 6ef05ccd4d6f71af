import { expect } from '@open-wc/testing';
import { type LwsScenario, startLwsScenario } from './lws-aad.js';
import { loadStaticResource, redirectPath, runInSandbox } from './lws-sandbox.js';
import { type SandboxedApp, sandboxedMsal } from './lws-sandbox-kit.js';
import { waitUntil } from './wait-until.js';

/**
 * Forged cues on the sign-in page's hand-back channel. Anyone on the org's origin (a page outside
 * LWS, another static resource, an ungated namespace) can post on it; a cue makes the sandboxed
 * provider run a silent sign-in. The tests post from the host page, as such an attacker would,
 * and count silent authorize requests at the emulated Azure AD.
 */

const signInPage = '/__lws/sign-in.html';

/** Context handed into the sandbox. */
interface CueContext extends SandboxedApp {
  signInPage: string;
  loginHint: string;
  /** The login hint comes from a function that resolves after this many milliseconds. */
  hintDelayMs: number;
}

/** What the sandboxed provider lets the test see. */
interface CueHandle {
  ready: () => Promise<void>;
  account: () => string | undefined;
  /** Calls `signIn()` (its timeout: the default ten minutes); resolves with `signed in` or the error's code. */
  signIn: () => Promise<string>;
}

/** Inside the sandbox: an MSAL provider with a sign-in page, listening for the page's cue. */
function sandboxedProvider(context: CueContext): CueHandle {
  const provider = sandboxedMsal(
    context,
    {
      loginHint:
        context.hintDelayMs > 0
          ? () =>
              new Promise<string>((resolve) =>
                setTimeout(() => resolve(context.loginHint), context.hintDelayMs),
              )
          : context.loginHint,
      interaction: 'none',
      signInPage: context.signInPage,
    },
    { iframeBridgeTimeout: 3_000 },
  );
  return {
    ready: () => provider.ready(),
    account: () => provider.account?.username,
    signIn: () =>
      provider.signIn().then(
        () => 'signed in',
        (error: { code?: string }) => error.code ?? String(error),
      ),
  };
}

async function startProvider(s: LwsScenario, loginHint: string, hintDelayMs = 0): Promise<CueHandle> {
  return runInSandbox(sandboxedProvider, {
    clientId: s.clientId,
    redirectUri: new URL(redirectPath, location.href).href,
    signInPage: new URL(signInPage, location.href).href,
    msalAuth: s.msalAuth,
    loginHint,
    hintDelayMs,
  } satisfies CueContext);
}

/** Posts `message` where the sign-in page announces: the namespace-prefixed and the plain channel. */
function post(clientId: string, message: unknown): void {
  const name = `sso-callout.sign-in.${clientId}`;
  for (const channelName of [`LSKey-c$${name}`, name]) {
    const channel = new BroadcastChannel(channelName);
    channel.postMessage(message);
    channel.close();
  }
}

function cue(clientId: string, username?: string): object {
  return { type: 'sso-callout.signed-in', clientId, ...(username === undefined ? {} : { username }) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The cue tests inside the real LWS sandbox, for one gate mode. */
export function describeSignInCues(options: { gated: boolean }): void {
  describe(`the sign-in hand-back channel against forged cues (${options.gated ? 'gated' : 'ungated'} LWS)`, () => {
    before(async () => {
      await loadStaticResource('eval');
    });

    it('starts at most one silent sign-in for fifty forged cues', async () => {
      const s = await startLwsScenario();
      const provider = await startProvider(s, 'jane@contoso.com');
      await provider.ready();
      for (let i = 0; i < 50; i++) post(s.clientId, cue(s.clientId, 'jane@contoso.com'));
      // The first cue is served at once: wait for its sign-in (however slow the machine), then
      // give the other forty-nine a moment to start sign-ins of their own if they were going to.
      await waitUntil(() => provider.account() === 'jane@contoso.com', 'the first cue never signed Jane in', {
        timeout: 15_000,
      });
      await sleep(1_500);
      // One attempt, not fifty: the rest wait for the 5 s window.
      expect((await s.authorizeCounters()).silentAuthorize).to.equal(1);
    });

    it('starts no silent sign-in for cues of the wrong shape, size or types', async () => {
      const s = await startLwsScenario();
      const provider = await startProvider(s, 'jane@contoso.com');
      await provider.ready();
      const forged: unknown[] = [
        { ...cue(s.clientId), username: `${'j'.repeat(300)}@contoso.com` },
        { ...cue(s.clientId), username: 42 },
        { ...cue(s.clientId), username: null },
        { ...cue(s.clientId), username: ['jane@contoso.com'] },
        { ...cue(s.clientId, 'jane@contoso.com'), accessToken: 'planted' },
        { ...cue(s.clientId), username: 'jane@contoso.com<script>' },
        [cue(s.clientId, 'jane@contoso.com')],
        'sso-callout.signed-in',
        cue(crypto.randomUUID(), 'jane@contoso.com'),
      ];
      for (const message of forged) post(s.clientId, message);
      await sleep(1_500);
      expect((await s.authorizeCounters()).silentAuthorize).to.equal(0);
      expect(provider.account()).to.equal(undefined);
    });

    it('keeps a waiting signIn() waiting while another cue waits to be served, so a cue that came first cannot end it', async () => {
      // The user has a session, but the browser keeps it from the hidden frame: every attempt fails.
      const s = await startLwsScenario({ thirdPartyCookiesBlocked: true });
      const provider = await startProvider(s, 'jane@contoso.com');
      await provider.ready();
      const outcome = provider.signIn();
      // Two cues at once: the first is served now, the second waits for the 5 s window.
      post(s.clientId, cue(s.clientId, 'jane@contoso.com'));
      post(s.clientId, cue(s.clientId, 'jane@contoso.com'));
      expect(await outcome).to.equal('third_party_cookies_required');
      // It ended after the second cue's attempt, not the first's — and long before ten minutes.
      expect((await s.authorizeCounters()).silentAuthorize).to.equal(2);
      expect(provider.account()).to.equal(undefined);
    });

    it('never signs in the user a cue names in place of the configured login hint, even before the hint is known', async () => {
      // The Azure AD session is Sam's; the component is configured for Jane (its hint resolves late).
      const s = await startLwsScenario({ aad: { session: 'sam@contoso.com' } });
      const provider = await startProvider(s, 'jane@contoso.com', 1_000);
      for (let i = 0; i < 12; i++) {
        post(s.clientId, cue(s.clientId, 'sam@contoso.com'));
        await sleep(100);
      }
      await provider.ready();
      await sleep(1_500);
      expect(provider.account()).to.not.equal('sam@contoso.com');
      expect(provider.account()).to.equal(undefined);
      expect((await s.authorizeCounters()).silentAuthorize).to.be.at.most(1);
    });
  });
}
