import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';

describe('the test page', () => {
  it('intercepts cross-origin fetch with MSW', async () => {
    const worker = setupWorker(
      http.get('https://api.contoso.test/ping', () => HttpResponse.json({ ok: true })),
    );
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
    const response = await fetch('https://api.contoso.test/ping');
    expect(await response.json()).to.deep.equal({ ok: true });
    worker.stop();
  });
});
