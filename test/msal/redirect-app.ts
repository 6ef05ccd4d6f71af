import { PublicClientApplication } from '@azure/msal-browser';
import { type Callout, createCallout } from '../../src/create-callout.js';
import type { MsalProviderOptions } from '../../src/msal/options.js';
import { type MsalAuthProvider, msalProvider } from '../../src/msal.js';
import { aadOrders } from '../support/test-client.js';

/** What the test page (the frame's parent) asks the app to be. */
export interface RedirectAppConfig {
  clientId: string;
  /** The emulator's MSAL `auth` options (`aad.msalAuth`). */
  msalAuth: { authority: string; knownAuthorities: string[]; authorityMetadata: string };
  /** Provider options besides the defaults (jane's login hint, `interaction: 'redirect'`). */
  options?: Partial<MsalProviderOptions>;
  /** How many providers (each with its own client) the page starts. Default 1. */
  providers?: number;
  /** Whether the providers share one PublicClientApplication the page made (`instance`). */
  shareInstance?: boolean;
  /** MSAL's `system.allowRedirectInIframe` (the app runs in a frame here). Default true. */
  allowRedirectInIframe?: boolean;
}

/** One load of the app, handed to the parent. */
export interface RedirectApp {
  providers: MsalAuthProvider[];
  callouts: Callout[];
  /** Calls of `handleRedirectPromise` on the shared instance (0 without `shareInstance`). */
  handleRedirectCalls(): number;
  href: string;
}

interface Host {
  redirectAppConfig?: RedirectAppConfig;
  redirectAppLoaded?: (app: RedirectApp) => void;
}

/**
 * Starts the app on every load of `redirect-app.html`: providers that sign in with full-page
 * redirects (the frame navigates to the emulator's authorize page and back through the redirect
 * bridge), and hands them to the parent page, whose MSW worker answers every request.
 */
export function startRedirectApp(): void {
  const host = parent as unknown as Host;
  const config = host.redirectAppConfig;
  if (!config) throw new Error('redirect-app.html needs redirectAppConfig on its parent');
  const { clientId, msalAuth } = config;
  const redirectUri = `${location.origin}/redirect.html`;
  const system = { allowRedirectInIframe: config.allowRedirectInIframe ?? true };
  let calls = 0;
  let instance: PublicClientApplication | undefined;
  if (config.shareInstance) {
    instance = new PublicClientApplication({
      auth: { clientId, redirectUri, ...msalAuth },
      cache: { cacheLocation: 'sessionStorage' },
      system,
    });
    // A counting pass-through on the page's own object: the real MSAL does the work.
    const handle = instance.handleRedirectPromise.bind(instance);
    instance.handleRedirectPromise = (...args) => {
      calls++;
      return handle(...args);
    };
  }
  const providers = Array.from({ length: config.providers ?? 1 }, () =>
    msalProvider({
      clientId,
      redirectUri,
      loginHint: 'jane@contoso.com',
      interaction: 'redirect',
      ...config.options,
      ...(instance ? { instance } : {}),
      msal: { auth: { clientId, ...msalAuth }, system },
    }),
  );
  const callouts = providers.map((provider) =>
    createCallout({
      providers: { aad: provider },
      credentials: { Orders: aadOrders },
      crossTab: false,
    }),
  );
  host.redirectAppLoaded?.({ providers, callouts, handleRedirectCalls: () => calls, href: location.href });
}
