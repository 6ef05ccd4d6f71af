import { expect } from '@open-wc/testing';
import type { OidcInteraction } from '../../src/oidc.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import {
  attackerCode,
  cleanUpAfterEach,
  presentedCodes,
  restorePageAfterEach,
  type Victim,
  victimApp,
} from '../support/oidc-attacker.js';
import { createOidcEmulator, type OidcEmulator } from '../support/oidc-emulator.js';
import { callbackPage } from '../support/oidc-setup.js';

/** States an attacker might try: random, empty-looking, and names every plain object has. */
const guessedStates = [
  crypto.randomUUID().replaceAll('-', ''),
  '__proto__',
  'constructor',
  'toString',
  'null',
];

/**
 * Attacker: anyone who can send the victim a link to the app's own page — the page a full-page
 * redirect sign-in returns to — with `?code=<the attacker's code>&state=<a guess>` (or an
 * `error=` answer), when the victim started no sign-in. The page must not redeem the code, sign
 * anyone in or remember a failure. The query is left as it is: it is not an answer to this
 * provider's own request, so it may belong to another library or route of the page, and nothing
 * acts on it.
 */
describe('a crafted link to the app page that a redirect sign-in returns to', () => {
  const msw = useMsw();
  failOnUnhandledRejections();
  const keep = cleanUpAfterEach();
  const original = restorePageAfterEach();

  /** This page's URL as if the victim had opened the attacker's link: `answer` added to the query. */
  function landOn(answer: Record<string, string>): string {
    const url = new URL(original);
    for (const [name, value] of Object.entries(answer)) url.searchParams.set(name, value);
    history.replaceState(history.state, '', url.href);
    return url.href;
  }

  /**
   * The victim's app, created on this page once its URL is the crafted one (`answer`, given the
   * server and the app's client id); resolves once its start-up is done.
   */
  async function startOn(
    answer: (idp: OidcEmulator, clientId: string) => Promise<Record<string, string>>,
    interaction: OidcInteraction,
  ): Promise<{ v: Victim; href: string }> {
    const idp = createOidcEmulator();
    const clientId = `spa-${crypto.randomUUID()}`;
    const href = landOn(await answer(idp, clientId));
    const v = keep.victim(victimApp(msw.use, { interaction, clientId }, idp));
    await v.provider.ready();
    return { v, href };
  }

  for (const interaction of ['redirect', 'popup'] as const) {
    it(`redeems no attacker code for any guessed state (interaction ${interaction}), signs nobody in and leaves the query alone; Jane then signs in with her own code`, async () => {
      for (const state of guessedStates) {
        let code = '';
        const { v, href } = await startOn(async (idp, clientId) => {
          code = await attackerCode(idp, { clientId, redirectUri: callbackPage });
          return { code, state };
        }, interaction);
        expect(v.idp.counters.token, `token requests (state ${state})`).to.equal(0);
        expect(v.provider.account).to.equal(undefined);
        expect(location.href, 'the query is left to whoever owns it').to.equal(href);
        const body = await v.callout('callout:Orders/orders').json<{ user: string }>();
        expect(body.user).to.equal('jane@contoso.com');
        expect(presentedCodes(v)).to.have.length(1).and.not.include(code);
        expect(v.accounts).to.deep.equal(['jane@contoso.com']);
      }
    });
  }

  it('takes no error answer for a guessed state: the next callout signs Jane in silently instead of failing', async () => {
    for (const state of guessedStates) {
      const { v } = await startOn(
        async () => ({ error: 'access_denied', error_description: 'The attacker says no', state }),
        'redirect',
      );
      const body = await v.callout('callout:Orders/orders').json<{ user: string }>();
      expect(body.user, `state ${state}`).to.equal('jane@contoso.com');
      expect(v.idp.counters).to.include({ silentAuthorize: 1, authorizationCodeGrants: 1, signInPage: 0 });
    }
  });
});
