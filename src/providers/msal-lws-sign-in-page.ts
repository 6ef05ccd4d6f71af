import { BrowserCacheLocation, type Configuration, PublicClientApplication } from '@azure/msal-browser';
import { signedInMessageType, signInChannelName } from './msal-lws-sign-in.js';

/** The sign-in page's own settings, kept across the redirect to Azure AD (no token in it). */
interface SignInSettings {
  clientId: string;
  authority: string;
  scopes: string[];
  namespace: string;
  loginHint?: string;
  domainHint?: string;
  authorityMetadata?: string;
}

const settingsKey = 'sso-callout.sign-in.settings';

/** What happened on this load of the sign-in page. */
export type SignInPageOutcome =
  | { state: 'redirecting' }
  | { state: 'signed-in'; username: string }
  | { state: 'failed'; message: string };

/**
 * The script of the static resource's `sign-in.html`, which runs **outside** Lightning Web
 * Security on the org's origin (see `msal-lws-sign-in.ts`):
 *
 * 1. opened from the component's link with the settings in its query string, it stores them in
 *    its own tab's sessionStorage (settings only, never a token) and starts `loginRedirect`;
 * 2. back from Azure AD, MSAL handles the answer (this page is its redirect URI: register it as a
 *    Single-page application redirect URI), and the page announces the signed-in username on the
 *    namespace's BroadcastChannel (`LSKey-<ns>$` prefixed, and plain for ungated orgs).
 *
 * MSAL's cache (sessionStorage of this tab, needed across the redirect) is cleared after the
 * announcement, so the page leaves no token behind.
 */
export async function runSignInPage(location: Location = globalThis.location): Promise<SignInPageOutcome> {
  const fromQuery = readSettings(new URLSearchParams(location.search));
  if (fromQuery) sessionStorage.setItem(settingsKey, JSON.stringify(fromQuery));
  const settings = fromQuery ?? storedSettings();
  if (!settings)
    return { state: 'failed', message: 'This page is opened by a Lightning component’s sign-in link.' };
  const redirectUri = `${location.origin}${location.pathname}`;
  const configuration: Configuration = {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri,
      ...(settings.authorityMetadata
        ? {
            authorityMetadata: settings.authorityMetadata,
            knownAuthorities: [new URL(settings.authority).host],
          }
        : {}),
    },
    // A redirect needs MSAL's request state to survive the navigation: sessionStorage (this tab
    // only). The page clears MSAL's cache once it has announced the sign-in.
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    // Users open this page as a tab from the component's link; the LWS harness opens it in a frame
    // of the test page (the only way its token request reaches the emulator). Allowing that costs
    // nothing: Azure AD's interactive pages refuse to be framed, and a framed run can only do what
    // silent SSO already can, announcing no token.
    system: { allowRedirectInIframe: true },
  };
  try {
    const msal = new PublicClientApplication(configuration);
    await msal.initialize();
    const result = await msal.handleRedirectPromise();
    if (!result?.account) {
      await msal.loginRedirect({
        scopes: settings.scopes,
        redirectUri,
        ...(settings.loginHint ? { loginHint: settings.loginHint } : {}),
        ...(settings.domainHint ? { domainHint: settings.domainHint } : {}),
      });
      return { state: 'redirecting' };
    }
    sessionStorage.removeItem(settingsKey);
    announce(settings, result.account.username);
    await msal.clearCache();
    return { state: 'signed-in', username: result.account.username };
  } catch (error) {
    return { state: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

function announce(settings: SignInSettings, username: string): void {
  const message = { type: signedInMessageType, clientId: settings.clientId, username };
  const name = signInChannelName(settings.clientId);
  // LWS (gated) prefixes channel names created in the sandbox with `LSKey-<namespace>$`.
  for (const channelName of [`LSKey-${settings.namespace}$${name}`, name]) {
    const channel = new BroadcastChannel(channelName);
    channel.postMessage(message);
    channel.close();
  }
}

function readSettings(query: URLSearchParams): SignInSettings | undefined {
  const clientId = query.get('client_id');
  const authority = query.get('authority');
  if (!clientId || !authority) return undefined;
  const namespace = query.get('ns') ?? 'c';
  if (!/^[A-Za-z0-9_]{1,40}$/.test(namespace) || !authority.startsWith('https://')) return undefined;
  const loginHint = query.get('login_hint');
  const domainHint = query.get('domain_hint');
  const authorityMetadata = query.get('authority_metadata');
  return {
    clientId,
    authority,
    namespace,
    scopes: (query.get('scope') ?? 'openid profile').split(' ').filter(Boolean),
    ...(loginHint ? { loginHint } : {}),
    ...(domainHint ? { domainHint } : {}),
    ...(authorityMetadata ? { authorityMetadata } : {}),
  };
}

function storedSettings(): SignInSettings | undefined {
  try {
    const stored = sessionStorage.getItem(settingsKey);
    return stored ? (JSON.parse(stored) as SignInSettings) : undefined;
  } catch {
    return undefined;
  }
}
