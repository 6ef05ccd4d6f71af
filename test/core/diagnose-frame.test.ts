import { expect } from '@open-wc/testing';

/** Loads diagnose-frame.html from `origin` in a frame; resolves with its third-party cookie check. */
function checkInFrame(origin: string): Promise<{ status: string; seen: string }> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    const timer = setTimeout(() => reject(new Error('the frame never reported')), 15_000);
    const onMessage = (event: MessageEvent<{ type?: string; status: string; seen: string }>) => {
      if (event.source !== frame.contentWindow || event.data?.type !== 'diagnose-frame') return;
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      frame.remove();
      resolve(event.data);
    };
    addEventListener('message', onMessage);
    frame.src = `${origin}/test/core/diagnose-frame.html`;
    document.body.append(frame);
  });
}

/**
 * The page's third-party cookie check where the Storage Access API answers for real: in a frame.
 * The test page is on localhost; 127.0.0.1 is another site, whose frame the browser denies its
 * unpartitioned cookies (the test Chromium does so without any flag).
 */
describe('callout.diagnose() in a frame: third-party cookies', () => {
  it('passes in a frame of the same site, which has its cookies', async () => {
    const check = await checkInFrame(location.origin);
    expect(check.status).to.equal('ok');
    expect(check.seen).to.contain('hasStorageAccess');
  });

  it('warns in a frame of another site, which the browser denies its cookies', async () => {
    const check = await checkInFrame(`http://127.0.0.1:${location.port}`);
    expect(check.status).to.equal('warn');
    expect(check.seen).to.contain('hasStorageAccess: false');
  });
});
