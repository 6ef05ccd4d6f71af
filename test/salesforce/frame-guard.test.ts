import { expect } from '@open-wc/testing';
import type { CalloutError } from '../../src/diagnostics/callout-error.js';
import { guardMsalFrame } from '../../src/msal/lws/frame-guard.js';
import { hideMsalFrame, msalFrameHidden, releaseMsalFrame } from '../../src/msal/lws/frame-host.js';
import { opaqueIframesActive, withOpaqueMsalIframes } from '../../src/msal/lws/opaque-iframe.js';

/** An iframe as MSAL's `createHiddenIframe` makes it, before it is connected or navigated. */
function msalLikeFrame(): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.className = 'msalSilentIframe';
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
  return frame;
}

/** Lets queued MutationObserver callbacks run. */
const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the hidden iframe under LWS: hidden and guarded', () => {
  it('lets MSAL navigate its iframe once, and reports a second navigation as sign_in_tampered', async () => {
    const frame = msalLikeFrame();
    const seen: CalloutError[] = [];
    const stop = guardMsalFrame(frame, (error) => seen.push(error));
    frame.setAttribute('src', 'about:blank#authorize?state=s1');
    await microtasks();
    expect(seen).to.deep.equal([]);
    frame.setAttribute('src', 'about:blank#code=attacker&state=s1');
    await microtasks();
    expect(seen.map((error) => error.code)).to.deep.equal(['sign_in_tampered']);
    expect(seen[0]?.message).to.contain('src');
    stop();
  });

  it('reports any other attribute change, such as a sandbox that regains allow-same-origin, once', async () => {
    const frame = msalLikeFrame();
    const seen: string[] = [];
    const stop = guardMsalFrame(frame, (error) => seen.push(error.message));
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.setAttribute('name', 'target');
    await microtasks();
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('sandbox');
    stop();
  });

  it('stops watching when told to', async () => {
    const frame = msalLikeFrame();
    let seen = 0;
    guardMsalFrame(frame, () => seen++)();
    frame.setAttribute('src', 'about:blank#1');
    frame.setAttribute('src', 'about:blank#2');
    await microtasks();
    expect(seen).to.equal(0);
  });

  it('hides the iframe in a closed shadow root that a DOM query cannot enter, and removes it on release', () => {
    const frame = msalLikeFrame();
    const connected: Node[] = [];
    hideMsalFrame(frame, (node) => {
      connected.push(node);
      document.body.appendChild(node);
    });
    const host = connected[0] as HTMLElement;
    expect(connected).to.have.length(1);
    expect(host).not.to.equal(frame);
    expect(host.shadowRoot).to.equal(null);
    expect(frame.isConnected).to.equal(true);
    expect(document.querySelector('iframe.msalSilentIframe')).to.equal(null);
    expect(msalFrameHidden(frame)).to.equal(true);
    releaseMsalFrame(frame);
    expect(host.isConnected).to.equal(false);
    expect(msalFrameHidden(frame)).to.equal(false);
  });

  it('puts only MSAL’s iframes, created during its call, out of <body>, and restores <body> afterwards', async () => {
    const made = await withOpaqueMsalIframes(async () => {
      const ours = document.createElement('iframe');
      ours.className = 'msalSilentIframe';
      ours.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
      document.body.appendChild(ours);
      const plain = document.createElement('iframe');
      document.body.appendChild(plain);
      return { ours, plain, patched: Object.hasOwn(document.body, 'appendChild') };
    });
    expect(made.patched).to.equal(true);
    expect(made.ours.parentNode).to.be.instanceOf(ShadowRoot);
    expect(made.ours.getAttribute('sandbox')).to.equal('allow-scripts allow-forms');
    expect(made.plain.parentNode).to.equal(document.body);
    expect(Object.hasOwn(document.body, 'appendChild')).to.equal(false);
    expect(opaqueIframesActive()).to.equal(false);
    releaseMsalFrame(made.ours);
    made.plain.remove();
  });
});
