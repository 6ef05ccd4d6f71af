/**
 * One tab of the cross-tab measure: a client whose provider fetches opaque tokens from the bench
 * server's counting token endpoint (shared by every tab, so the server counts acquisitions of the
 * whole browser context). The provider has no cache of its own, let alone one shared by tabs.
 * `crossTab`: `true` (the default: locks and signals, no token on the wire), `'share-tokens'`
 * (tokens sent to the other tabs) or `false`.
 */
import { type Callout, createCallout, functionProvider } from '../../src/index.js';
import { expose } from './support/expose.js';
import { fetchToken } from './support/server.js';

let callout: Callout | undefined;

/** Creates this tab's client. */
async function setup({
  crossTab,
  channelName,
  lifetimeSeconds,
}: {
  crossTab: boolean | 'share-tokens';
  channelName: string;
  lifetimeSeconds: number;
}): Promise<void> {
  callout?.dispose();
  callout = createCallout({
    providers: { bench: functionProvider(() => fetchToken(lifetimeSeconds)) },
    credentials: {
      Api: { url: `${location.origin}/api/`, provider: 'bench', scopes: ['api://bench/.default'] },
    },
    crossTab,
    channelName,
  });
}

/** One authorized call; resolves to whether it succeeded. */
async function call(): Promise<boolean> {
  if (!callout) throw new Error('call setup() first');
  await callout('callout:Api/ping').json();
  return true;
}

expose({ setup, call });
