import { expect } from '@open-wc/testing';
import { waitForFrameResponse } from '../../src/msal/lws/frame-response.js';

/**
 * An opaque-origin frame (sandbox="allow-scripts", like MSAL's iframe under LWS) that posts to
 * this page whatever the page asks it to: the stand-in for a redirect page, genuine or hostile.
 */
async function echoFrame(): Promise<{ frame: HTMLIFrameElement; post: (message: unknown) => void }> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.srcdoc = `<script>addEventListener('message', (e) => parent.postMessage(e.data, '*'));</script>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.appendChild(frame);
  await loaded;
  return { frame, post: (message) => frame.contentWindow?.postMessage(message, '*') };
}

/** Resolves once `count` messages have reached this window (after every earlier listener ran). */
function delivered(count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const listener = (): void => {
      seen++;
      if (seen < count) return;
      window.removeEventListener('message', listener);
      resolve();
    };
    window.addEventListener('message', listener);
  });
}

/**
 * Waits (up to 10 s, or until `signal` aborts) for the answer carrying `state` from `frame`,
 * recording why each other message was ignored.
 */
function listen(
  frame: HTMLIFrameElement,
  state: string,
  signal?: AbortSignal,
): { waiting: Promise<string>; ignored: string[] } {
  const ignored: string[] = [];
  const waiting = waitForFrameResponse({
    frame,
    state,
    timeoutMs: 10_000,
    ...(signal ? { signal } : {}),
    onIgnored: (reason) => ignored.push(reason),
  });
  return { waiting, ignored };
}

const type = 'sso-callout.msal-response';
const answer = (state: string, extra = ''): string => `#code=c1&state=${encodeURIComponent(state)}${extra}`;

describe('the LWS hidden-iframe answer listener', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });
  const frame = async () => {
    const made = await echoFrame();
    frames.push(made.frame);
    return made;
  };

  it('accepts the answer of its own frame carrying its state', async () => {
    const own = await frame();
    const waiting = waitForFrameResponse({ frame: own.frame, state: 's1', timeoutMs: 10_000 });
    own.post({ type, response: answer('s1') });
    expect(await waiting).to.equal(answer('s1'));
  });

  it('ignores a wrong state, a message from another window and one from the page itself', async () => {
    const own = await frame();
    const other = await frame();
    const { waiting, ignored } = listen(own.frame, 's1');
    own.post({ type, response: answer('s2') });
    other.post({ type, response: answer('s1') });
    window.postMessage({ type, response: answer('s1') }, '*');
    await delivered(3);
    expect(ignored).to.have.members(['state', 'source', 'source']);
    own.post({ type, response: answer('s1') });
    expect(await waiting).to.equal(answer('s1'));
  });

  it('ignores oversized and malformed answers from its own frame', async () => {
    const own = await frame();
    const { waiting, ignored } = listen(own.frame, 's1');
    const forged: unknown[] = [
      { type, response: answer('s1', `&pad=${'a'.repeat(20_000)}`) },
      { type, response: answer('s1').slice(1) },
      { type: 'msal-response', response: answer('s1') },
      answer('s1'),
      null,
      { type, response: 42 },
    ];
    for (const message of forged) own.post(message);
    await delivered(forged.length);
    expect(ignored).to.deep.equal(forged.map(() => 'shape'));
    own.post({ type, response: answer('s1') });
    expect(await waiting).to.equal(answer('s1'));
  });

  it('hears nothing after the flow ended, so a replayed answer reaches no one', async () => {
    const own = await frame();
    let ignoredAfterwards = 0;
    const first = waitForFrameResponse({ frame: own.frame, state: 's1', timeoutMs: 10_000 });
    own.post({ type, response: answer('s1') });
    await first;
    const controller = new AbortController();
    const { waiting: second, ignored } = listen(own.frame, 's2', controller.signal);
    // Replay of the first answer: the first listener is gone; the second one wants another state.
    own.post({ type, response: answer('s1') });
    await delivered(1);
    expect(ignored).to.deep.equal(['state']);
    controller.abort(new Error('flow ended'));
    const outcome = await second.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    expect(outcome).to.equal('flow ended');
    // After the abort, even the answer the second flow wanted is heard by no listener.
    const late = waitForFrameResponse({
      frame: own.frame,
      state: 's3',
      timeoutMs: 10_000,
      signal: AbortSignal.abort(new Error('already over')),
      onIgnored: () => ignoredAfterwards++,
    });
    expect(await late.catch((error: Error) => error.message)).to.equal('already over');
    own.post({ type, response: answer('s3') });
    await delivered(1);
    expect(ignoredAfterwards).to.equal(0);
  });

  it('ignores every message when the request has no state', async () => {
    const own = await frame();
    const controller = new AbortController();
    const { waiting, ignored } = listen(own.frame, '', controller.signal);
    own.post({ type, response: '#code=c1&state=' });
    await delivered(1);
    controller.abort(new Error('stop'));
    expect(await waiting.catch((error: Error) => error.message)).to.equal('stop');
    expect(ignored).to.deep.equal(['state']);
  });
});
