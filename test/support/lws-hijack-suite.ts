import { expect } from '@open-wc/testing';
import { signedInMessageType, signInChannelName } from '../../src/msal/lws/sign-in-listener.js';
import type { ApiCall } from './api-emulator.js';
import { type LwsScenario, startLwsScenario } from './lws-aad.js';
import { sandboxedVictim, type VictimContext, type VictimReport } from './lws-hijack-victim.js';
import { type Hostile, type HostileOptions, type HostileReport, startHostile } from './lws-hostile.js';
import { type LwsLoadMode, loadStaticResource, redirectPath, runInSandbox } from './lws-sandbox.js';

const jane = 'jane@contoso.com';
const sam = 'sam@contoso.com';

/** The API's answer names the caller by display name, which no error message of ours contains. */
const respond = (call: ApiCall) => ({ path: call.path, owner: `Orders of ${String(call.claims.name)}` });
const samsData = 'Orders of Sam Lee';
const janesData = 'Orders of Jane Doe';

/** One attack: the victim's run, the hostile component's, and the scenario they ran against. */
interface Attack {
  s: LwsScenario;
  victim: VictimReport;
  hostile: HostileReport | undefined;
}

/** Options of {@link attack}. */
interface AttackOptions {
  hostile: HostileOptions;
  /**
   * The victim makes one genuine callout first; then the API revokes that token and the refresh
   * token stops working, so the next callout signs in silently again (hidden iframe).
   */
  warmUp?: boolean;
  /** Start the hostile component only after the element's first run (for the hand-back). */
  late?: boolean;
  loginHint?: string | undefined;
  signInPage?: string;
  /** Outside the sandbox, after the hostile component started late: the sign-in page's cue. */
  handBack?: (s: LwsScenario) => void;
}

/**
 * Runs the victim component in the `c` namespace and, at the chosen moment, a hostile component
 * in another namespace. Entra ID's authorize endpoint takes 300 ms, as it does for real, so the
 * hostile component acts while the genuine answer is on its way.
 */
async function attack(options: AttackOptions): Promise<Attack> {
  const s = await startLwsScenario({ api: { respond }, authorizeDelayMs: 300 });
  const container = document.createElement('div');
  document.body.appendChild(container);
  let hostile: Hostile | undefined;
  const start = () => {
    hostile = startHostile(s, options.hostile);
  };
  try {
    const victim = await runInSandbox(sandboxedVictim, {
      clientId: s.clientId,
      redirectUri: new URL(redirectPath, location.href).href,
      msalAuth: s.msalAuth,
      container,
      loginHint: 'loginHint' in options ? options.loginHint : jane,
      ...(options.signInPage ? { signInPage: options.signInPage } : {}),
      warmUp: options.warmUp ?? false,
      // The hand-back signs in (or not) in the background: give it time to.
      awaitAccountMs: options.handBack ? 3_000 : 0,
      between: async () => {
        if (options.warmUp) {
          s.api.revokeAll();
          s.aad.faults.refreshTokenExpired = true;
        }
        if (!options.late) start();
      },
      beforeSecond: async () => {
        if (options.late) {
          start();
          options.handBack?.(s);
        }
        await hostile?.report;
        // Let what the forged answer started settle (redeeming the code, checking the account).
        await new Promise((resolve) => setTimeout(resolve, 500));
      },
    } satisfies VictimContext);
    return { s, victim, hostile: await hostile?.report };
  } finally {
    hostile?.stop();
    container.remove();
  }
}

/** The sign-in page's announcement, as it posts it (namespace-prefixed for gated orgs, and plain). */
function announceSignIn(s: LwsScenario, username: string): void {
  const name = signInChannelName(s.clientId);
  for (const channelName of [`LSKey-c$${name}`, name]) {
    const channel = new BroadcastChannel(channelName);
    channel.postMessage({ type: signedInMessageType, clientId: s.clientId, username });
    channel.close();
  }
}

/** The attacker never reached the API and the component never showed the attacker's data. */
function expectNoAttackerAnywhere({ s, victim }: Attack): void {
  expect(s.api.subjects, 'users the API saw').not.to.include(sam);
  for (const text of victim.texts) expect(text, 'what the component showed').not.to.contain(samsData);
  expect(victim.account, 'the provider’s account').not.to.equal(sam);
  expect(victim.cached, 'users in MSAL’s cache').not.to.include(sam);
}

/** Account hijack through MSAL's hidden iframe by another namespace, for one gate mode and load. */
export function describeLwsHijack(options: { gated: boolean; load: LwsLoadMode }): void {
  const mode = `${options.gated ? 'gated' : 'ungated'} LWS, loaded by ${options.load === 'script' ? '<script src>' : 'evaluation'}`;

  describe(`a hostile namespace against MSAL’s hidden iframe (${mode})`, () => {
    before(async () => {
      await loadStaticResource(options.load);
    });

    it('cannot find MSAL’s iframe by polling the DOM (or observing <body>, where LWS allows it), so the page’s user signs in and the API never sees the attacker', async () => {
      const run = await attack({
        hostile: { navigation: 'setAttribute', forgery: 'code', leak: false, timeoutMs: 3_000 },
      });
      expect(run.victim.error).to.equal(undefined);
      expectNoAttackerAnywhere(run);
      expect(run.hostile?.found).to.equal(false);
      expect(run.victim.states).to.deep.equal(['data', 'data']);
      expect(run.victim.texts[0]).to.contain(janesData);
      expect(run.s.api.subjects).to.deep.equal([jane, jane]);
    });

    it('re-navigating the iframe with setAttribute(src) to the redirect page with an attacker’s code ends that attempt as sign_in_tampered; nothing is redeemed and the next run signs in the page’s user', async () => {
      const run = await attack({ hostile: { navigation: 'setAttribute', forgery: 'code', leak: true } });
      expect(run.victim.error).to.equal(undefined);
      expectNoAttackerAnywhere(run);
      expect(run.hostile, JSON.stringify(run.hostile)).to.include({ navigated: true });
      expect(run.victim.errors).to.deep.equal(['sign_in_tampered']);
      expect(run.victim.states).to.deep.equal(['error', 'data']);
      expect(run.victim.texts[1]).to.contain(janesData);
      // The attacker's code was never redeemed: the only code grant is the second run's own.
      expect(run.s.aad.counters.authorizationCodeGrants).to.equal(1);
      expect(run.s.api.subjects).to.deep.equal([jane]);
    });

    it('navigating the iframe’s window to the redirect page with an attacker’s code is refused as account_mismatch: no API call as the attacker, nothing of theirs shown or cached', async () => {
      const run = await attack({ hostile: { navigation: 'location', forgery: 'code', leak: true } });
      expect(run.victim.error).to.equal(undefined);
      expectNoAttackerAnywhere(run);
      expect(run.hostile, JSON.stringify(run.hostile)).to.include({ navigated: true });
      expect(run.victim.errors).to.deep.equal(['account_mismatch']);
      expect(run.victim.states).to.deep.equal(['error', 'data']);
      expect(run.victim.texts[0]).to.contain(jane).and.not.contain(samsData);
      expect(run.victim.texts[1]).to.contain(janesData);
      // MSAL redeemed the attacker's code (the account check runs on its result), then the genuine one.
      expect(run.s.aad.counters.authorizationCodeGrants).to.equal(2);
      expect(run.s.api.subjects).to.deep.equal([jane]);
      expect(run.victim.account).to.equal(jane);
    });

    it('a forged #error=interaction_required put in with setAttribute(src) costs one silent attempt, reported as sign_in_tampered: no sign-in is asked for and the next run signs in silently', async () => {
      const run = await attack({ hostile: { navigation: 'setAttribute', forgery: 'error', leak: true } });
      expect(run.victim.error).to.equal(undefined);
      expect(run.hostile, JSON.stringify(run.hostile)).to.include({ navigated: true });
      expect(run.victim.errors).to.deep.equal(['sign_in_tampered']);
      expect(run.victim.interactionRequired).to.equal(0);
      expect(run.victim.states).to.deep.equal(['error', 'data']);
      expect(run.victim.sources).to.deep.equal(['sso-silent']);
      expect((await run.s.authorizeCounters()).signInPage).to.equal(0);
    });

    it('a forged #error=interaction_required through the iframe’s window costs at most one failed silent attempt: the signed-in account and MSAL’s cache stay, no sign-in page opens, and the next run signs in silently', async () => {
      const run = await attack({
        warmUp: true,
        hostile: { navigation: 'location', forgery: 'error', leak: true },
      });
      expect(run.victim.error).to.equal(undefined);
      expect(run.hostile, JSON.stringify(run.hostile)).to.include({ navigated: true });
      // Indistinguishable from Azure AD's own answer, so reported as it says…
      expect(run.victim.errors).to.deep.equal(['interaction_required']);
      // …but it changed nothing: the account, its cache and a silent next run.
      expect(run.victim.states).to.deep.equal(['error', 'data']);
      expect(run.victim.sources.at(-1)).to.equal('sso-silent');
      expect(run.victim.sources).not.to.include('interactive');
      expect(run.victim.account).to.equal(jane);
      expect(run.victim.cached).to.deep.equal([jane]);
      expect((await run.s.authorizeCounters()).signInPage).to.equal(0);
      expect(run.s.api.subjects).to.deep.equal([jane, jane]);
    });

    it('a sign-in handed back by the sign-in page and hijacked on its way is refused, and the attacker’s account is not left in MSAL’s cache for the next callout', async () => {
      const run = await attack({
        loginHint: undefined,
        signInPage: new URL('/__lws/sign-in.html', location.href).href,
        late: true,
        handBack: (s) => announceSignIn(s, jane),
        hostile: { navigation: 'location', forgery: 'code', leak: true },
      });
      expect(run.victim.error).to.equal(undefined);
      expectNoAttackerAnywhere(run);
      expect(run.hostile, JSON.stringify(run.hostile)).to.include({ navigated: true });
      // No hint, no account: the first run needs a sign-in; the hijacked hand-back signs nobody in.
      expect(run.victim.errors[0]).to.equal('interaction_required');
      expect(run.s.aad.counters.authorizationCodeGrants).to.equal(1);
      expect(run.victim.states).to.deep.equal(['error', 'error']);
      expect(run.victim.account).to.equal(undefined);
      expect(run.s.api.subjects).to.deep.equal([]);
    });
  });
}
