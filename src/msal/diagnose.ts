/**
 * The MSAL provider's own checks for `callout.diagnose()`, loaded with a dynamic `import()` the
 * first time they run: its redirect page, Local Network Access between the identity provider and
 * that page, where MSAL keeps its cache, whether a Teams/Outlook host gives the tokens (nested app
 * authentication), the platform broker, and its Lightning Web Security adaptations. No token is
 * acquired and nothing is sent to the identity provider or any API.
 */
import type { Configuration } from '@azure/msal-browser';
import { check } from '../diagnostics/diagnose/catalog.js';
import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnostics/diagnosis.js';
import {
  addressSpaceOf,
  authorizeUrl,
  browserHasLocalNetworkAccess,
  crossesIntoLocalNetwork,
} from './address-space.js';
import { platformBrokerCheck } from './diagnose-broker.js';
import { redirectPageCheck } from './diagnose-redirect.js';
import type { MsalSession } from './session.js';

/**
 * Every check of the provider of `session`. `insideLws` is the core's probe and
 * `brokerAvailable` MSAL's platform-broker detection, handed over so that this chunk imports no
 * module the page has loaded already (a bundler would move such modules into a shared chunk).
 */
export async function diagnoseMsal(
  session: MsalSession,
  context: ProviderDiagnosisContext,
  insideLws: () => boolean,
  brokerAvailable: () => Promise<boolean> = async () => false,
): Promise<DiagnosisCheck[]> {
  const configuration = session.configuration;
  const nested = nestedCheck(session, context.name);
  // Tokens from a Teams/Outlook host: no redirect page, hidden frame or third-party cookie is involved.
  if (session.host.nested?.active) return [nested, cacheCheck(configuration, context.name)];
  const lws = lwsCheck(session, context.name, insideLws());
  const [redirect, network, broker] = await Promise.all([
    redirectPageCheck(session.redirectUri, context, !session.host.opensWindows),
    localNetworkCheck(session.redirectUri, authorizeUrl(configuration), context.name),
    platformBrokerCheck(session, context.name, brokerAvailable),
  ]);
  const cookies = silentCheck(session, context.name);
  const cache = cacheCheck(configuration, context.name);
  return [redirect, network, cache, cookies, nested, broker, ...(lws ? [lws] : [])];
}

/**
 * The `nested-app-auth` check: whether the provider gets its tokens from a Teams/Outlook host
 * (nested app authentication), signs in as in a browser because the host's bridge did not answer,
 * or runs on a page without a host's bridge.
 */
function nestedCheck(session: MsalSession, provider: string): DiagnosisCheck {
  const extra = { provider };
  const nested = session.host.nested;
  if (!nested) {
    const seen = session.options.nestedAppAuth
      ? "no Teams/Outlook host's bridge on this page when the provider was created: it signs in as in a browser"
      : 'nested app authentication is not enabled (nestedAppAuth of sso-callout/nested-app-auth): the provider signs in as in a browser';
    return check('nested-app-auth', 'skip', seen, extra);
  }
  if (nested.active) {
    const by = nested.sdk ? ` (${nested.sdk})` : '';
    const seen = `tokens come from the host${by} through its bridge, for the user signed in to it: no hidden frame, sign-in in the host's window`;
    return check('nested-app-auth', 'ok', seen, extra);
  }
  const hint = `In Teams, call app.initialize() of the Teams JavaScript library before creating the provider; register brk-multihub://${globalThis.location.host} as a "Single-page application" redirect URI.`;
  return check(
    'nested-app-auth',
    'warn',
    "the page has a host's bridge, but the provider does not use it — the bridge did not complete MSAL's handshake, or the provider was given an app's own instance: it signs in as in a browser (hidden frame, popups), which hosts often block",
    { ...extra, hint },
  );
}

/** The `local-network-access` check: does the hidden frame step from a public site into a more private one? */
async function localNetworkCheck(
  redirectUri: string,
  authorize: URL,
  provider: string,
): Promise<DiagnosisCheck> {
  const extra = { provider };
  const page = new URL(redirectUri, globalThis.location.href).hostname;
  const from = authorize.hostname;
  if (!(await browserHasLocalNetworkAccess())) {
    return check('local-network-access', 'ok', 'this browser does not enforce Local Network Access', extra);
  }
  const crosses = crossesIntoLocalNetwork(from, page);
  const hint = `Sign in from a click (a popup is not blocked), after which renewals use the refresh token; for silent sign-in, serve the app from a public address, or have the browser's admin allow ${globalThis.location.origin} in Chrome's Local Network Access policies.`;
  if (crosses === undefined) {
    const seen = `the address of ${page} is unknown to the page: if it is private, Chrome blocks ${from} from sending the hidden sign-in frame there`;
    return check('local-network-access', 'skip', seen, { ...extra, hint });
  }
  if (!crosses) {
    const seen = `${from} sends the hidden frame to ${page}: no step into a more private address space`;
    return check('local-network-access', 'ok', seen, extra);
  }
  const seen = `${from} (${addressSpaceOf(from) ?? 'public'}) sends the hidden sign-in frame to ${page} (${addressSpaceOf(page)}): Chrome's Local Network Access blocks that navigation, so silent sign-in times out`;
  return check('local-network-access', 'fail', seen, { ...extra, hint });
}

/** Where each cache option keeps MSAL's accounts and tokens, and what that means for the user. */
const cacheBehaviour: Record<string, string> = {
  memoryStorage:
    'memory: lost on every reload, so every page load signs in silently again (a hidden frame, which needs third-party cookies)',
  sessionStorage:
    'sessionStorage: this tab only, kept across reloads (accounts, ID, access and refresh tokens); other tabs sign in on their own',
  localStorage:
    'localStorage: every tab of the origin, kept across browser restarts (accounts, ID, access and refresh tokens); MSAL syncs tabs over a BroadcastChannel',
};

/** The `msal-cache` check: where MSAL keeps its cache (sso-callout itself keeps tokens in memory only). */
function cacheCheck(configuration: Configuration, provider: string): DiagnosisCheck {
  const location = configuration.cache?.cacheLocation ?? 'sessionStorage';
  const seen = cacheBehaviour[location] ?? `${location} (a custom cache)`;
  return check('msal-cache', 'ok', `MSAL keeps its cache in ${seen}`, { provider });
}

/** The provider's `lws` check: its adaptations when it runs as the LWS host; `undefined` outside LWS. */
function lwsCheck(session: MsalSession, provider: string, inside: boolean): DiagnosisCheck | undefined {
  const extra = { provider };
  if (session.host.opensWindows) {
    if (!inside) return undefined;
    const hint = 'Remove lws: false (the default detects Lightning Web Security) so the provider adapts.';
    return check(
      'lws',
      'fail',
      'inside Lightning Web Security, but the provider runs as in a plain browser (lws: false)',
      { ...extra, hint },
    );
  }
  const adaptations =
    "hidden sign-in frame without allow-same-origin, its answer relayed by postMessage from the static resource's redirect page; MSAL's channels survive LWS's clone errors";
  if (!session.options.signInPage) {
    const hint =
      "Pass signInPage (the static resource's sign-in.html): popups cannot open under LWS, so users who must sign in interactively have no way to.";
    return check('lws', 'warn', `adaptations active: ${adaptations}; no sign-in page`, { ...extra, hint });
  }
  return check(
    'lws',
    'ok',
    `adaptations active: ${adaptations}; interactive sign-in through the sign-in page`,
    extra,
  );
}

/** Under Lightning Web Security no sign-in gets a token past blocked cookies. */
const lwsCookiesHint =
  "Under Lightning Web Security the hidden frame is the only way a token reaches the component: allow third-party cookies for the identity provider on the org's Lightning domain (a site exception, or the admin's browser policy). See the error's hint.";

/**
 * The provider's `third-party-cookies` check: what the last silent sign-in through the hidden
 * frame saw (the page itself cannot see the frame's cookies; silent-failure.ts reads failures).
 */
function silentCheck(session: MsalSession, provider: string): DiagnosisCheck {
  const extra = { provider };
  const last = session.lastSilent;
  if (!last)
    return check('third-party-cookies', 'skip', 'no silent sign-in through the hidden frame yet', extra);
  const at = new Date(last.at).toLocaleTimeString();
  if (last.outcome === 'ok')
    return check(
      'third-party-cookies',
      'ok',
      `silent sign-in through the hidden frame worked at ${at}`,
      extra,
    );
  const hint =
    "Sign in from a click; renewals then use the refresh token (no third-party cookie needed). See the error's hint for this browser.";
  if (last.outcome === 'third_party_cookies_blocked' || last.outcome === 'third_party_cookies_required')
    return check(
      'third-party-cookies',
      'fail',
      `silent sign-in at ${at} found the identity provider's cookies blocked`,
      {
        ...extra,
        hint: last.outcome === 'third_party_cookies_blocked' ? hint : lwsCookiesHint,
      },
    );
  if (last.outcome === 'login_required')
    return check(
      'third-party-cookies',
      'warn',
      `silent sign-in at ${at} found no session: none in this browser, or third-party cookies blocked`,
      { ...extra, hint },
    );
  return check(
    'third-party-cookies',
    'skip',
    `the last silent sign-in (${at}) ended in ${last.outcome}, which says nothing about cookies`,
    extra,
  );
}
