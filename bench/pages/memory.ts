/**
 * Memory: mounts and unmounts `<callout-get>` (each mount completes one real call to the loopback
 * bench API with a cached token), and counts the subscriptions the elements leave on the client.
 * The runner reads listeners and the JS heap over CDP after forced garbage collection.
 */
import { createCallout, functionProvider, setDefaultCallout } from '../../src/index.js';
import { expose } from './support/expose.js';
import { registerCalloutGet } from './support/register.js';

registerCalloutGet();

const callout = createCallout({
  providers: {
    bench: functionProvider(async () => ({
      accessToken: 'bench-static-token',
      expiresOn: Date.now() + 3_600_000,
    })),
  },
  credentials: {
    Loop: { url: `${location.origin}/api/`, provider: 'bench', scopes: ['api://bench/.default'] },
  },
});
setDefaultCallout(callout);

/** Live subscriptions to the credential registry (made through its public `subscribe`). */
let credentialSubscriptions = 0;
const subscribe = callout.credentials.subscribe.bind(callout.credentials);
callout.credentials.subscribe = (listener) => {
  credentialSubscriptions++;
  const unsubscribe = subscribe(listener);
  return () => {
    credentialSubscriptions--;
    unsubscribe();
  };
};

/** The client's event bus, for the runner's CDP `DOMDebugger.getEventListeners`. */
Object.assign(globalThis, { benchEvents: callout.events });

const host = document.createElement('div');
document.body.append(host);

/** Mounts one element, waits for its data (or 2 s), unmounts it. */
async function cycle(): Promise<boolean> {
  const element = document.createElement('callout-get');
  element.setAttribute('credential', 'Loop');
  element.setAttribute('path', 'ping');
  const settled = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 2000);
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    element.addEventListener('callout-response', () => finish(true), { once: true });
    element.addEventListener('callout-error', () => finish(false), { once: true });
  });
  host.append(element);
  const ok = await settled;
  element.remove();
  return ok;
}

/** Runs `count` mount/unmount cycles; returns how many got their data and the live subscriptions. */
async function cycles({
  count,
}: {
  count: number;
}): Promise<{ ok: number; credentialSubscriptions: number }> {
  let ok = 0;
  for (let i = 0; i < Math.min(count, 10_000); i++) if (await cycle()) ok++;
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { ok, credentialSubscriptions };
}

expose({ cycles });
