import { executeServerCommand } from '@web/test-runner-commands';
import { type CrossOriginCounters, crossOrigin, type LwsScenario } from './lws-aad.js';
import { redirectPath, runInSandbox } from './lws-sandbox.js';
import type { SignInContext } from './lws-sandbox-kit.js';

/** The identity-provider settings a sign-in page is built with. */
export interface SignInPageSettings {
  clientId: string;
  authority: string;
  scopes: string[];
  authorityMetadata?: string;
  domainHint?: string;
}

/** One request the sign-in tab made, as the harness's route saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  navigation: boolean;
  body: string | null;
}

/** What the sign-in tab did (see test/support/sign-in-tab.js). */
export interface SignInTabReport {
  /** `document.body.dataset.state` when the tab settled (`signed-in`, `failed`), or `null`. */
  state: string | null;
  text: string;
  /** The tab's URL when it settled. */
  url: string;
  requests: SeenRequest[];
  /** Every URL the tab's main frame committed to. */
  navigations: string[];
}

/** How the tab may reach hosts: see test/support/sign-in-tab.js. */
export interface SignInTabOptions {
  href: string;
  /** Origins the tab reaches directly (the test server: the page, the cross-origin authorize endpoint). */
  pass: string[];
  /** Origins the test page's MSW answers for the tab (the emulated token endpoint). */
  relay: string[];
  /** sessionStorage entries planted on the page's origin in the tab before it opens `href`. */
  plant?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Has the test server build the static resource's sign-in page with `settings` (as
 * `npm run build:salesforce` does for an org) and returns the page's URL, unique to this call.
 */
export async function serveSignInPage(settings: SignInPageSettings): Promise<string> {
  const id = crypto.randomUUID();
  const response = await fetch(`/__lws-sign-in/${id}/config`, {
    method: 'POST',
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`could not register the sign-in page settings: ${response.status}`);
  return new URL(`/__lws-sign-in/${id}/sign-in.html`, location.href).href;
}

/** The sign-in page settings matching a scenario's emulated Azure AD (its configured authority). */
export function scenarioSignInSettings(s: LwsScenario, scopes: string[] = []): SignInPageSettings {
  return {
    clientId: s.clientId,
    authority: s.msalAuth.authority,
    authorityMetadata: s.msalAuth.authorityMetadata,
    scopes: ['openid', 'profile', 'offline_access', ...scopes],
  };
}

/** The hosts a scenario's sign-in page may reach: the test server, and the emulated token endpoint. */
export function scenarioHosts(s: LwsScenario): Pick<SignInTabOptions, 'pass' | 'relay'> {
  return { pass: [location.origin, crossOrigin()], relay: [new URL(s.aad.tokenEndpoint).origin] };
}

/**
 * Opens `href` in a new top-level tab of this browser (a user's click on the sign-in link),
 * outside the LWS sandbox and unframed, and resolves with what the tab did once it settled.
 */
export function openSignInTab(options: SignInTabOptions): Promise<SignInTabReport> {
  return executeServerCommand<SignInTabReport, SignInTabOptions>('lws-sign-in-tab', options);
}

/** What {@link signInThroughPage} saw. */
export interface SignInThroughPage<R> {
  /** What the sandboxed code reported. */
  report: R;
  /** The sign-in page's URL, as the sandbox was given it. */
  signInPage: string;
  /** The container the sandboxed code rendered into, removed from the page. */
  container: HTMLElement;
  /** What each sign-in tab the sandboxed code opened did. */
  tabs: SignInTabReport[];
  /** The cross-origin authorize endpoint's counters, once the tabs settled. */
  authorize: CrossOriginCounters;
}

/**
 * Runs `sandboxed` in the sandbox with a {@link SignInContext} for `s`: a container on the page,
 * the sign-in page built for the `Orders` API's scope, and a real top-level tab (outside LWS,
 * unframed) each time the sandboxed code follows the sign-in link, as the browser does; `extra`
 * goes into the context too. Resolves
 * once the sandboxed code and every tab it opened have settled.
 */
export async function signInThroughPage<R>(
  s: LwsScenario,
  sandboxed: (context: SignInContext) => Promise<R>,
  extra: Pick<SignInContext, 'signInTimeout'> = {},
): Promise<SignInThroughPage<R>> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const signInPage = await serveSignInPage(scenarioSignInSettings(s, ['api://orders/Orders.Read']));
  const tabs: Promise<SignInTabReport>[] = [];
  const report = await runInSandbox(sandboxed, {
    clientId: s.clientId,
    redirectUri: new URL(redirectPath, location.href).href,
    signInPage,
    msalAuth: s.msalAuth,
    container,
    openSignInPage: (href) => {
      tabs.push(openSignInTab({ href, ...scenarioHosts(s) }));
    },
    ...extra,
  } satisfies SignInContext);
  container.remove();
  return {
    report,
    signInPage,
    container,
    tabs: await Promise.all(tabs),
    authorize: await s.authorizeCounters(),
  };
}
