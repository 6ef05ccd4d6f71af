import { expect } from '@open-wc/testing';
import { SignInListener } from '../../src/msal/lws/sign-in-listener.js';
import { type ChannelWitness, witnessChannel } from '../support/channels.js';

/**
 * The sign-in page's hand-back listener on its own (the LWS flow with a real provider is in
 * test/salesforce/sign-in-cues-*.test.ts): what it accepts and how it throttles what cues start.
 * Cues are posted on the plain channel from another BroadcastChannel of this page.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `h.calls` has `count` entries (channel delivery is slower on a loaded machine). */
async function untilCalls(h: Harness, count: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (h.calls.length < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} attempts, saw ${h.calls.length}`);
    await sleep(5);
  }
}

interface Harness {
  clientId: string;
  /** Usernames each started attempt was given, in order. */
  calls: (string | undefined)[];
  /** Ends the attempt currently running. */
  finish: () => void;
  post: (message: unknown) => void;
  listener: SignInListener;
  /** Opened after the listener's channel: once it has heard a cue, the listener has handled it. */
  witness: ChannelWitness;
  close: () => void;
}

function listen(intervalMs: number): Harness {
  const clientId = crypto.randomUUID();
  const calls: (string | undefined)[] = [];
  let finish = () => {};
  const listener = new SignInListener({
    clientId,
    intervalMs,
    onSignedIn: (username) => {
      calls.push(username);
      return new Promise<void>((resolve) => {
        finish = resolve;
      });
    },
  });
  const witness = witnessChannel(`sso-callout.sign-in.${clientId}`);
  const sender = new BroadcastChannel(`sso-callout.sign-in.${clientId}`);
  return {
    clientId,
    calls,
    finish: () => finish(),
    post: (message) => sender.postMessage(message),
    listener,
    witness,
    close: () => {
      listener.close();
      witness.close();
      sender.close();
    },
  };
}

const cue = (clientId: string, username?: string) => ({
  type: 'sso-callout.signed-in',
  clientId,
  ...(username === undefined ? {} : { username }),
});

describe('the LWS sign-in hand-back listener', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it('accepts the sign-in page’s announcement, with or without a username', async () => {
    h = listen(0);
    h.post(cue(h.clientId, 'jane@contoso.com'));
    await untilCalls(h, 1);
    h.finish();
    await sleep(20);
    h.post(cue(h.clientId));
    await untilCalls(h, 2);
    expect(h.calls).to.deep.equal(['jane@contoso.com', undefined]);
  });

  it('ignores messages of another shape, another client, or with a username that is no user name', async () => {
    h = listen(0);
    for (const message of [
      { ...cue(h.clientId), username: 'x'.repeat(300) },
      { ...cue(h.clientId), username: 'jane' },
      { ...cue(h.clientId), username: 7 },
      { ...cue(h.clientId, 'jane@contoso.com'), extra: true },
      { ...cue(h.clientId, 'jane@contoso.com'), type: 'sso-callout.signed-out' },
      cue(crypto.randomUUID(), 'jane@contoso.com'),
      [cue(h.clientId)],
      null,
      'sso-callout.signed-in',
    ]) {
      h.post(message);
    }
    await sleep(100);
    expect(h.calls).to.deep.equal([]);
  });

  it('starts nothing while an attempt runs and at most one per window, then one for the cues that waited', async () => {
    h = listen(400);
    for (let i = 0; i < 50; i++) h.post(cue(h.clientId, `user${i}@contoso.com`));
    await untilCalls(h, 1);
    await sleep(50);
    expect(h.calls).to.deep.equal(['user0@contoso.com']);
    await sleep(500); // the window is over, but the first attempt still runs
    expect(h.calls).to.have.length(1);
    await h.witness.heard(50); // every cue has reached the listener before the attempt ends
    h.finish();
    await untilCalls(h, 2);
    // The cues that arrived meanwhile are served by one attempt, with the latest cue's username.
    expect(h.calls).to.deep.equal(['user0@contoso.com', 'user49@contoso.com']);
    h.finish();
    await sleep(500);
    expect(h.calls).to.have.length(2);
  });

  it('serves a cue that lands in a flood once the window ends, instead of dropping it', async () => {
    h = listen(300);
    h.post(cue(h.clientId, 'mallory@contoso.com'));
    await untilCalls(h, 1);
    h.finish();
    h.post(cue(h.clientId, 'jane@contoso.com'));
    // Checked as soon as the cue has arrived, not after a sleep the window might outlast.
    await h.witness.heard(2);
    expect(h.listener.pending, 'the cue waits for the window').to.equal(true);
    expect(h.calls).to.deep.equal(['mallory@contoso.com']);
    await untilCalls(h, 2);
    expect(h.calls).to.deep.equal(['mallory@contoso.com', 'jane@contoso.com']);
  });

  it('drops a waiting attempt and hears nothing more once closed', async () => {
    h = listen(200);
    h.post(cue(h.clientId));
    await untilCalls(h, 1);
    h.finish();
    h.post(cue(h.clientId));
    await h.witness.heard(2); // the second cue waits for the window: close before it ends
    expect(h.listener.pending).to.equal(true);
    h.listener.close();
    h.post(cue(h.clientId));
    await sleep(400);
    expect(h.calls).to.have.length(1);
  });
});
