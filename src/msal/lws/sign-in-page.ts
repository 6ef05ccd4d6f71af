import { BrowserCacheLocation, type Configuration, PublicClientApplication } from '@azure/msal-browser';
import { parseSignInPageConfig, type SignInPageConfig } from './sign-in-config.js';
import { signedInMessageType, signInChannelName } from './sign-in-listener.js';
import { isLoginHint, isLwsNamespace } from './sign-in-url.js';

/** What happened on this load of the sign-in page. */
export type SignInPageOutcome =
  | { state: 'redirecting' }
  | { state: 'signed-in'; username: string }
  | { state: 'failed'; message: string };

/** Options of {@link runSignInPage}. */
export interface SignInPageOptions {
  /** The settings the build baked into the page's script (JSON text or object); see docs/salesforce.md. */
  config: unknown;
  /** The page's window. Default `globalThis`. */
  window?: Window;
}

/** The only query parameters the sign-in link may carry (`sign-in-url.ts`). */
const linkParameters: ReadonlySet<string> = new Set(['ns', 'login_hint']);

const oidcScopes = ['openid', 'profile', 'offline_access'];

/**
 * The script of the static resource's `sign-in.html`, which runs **outside** Lightning Web
 * Security on the org's origin (see `sign-in-listener.ts`). Its identity-provider settings —
 * client id, authority, metadata, scopes — come only from `config`, fixed when the static
 * resource was built; nothing in the page's URL or storage can change where it signs in or where
 * MSAL sends the authorization code and PKCE verifier.
 *
 * 1. Framed, it does nothing at all (an interactive sign-in page has no business in a frame:
 *    clickjacking), and says so.
 * 2. Back from Azure AD (this page is its redirect URI: register it as a Single-page application
 *    redirect URI), MSAL handles the answer and the page announces the signed-in username on the
 *    namespace's BroadcastChannel (`LSKey-<ns>$` prefixed, and plain for ungated orgs). The
 *    namespace travelled through MSAL's `state`, which MSAL binds to its own request state.
 * 3. Otherwise it reads its link, which may carry only `ns` (a Salesforce namespace) and
 *    `login_hint` (an email/UPN shape): anything else, or an invalid value, and it refuses to
 *    start. Then it starts `loginRedirect` with the built-in settings.
 *
 * MSAL keeps its request state in this tab's sessionStorage across the redirect (nothing of the
 * page's own); its cache is cleared after the announcement, so the page leaves no token behind.
 * Resolves with the outcome; never rejects.
 */
export async function runSignInPage(options: SignInPageOptions): Promise<SignInPageOutcome> {
  const page = options.window ?? globalThis.window;
  if (page.top !== page.self) {
    return failed('This sign-in page runs only in a tab of its own, never inside a frame.');
  }
  let config: SignInPageConfig;
  try {
    config = parseSignInPageConfig(options.config);
  } catch (error) {
    return failed(`This sign-in page was built without valid settings (${messageOf(error)}).`);
  }
  const redirectUri = `${page.location.origin}${page.location.pathname}`;
  try {
    const msal = new PublicClientApplication(msalConfiguration(config, redirectUri));
    await msal.initialize();
    const result = await msal.handleRedirectPromise();
    if (result?.account) {
      const username = result.account.username;
      announce(config.clientId, isLwsNamespace(result.state) ? result.state : 'c', username);
      await msal.clearCache();
      return { state: 'signed-in', username };
    }
    const link = readLink(new URLSearchParams(page.location.search));
    if (typeof link === 'string') return failed(link);
    await msal.loginRedirect({
      scopes: [...new Set([...oidcScopes, ...config.scopes])],
      redirectUri,
      state: link.namespace,
      ...(link.loginHint ? { loginHint: link.loginHint } : {}),
      ...(config.domainHint ? { domainHint: config.domainHint } : {}),
    });
    return { state: 'redirecting' };
  } catch (error) {
    return failed(messageOf(error));
  }
}

/** MSAL's configuration: everything from the build's settings, only the redirect URI from the page. */
function msalConfiguration(config: SignInPageConfig, redirectUri: string): Configuration {
  const knownAuthorities =
    config.knownAuthorities ?? (config.authorityMetadata ? [new URL(config.authority).host] : undefined);
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri,
      ...(config.authorityMetadata ? { authorityMetadata: config.authorityMetadata } : {}),
      ...(knownAuthorities ? { knownAuthorities } : {}),
    },
    // A redirect needs MSAL's request state to survive the navigation: sessionStorage (this tab
    // only). The page clears MSAL's cache once it has announced the sign-in. Redirects in a frame
    // stay refused (MSAL's default), on top of the page's own frame check.
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  };
}

/** The link's namespace and login hint, or why the link is refused. */
function readLink(query: URLSearchParams): { namespace: string; loginHint?: string } | string {
  const names = [...query.keys()];
  const foreign = names.filter((name) => !linkParameters.has(name));
  if (foreign.length > 0) {
    return `This sign-in link carries settings the page does not take from a link (${foreign.join(', ')}): use the sign-in link of the Salesforce component.`;
  }
  if (new Set(names).size !== names.length) return 'This sign-in link repeats a parameter.';
  const namespace = query.get('ns') ?? 'c';
  if (!isLwsNamespace(namespace)) return 'This sign-in link names no valid Salesforce namespace (ns).';
  const loginHint = query.get('login_hint');
  if (loginHint === null) return { namespace };
  if (!isLoginHint(loginHint)) return 'This sign-in link’s login_hint is not a user name (name@domain).';
  return { namespace, loginHint };
}

function announce(clientId: string, namespace: string, username: string): void {
  const message = { type: signedInMessageType, clientId, username };
  const name = signInChannelName(clientId);
  // LWS (gated) prefixes channel names created in the sandbox with `LSKey-<namespace>$`.
  for (const channelName of [`LSKey-${namespace}$${name}`, name]) {
    const channel = new BroadcastChannel(channelName);
    channel.postMessage(message);
    channel.close();
  }
}

function failed(message: string): SignInPageOutcome {
  return { state: 'failed', message };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
