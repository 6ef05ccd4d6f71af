import { expect } from '@open-wc/testing';
import { click } from '../support/aad-gesture.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import {
  attackerCode,
  attackerOrigin,
  attackerPage,
  cleanUpAfterEach,
  forgedAnswer,
  frame,
  type HeldAuthorize,
  holdAuthorize,
  messageFrom,
  presentedCodes,
  type Victim,
  victimApp,
} from '../support/oidc-attacker.js';
import { callbackPage } from '../support/oidc-setup.js';

const isPosted = (data: unknown): data is { attacker: 'posted' } =>
  (data as { attacker?: unknown } | null)?.attacker === 'posted';
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Attacker: a page of another origin that frames the victim's app or is opened by it (an ad, a
 * widget, a link the user followed), or a same-origin page that does not know the sign-in's
 * secrets. While the app waits for the answer of its hidden iframe or popup, the attacker posts
 * a forged oidc-client answer carrying the attacker's own authorization code, hoping the app
 * redeems it and signs the victim in as the attacker (login CSRF). The strongest cross-origin
 * attacker here even knows the waiting request's `state`.
 */
describe('login CSRF into a waiting OpenID Connect sign-in', () => {
  const msw = useMsw();
  failOnUnhandledRejections();
  const keep = cleanUpAfterEach();

  /**
   * Posts `forged` to this page from a sandboxed frame (opaque origin), a frame of another
   * origin and a window of another origin this page opened, waiting until each has posted; then
   * posts it on `guesses` BroadcastChannels named after guessed states (each forged answer
   * carrying its guessed state). Returns how many forgeries were sent.
   */
  async function forgeEverywhere(code: string, state: string, guesses: number): Promise<number> {
    const forged = forgedAnswer(`${callbackPage}?code=${code}&state=${state}`);
    const sandboxed = messageFrom('null', isPosted);
    const script = `parent.postMessage(${JSON.stringify(forged)}, '*'); parent.postMessage({ attacker: 'posted' }, '*');`;
    keep.element(frame('about:blank', { sandbox: 'allow-scripts', srcdoc: `<script>${script}</script>` }));
    await sandboxed;
    const framed = messageFrom(attackerOrigin, isPosted);
    keep.element(frame(attackerPage({ post: forged })));
    await framed;
    const opened = messageFrom(attackerOrigin, isPosted);
    const popup = window.open(attackerPage({ post: forged }), '_blank');
    await opened;
    popup?.close();
    for (let n = 0; n < guesses; n++) {
      const guess = crypto.randomUUID().replaceAll('-', '');
      const channel = new BroadcastChannel(`oidc-client-popup-${guess}`);
      channel.postMessage(forgedAnswer(`${callbackPage}?code=${code}&state=${guess}`));
      channel.close();
    }
    await wait(500);
    return 3 + guesses;
  }

  /**
   * While `v`'s sign-in (started by `start`, which resolves with the username) waits for the
   * `held` authorize answer: forges the attacker's code with the real state from everywhere,
   * checks nothing was redeemed, releases the answer and checks Jane signed in with her own code.
   */
  async function attackWhileWaiting(v: Victim, held: HeldAuthorize, start: () => Promise<string>) {
    const signedIn = start();
    const state = (await held.arrived).searchParams.get('state') ?? '';
    expect(state).to.not.equal('');
    const code = await attackerCode(v.idp, { clientId: v.clientId, redirectUri: callbackPage });
    expect(await forgeEverywhere(code, state, 50)).to.equal(53);
    expect(presentedCodes(v), 'codes presented to the token endpoint').to.not.include(code);
    expect(v.idp.counters.token, 'token requests while the answer is held').to.equal(0);
    expect(v.provider.account).to.equal(undefined);
    expect(v.accounts).to.deep.equal([]);
    held.release();
    expect(await signedIn).to.equal('jane@contoso.com');
    expect(presentedCodes(v)).to.have.length(1).and.not.include(code);
    expect(v.idp.counters.authorizationCodeGrants).to.equal(1);
    expect(v.accounts).to.deep.equal(['jane@contoso.com']);
  }

  it('refuses forged answers from other origins and guessed channels while its hidden iframe waits, then signs Jane in with her own code', async function () {
    this.timeout(60_000); // The forgeries take seconds on a busy machine; the iframe waits for them.
    const v = keep.victim(victimApp(msw.use, { silentTimeoutSeconds: 45 }));
    const held = holdAuthorize(v.idp);
    msw.use(held.handler);
    await attackWhileWaiting(v, held, async () => {
      return (await v.callout('callout:Orders/orders').json<{ user: string }>()).user;
    });
    expect(v.idp.counters).to.include({ silentAuthorize: 1, signInPage: 0 });
  });

  it('refuses forged answers from other origins and guessed channels while its popup waits, then signs Jane in with her own code', async function () {
    this.timeout(60_000);
    const v = keep.victim(victimApp(msw.use, { interaction: 'popup' }));
    v.idp.state.session = undefined;
    const held = holdAuthorize(v.idp);
    msw.use(held.handler);
    await attackWhileWaiting(v, held, async () => (await click(() => v.callout.signIn())).username);
    expect(v.idp.counters.signInPage).to.equal(1);
  });
});
