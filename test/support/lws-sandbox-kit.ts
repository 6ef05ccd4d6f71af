/**
 * Helpers for the code that runs **inside** the LWS sandbox (the `sandboxed…` functions of the
 * lws-* suites). `runInSandbox` evaluates every function of this module in the sandbox, in the
 * same script as the function it runs, so that code calls them by name like any import. Each must
 * therefore stay self-contained: no closures and no runtime imports (types only), and only other
 * functions of this module by name.
 */
import type { CalloutCredential } from '../../components/callout-credential/callout-credential.js';
import type { CalloutMsal } from '../../components/callout-msal/callout-msal.js';
import type { SsoCalloutGlobal } from '../../salesforce/sso-callout.js';
import type { Callout } from '../../src/index.js';
import type { MsalProviderOptions } from '../../src/msal/options.js';
import type { MsalAuthProvider } from '../../src/msal.js';
import type { LwsScenario } from './lws-aad.js';

/** What every sandboxed flow is given about the app registration and the emulated Azure AD. */
export interface SandboxedApp {
  clientId: string;
  redirectUri: string;
  msalAuth: LwsScenario['msalAuth'];
}

/** Context handed into the sandbox for a sign-in through the sign-in page. */
export interface SignInContext extends SandboxedApp {
  signInPage: string;
  /** The host-provided container the sandboxed code renders into (LWS blocks body.append). */
  container: HTMLElement;
  /** Stands in for the user's click on the link: opens the sign-in page (outside LWS). */
  openSignInPage: (href: string) => void;
  /** The provider's `signInTimeout`, when not the default. */
  signInTimeout?: number;
}

/** The static resource's API, as the namespace's code sees it: `globalThis.ssoCallout`. */
export function sandboxLib(): SsoCalloutGlobal {
  return (globalThis as unknown as { ssoCallout: SsoCalloutGlobal }).ssoCallout;
}

/**
 * An MSAL provider of the static resource for `app`, signing Jane in (`loginHint`), MSAL's cache
 * in memory, with `options` over that and MSAL's `system` options.
 */
export function sandboxedMsal(
  app: SandboxedApp,
  options: Partial<MsalProviderOptions> = {},
  system?: Record<string, unknown>,
): MsalAuthProvider {
  return sandboxLib().msalProvider({
    clientId: app.clientId,
    loginHint: 'jane@contoso.com',
    redirectUri: app.redirectUri,
    cache: 'memory',
    ...options,
    msal: { auth: { clientId: app.clientId, ...app.msalAuth }, ...(system ? { system } : {}) },
  });
}

/** A client of the static resource whose `Orders` credential (the emulated API) uses `provider` as `aad`. */
export function sandboxedOrdersClient(provider: MsalAuthProvider): Callout {
  return sandboxLib().createCallout({
    providers: { aad: provider },
    credentials: {
      Orders: { url: 'https://api.contoso.test/v1/', provider: 'aad', scopes: ['api://orders/Orders.Read'] },
    },
    crossTab: false,
  });
}

/** The source of every token `callout` hands out from now on, in order. */
export function tokenSources(callout: Callout): string[] {
  const sources: string[] = [];
  callout.events.addEventListener('token', (event) => sources.push(event.detail.source));
  return sources;
}

/** `<callout-msal id="aad">` for `app` and Jane, MSAL's cache in memory, with `attributes` on top. */
export function msalElement(
  app: SandboxedApp,
  attributes: Record<string, string>,
  system?: Record<string, unknown>,
): CalloutMsal {
  const msal = document.createElement('callout-msal');
  msal.id = 'aad';
  msal.setAttribute('client-id', app.clientId);
  msal.setAttribute('login-hint', 'jane@contoso.com');
  msal.setAttribute('redirect-uri', app.redirectUri);
  msal.setAttribute('cache', 'memory');
  for (const [name, value] of Object.entries(attributes)) msal.setAttribute(name, value);
  msal.msal = { auth: { clientId: app.clientId, ...app.msalAuth }, ...(system ? { system } : {}) };
  return msal;
}

/** `<callout-credential name="Orders">` for the emulated API, through provider `aad`. */
export function ordersCredentialElement(): CalloutCredential {
  const credential = document.createElement('callout-credential');
  credential.setAttribute('name', 'Orders');
  credential.setAttribute('provider', 'aad');
  credential.setAttribute('url', 'https://api.contoso.test/v1/');
  credential.setAttribute('scopes', 'api://orders/Orders.Read');
  return credential;
}

/** `error` as one line for a report: `Name: message`. */
export function errorText(error: unknown): string {
  return `${(error as Error).name}: ${(error as Error).message}`;
}
