import { expect } from '@open-wc/testing';
import type { SsoCalloutGlobal } from '../../salesforce/sso-callout.js';
import { defaultNamespace, type LwsLoadMode, loadStaticResource, runInSandbox } from './lws-sandbox.js';
import { waitUntil } from './wait-until.js';

/** What the sandboxed client reports back. */
interface CrossTabReport {
  /** The error `createCallout({ crossTab: 'share-tokens' })` threw, or `created`. */
  shareTokens: { code: string; hint: string } | 'created';
  /** Tokens the default client acquired (each must stay inside the sandbox). */
  issued: string[];
  error?: string;
}

/**
 * Inside the sandbox: asks for a client that shares tokens across tabs (must be refused), then
 * runs a default client on the default channel whose provider issues `lws-secret-…` tokens: one
 * acquisition and one forced refresh. Only this function's text enters the sandbox.
 */
async function sandboxedClients(): Promise<CrossTabReport> {
  const lib = (globalThis as unknown as { ssoCallout: SsoCalloutGlobal }).ssoCallout;
  let shareTokens: CrossTabReport['shareTokens'] = 'created';
  try {
    lib.createCallout({ providers: {}, crossTab: 'share-tokens' }).dispose();
  } catch (error) {
    const e = error as { code: string; hint: string };
    shareTokens = { code: e.code, hint: e.hint };
  }
  const issued: string[] = [];
  const callout = lib.createCallout({
    providers: {
      p: lib.functionProvider(async () => {
        issued.push(`lws-secret-${issued.length + 1}`);
        return { accessToken: issued.at(-1) as string, expiresOn: Date.now() + 3_600_000 };
      }),
    },
    credentials: {
      Orders: { url: 'https://api.contoso.test/v1/', provider: 'p', scopes: ['api://orders/Orders.Read'] },
    },
  });
  try {
    await callout.token('Orders');
    await callout.token('Orders', { forceRefresh: true });
    return { shareTokens, issued };
  } catch (error) {
    return { shareTokens, issued, error: String(error) };
  } finally {
    // Let the signals leave before the channel closes.
    await new Promise((resolve) => setTimeout(resolve, 100));
    callout.dispose();
  }
}

/**
 * Cross-tab coordination inside Lightning Web Security: `crossTab: 'share-tokens'` is refused,
 * and the default client puts no token on the channel, which any same-origin context — the host
 * page, another namespace's non-sandboxed code — could read under its LWS-prefixed name.
 */
export function describeLwsCrossTab(options: { gated: boolean; load: LwsLoadMode }): void {
  const mode = `${options.gated ? 'gated' : 'ungated'} LWS, loaded by ${options.load}`;
  describe(`cross-tab coordination inside ${mode}`, () => {
    it('refuses to share tokens across tabs and lets a listener outside the sandbox hear no token', async () => {
      await loadStaticResource(options.load);
      const heard: unknown[] = [];
      const listeners = ['sso-callout', `LSKey-${defaultNamespace}$sso-callout`].map((name) => {
        const channel = new BroadcastChannel(name);
        channel.addEventListener('message', (e) => heard.push(e.data));
        return channel;
      });
      try {
        const report = await runInSandbox(sandboxedClients, {});
        expect(report.shareTokens).to.not.equal('created');
        expect(report.shareTokens).to.deep.include({ code: 'configuration_error' });
        // The client's two signals (acquired, refreshed) cross the browser process: wait for them
        // rather than trust the sandbox's pause to have been long enough.
        await waitUntil(() => heard.length >= 2, 'the listeners never heard both signals');
        expect(heard.length).to.be.greaterThan(0); // the listeners do hear the signals
        expect(JSON.stringify(heard)).not.to.contain('lws-secret');
        // callout.token() works in the sandbox (its Promise is not the page's).
        expect(report.error).to.equal(undefined);
        expect(report.issued).to.deep.equal(['lws-secret-1', 'lws-secret-2']);
      } finally {
        for (const channel of listeners) channel.close();
      }
    });
  });
}
