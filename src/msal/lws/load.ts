import { disposedError, msalError } from '../errors.js';
import type { MsalHost } from '../host.js';
import { closeChannels, withOwnChannels } from '../own-channels.js';
import type { MsalSession } from '../session.js';
import { refuseSharedCacheUnderLws } from './mode.js';
import { signInPageUrl } from './sign-in-url.js';

/** What `adaptations.ts` exports: the LWS adaptations the MSAL provider loads on demand. */
export type MsalLws = typeof import('./adaptations.js');

let loading: Promise<MsalLws> | undefined;

/**
 * Loads the LWS adaptations of the MSAL provider (`adaptations.ts`) with a dynamic `import()`, once
 * per page however many providers ask: bundlers that split code put them in a chunk of their own,
 * which only pages running inside Lightning Web Security (or forcing `lws: true`) download. A
 * failed load is forgotten, so the next call tries again.
 */
export function loadMsalLws(): Promise<MsalLws> {
  loading ??= import('./adaptations.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * The MSAL host for Lightning Web Security, as the provider's own chunk sees it: starts loading
 * the adaptations at once and hands every MSAL step to the real host (`LwsHost`, lws-host.ts)
 * once they are here. Answers without them what must be answered at once: `createApplication`
 * refuses MSAL's `localStorage` cache synchronously (its broadcasts carry tokens), and
 * `signInUrl()` builds the sign-in page's link. It also owns the channels of the instance the
 * real host creates (own-channels.ts), so the adaptations chunk shares no module with this one
 * but the sign-in link's. A failed load rejects `createApplication` with `network_error`
 * (start-up reports it); `dispose()` before the load ends disposes the host as soon as it exists.
 */
export function lwsHost(session: MsalSession): MsalHost {
  let host: InstanceType<MsalLws['LwsHost']> | undefined;
  let disposed = false;
  let channels: BroadcastChannel[] = [];
  const loaded = loadMsalLws().then(
    (lws) => {
      host = new lws.LwsHost(session);
      if (disposed) host.dispose(disposedError());
      return host;
    },
    (error: unknown) => {
      throw msalError(
        'network_error',
        'msalProvider could not load its LWS adaptations',
        'Serve every file of the sso-callout/msal build (the LWS adaptations are a chunk of their own).',
        error,
      );
    },
  );
  loaded.catch(() => {}); // Reported through start-up, never unhandled.
  return {
    opensWindows: false,
    createApplication(source) {
      if ('instance' in source) {
        refuseSharedCacheUnderLws(source.instance.getConfiguration().cache?.cacheLocation, 'instance');
      } else {
        refuseSharedCacheUnderLws(source.configuration.cache?.cacheLocation, 'cache');
      }
      return loaded.then((real) => {
        // The channels of an instance the host creates are closed on dispose (own-channels.ts).
        const created = withOwnChannels(() => real.createApplication(source));
        channels = created.channels;
        return created.value;
      });
    },
    ssoSilent: (app, request) => loaded.then((real) => real.ssoSilent(app, request)),
    signIn: (signIn) => loaded.then((real) => real.signIn(signIn)),
    signInUrl(loginHint) {
      const page = session.options.signInPage;
      // No identity-provider setting in the link: the page has its own, fixed by its build.
      if (!page) return undefined;
      const namespace = session.options.lwsNamespace ?? 'c';
      return signInPageUrl({ page, namespace, ...(loginHint ? { loginHint } : {}) });
    },
    dispose() {
      disposed = true;
      host?.dispose(disposedError());
      closeChannels(channels);
      channels = [];
    },
  };
}
