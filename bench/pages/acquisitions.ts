/**
 * IdP acquisitions: N components mounted at once against the Azure AD emulator (real MSAL, MSW),
 * cold (nothing cached, an Azure AD session exists) then warm (the same N mounted again). Ours:
 * N `<callout-get>` sharing one client; plain MSAL: one PublicClientApplication, each component
 * calling acquireTokenSilent (ssoSilent when no account yet); naive: one MSAL instance per
 * component. Counts token endpoint requests and hidden-iframe authorize requests.
 */
import { type AccountInfo, PublicClientApplication } from '@azure/msal-browser';
import { setupWorker } from 'msw/browser';
import { type Callout, createCallout } from '../../src/index.js';
import { msalProvider } from '../../src/msal.js';
import { createAadEmulator } from '../../test/support/aad-emulator.js';
import { createApiEmulator } from '../../test/support/api-emulator.js';
import { expose } from './support/expose.js';
import { registerCalloutGet } from './support/register.js';
import { mountCalloutGets, settleAll } from './support/settle.js';

registerCalloutGet();

const aad = createAadEmulator({ session: 'jane@contoso.com' });
const api = createApiEmulator({ issuer: aad });
const apiBase = 'https://api.contoso.test/v1/';
const scopes = ['api://orders/Orders.Read'];
const loginHint = 'jane@contoso.com';
const redirectUri = `${location.origin}/redirect.html`;
const timeoutMs = 60_000;

/** What one mount of N components cost at the identity provider. */
export interface AcquisitionResult {
  tokenRequests: number;
  silentAuthorize: number;
  ok: number;
  failed: number;
  timedOut: boolean;
  ms: number;
}

/** One way of giving N components a token: `mount(n)` runs them all, `dispose()` cleans up. */
interface Variant {
  mount(n: number): Promise<{ ok: number; failed: number; timedOut: boolean }>;
  dispose(): void;
}

/** Ours: N <callout-get> sharing one client with the MSAL provider. */
function ours(clientId: string): Variant {
  const callout: Callout = createCallout({
    providers: {
      aad: msalProvider({
        clientId,
        redirectUri,
        loginHint,
        interaction: 'none',
        cache: 'session',
        msal: { auth: { clientId, ...aad.msalAuth } },
      }),
    },
    credentials: { Orders: { url: apiBase, provider: 'aad', scopes } },
    crossTab: false,
  });
  const host = document.createElement('div');
  document.body.append(host);
  return {
    mount: (n) => {
      host.replaceChildren();
      return mountCalloutGets(
        host,
        n,
        (element, i) => {
          Object.assign(element, { callout });
          element.setAttribute('credential', 'Orders');
          element.setAttribute('path', `orders/${i}`);
        },
        timeoutMs,
      );
    },
    dispose: () => {
      host.remove();
      callout.dispose();
    },
  };
}

function msalConfig(clientId: string) {
  return {
    auth: { clientId, redirectUri, ...aad.msalAuth },
    cache: { cacheLocation: 'sessionStorage' as const },
  };
}

/** A component's token the plain-MSAL way: acquireTokenSilent, or ssoSilent without an account. */
async function componentToken(pca: PublicClientApplication): Promise<string> {
  const account: AccountInfo | undefined = pca.getAllAccounts()[0];
  const result = account
    ? await pca.acquireTokenSilent({ account, scopes })
    : await pca.ssoSilent({ scopes, loginHint, redirectUri });
  return result.accessToken;
}

async function callApi(token: string, i: number): Promise<void> {
  const response = await fetch(`${apiBase}orders/${i}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`API answered ${response.status}`);
}

/** Plain MSAL: one shared instance, every component asks it for its own token. */
async function plainMsal(clientId: string): Promise<Variant> {
  const pca = new PublicClientApplication(msalConfig(clientId));
  await pca.initialize();
  return {
    mount: (n) =>
      settleAll(
        Array.from({ length: n }, async (_, i) => callApi(await componentToken(pca), i)),
        timeoutMs,
      ),
    dispose: () => {},
  };
}

/** Naive: every component creates and initializes its own MSAL instance. */
function naiveMsal(clientId: string): Variant {
  return {
    mount: (n) =>
      settleAll(
        Array.from({ length: n }, async (_, i) => {
          const pca = new PublicClientApplication(msalConfig(clientId));
          await pca.initialize();
          await callApi(await componentToken(pca), i);
        }),
        timeoutMs,
      ),
    dispose: () => {},
  };
}

const variants: Record<string, (clientId: string) => Variant | Promise<Variant>> = {
  ours,
  'plain-msal': plainMsal,
  'naive-msal': naiveMsal,
};

let worker: ReturnType<typeof setupWorker> | undefined;

/** Mounts `n` components with `variant` twice: cold (nothing cached), then warm. */
async function run({
  variant,
  n,
}: {
  variant: string;
  n: number;
}): Promise<{ cold: AcquisitionResult; warm: AcquisitionResult }> {
  const make = variants[variant];
  if (!make) throw new Error(`unknown variant ${variant}`);
  if (!worker) {
    worker = setupWorker(...aad.handlers, ...api.handlers);
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  }
  sessionStorage.clear();
  const subject = await make(crypto.randomUUID());
  const once = async (): Promise<AcquisitionResult> => {
    aad.resetCounters();
    const started = performance.now();
    const outcome = await subject.mount(n);
    return {
      tokenRequests: aad.counters.token,
      silentAuthorize: aad.counters.silentAuthorize,
      ...outcome,
      ms: performance.now() - started,
    };
  };
  try {
    const cold = await once();
    const warm = await once();
    return { cold, warm };
  } finally {
    subject.dispose();
  }
}

expose({ run });
