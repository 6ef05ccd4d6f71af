/**
 * MSAL's nestable client, reached only through the `sso-callout/nested-app-auth` entry: MSAL
 * defines `createNestablePublicClientApplication` in the module of `PublicClientApplication`, so
 * a bundle that imports it anywhere (even in a lazy chunk) carries MSAL's nested-app-auth
 * controller next to `PublicClientApplication` (about 3.8 kB min+gzip). Apps that run in Teams
 * or Outlook import the entry and pass `nestedAppAuth`; the others never carry it.
 */
import {
  type AuthenticationResult,
  type Configuration,
  createNestablePublicClientApplication,
  type EndSessionPopupRequest,
  type EndSessionRequest,
  type IController,
  type InitializeApplicationRequest,
  type IPublicClientApplication,
  type PopupRequest,
  PublicClientApplication,
  type SilentRequest,
  type SsoSilentRequest,
} from '@azure/msal-browser';
import { CalloutError } from '../diagnostics/callout-error.js';
import type { MsalHost } from './host.js';
import type { NestedAppAuthState } from './nested-app-auth.js';
import type { MsalNestedAppAuth } from './options.js';

/** Anything shaped like a JWT (a token's `header.payload.signature`). */
const tokenShaped = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/**
 * Rethrows a failure of the nestable client. What the host wrote into it (its `description`
 * becomes MSAL's message) is scrubbed of anything shaped like a token, in place: a host that
 * echoes a token in an error must not put it into our errors, events, logs or reports. Failures
 * only this mode has get their own hint: the host refused the app (`nested_app_auth_bridge_disabled`,
 * or AADSTS50011 for a missing broker redirect URI), or the user closed the host's window.
 */
function hostFailure(error: unknown): never {
  if (error && typeof error === 'object') {
    const fields = error as Record<string, unknown>;
    for (const field of ['message', 'errorMessage', 'subError', 'stack']) {
      const text = fields[field];
      if (typeof text === 'string') fields[field] = text.replace(tokenShaped, '[redacted]');
    }
  }
  // MSAL's errorCode, read here so this entry shares no module with the provider but the core's.
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  const reason = `MSAL (nested app authentication) failed (${code}): ${String((error as Error).message).split('\n')[0]}`;
  const broker = `brk-multihub://${globalThis.location.host}`;
  if (code === 'nested_app_auth_bridge_disabled' || /AADSTS50011\b/.test(String((error as Error).message))) {
    throw new CalloutError({
      code: code === 'nested_app_auth_bridge_disabled' ? 'configuration_error' : 'redirect_uri_mismatch',
      message: reason,
      hint: `The Teams/Outlook host gets tokens only for an app registration with the broker redirect URI: register ${broker} as a "Single-page application" redirect URI of the app (Entra ID → App registrations → Authentication).`,
      cause: error,
    });
  }
  if (code === 'user_canceled') {
    throw new CalloutError({
      code: 'interaction_required',
      message: reason,
      hint: "The host's sign-in window was closed before sign-in finished: call callout.signIn() again from a click.",
      cause: error,
    });
  }
  throw error;
}

/**
 * MSAL's nestable client as the provider uses it. The host owns the user's session, so what MSAL
 * refuses in this mode (`unsupported_method`) becomes what it means here: `clearCache()` and the
 * logouts resolve without doing anything (the provider forgets the account itself, and nothing
 * a nested app does ends the host's session). `initialize()` runs once: MSAL already ran it when
 * it created the client, and start-up calls it again. The token calls' failures are
 * read by {@link hostFailure}.
 */
class NestedApplication extends PublicClientApplication {
  #initialized: Promise<void> | undefined;

  override ssoSilent(request: SsoSilentRequest): Promise<AuthenticationResult> {
    return super.ssoSilent(request).catch(hostFailure);
  }

  override acquireTokenSilent(request: SilentRequest): Promise<AuthenticationResult> {
    return super.acquireTokenSilent(request).catch(hostFailure);
  }

  override acquireTokenPopup(request: PopupRequest): Promise<AuthenticationResult> {
    return super.acquireTokenPopup(request).catch(hostFailure);
  }

  override loginPopup(request?: PopupRequest): Promise<AuthenticationResult> {
    return super.loginPopup(request).catch(hostFailure);
  }

  override initialize(request?: InitializeApplicationRequest): Promise<void> {
    this.#initialized ??= super.initialize(request);
    return this.#initialized;
  }

  override clearCache(): Promise<void> {
    return Promise.resolve();
  }

  override logoutPopup(_request?: EndSessionPopupRequest): Promise<void> {
    return Promise.resolve();
  }

  override logoutRedirect(_request?: EndSessionRequest): Promise<void> {
    return Promise.resolve();
  }
}

/** What {@link createNestedApplication} made. */
interface NestedClient {
  /** The nestable client, or `undefined` when the host's bridge did not complete its handshake. */
  app: IPublicClientApplication | undefined;
  /** The host's SDK as its handshake named it (`sdkName sdkVersion`), for `diagnose()`. */
  sdk: string | undefined;
  /** Closes the BroadcastChannel MSAL's event handler opened for the client. */
  close(): void;
}

/** The BroadcastChannel of a controller's event handler (MSAL keeps it private; duck-typed). */
function eventChannel(controller: IController): BroadcastChannel | undefined {
  const handler = (controller as { eventHandler?: { broadcastChannel?: unknown } }).eventHandler;
  const channel = handler?.broadcastChannel;
  return channel instanceof BroadcastChannel ? channel : undefined;
}

/**
 * Creates MSAL's nestable client for `configuration` through the bridge the host injected
 * (`window.nestedAppAuthBridge`): MSAL's handshake (`GetInitContext`) must answer within
 * `timeoutMs`, else — or when MSAL finds no usable bridge and would build a standard client — it
 * resolves with no `app`, and the provider runs as in a plain browser. A standard client MSAL
 * built meanwhile is left unused. Never rejects for a bridge that fails.
 */
async function createNestedApplication(
  configuration: Configuration,
  timeoutMs: number,
): Promise<NestedClient> {
  let made: { controller: IController; app: NestedApplication } | undefined;
  const factory = (config: Configuration, controller: IController) => {
    made = { controller, app: new NestedApplication(config, controller) };
    return made.app;
  };
  let timer: number | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = globalThis.setTimeout(resolve, timeoutMs);
  });
  const created = createNestablePublicClientApplication(configuration, undefined, factory).catch(
    () => undefined,
  );
  const app = await Promise.race([created, late]);
  globalThis.clearTimeout(timer);
  if (!made || app !== made.app) return { app: undefined, sdk: undefined, close() {} };
  const channel = eventChannel(made.controller);
  return {
    app,
    sdk: sdkOf(made.controller),
    close() {
      channel?.close();
    },
  };
}

/** The host SDK's name and version from the controller's bridge (MSAL keeps them private; duck-typed). */
function sdkOf(controller: IController): string | undefined {
  const proxy = (controller as { bridgeProxy?: { sdkName?: unknown; sdkVersion?: unknown } }).bridgeProxy;
  const name = typeof proxy?.sdkName === 'string' ? proxy.sdkName.slice(0, 60) : '';
  const version = typeof proxy?.sdkVersion === 'string' ? proxy.sdkVersion.slice(0, 30) : '';
  return `${name} ${version}`.trim() || undefined;
}

/**
 * Whether the page has a host's bridge: an own property `nestedAppAuthBridge` of the window with
 * `postMessage` and `addEventListener` functions, as a host's script or webview defines it. An
 * element whose `id` or `name` is `nestedAppAuthBridge` (markup, or an `<iframe name>`) is only
 * reachable through the window's named properties, which are not own properties, so markup cannot
 * switch a plain page to the host's bridge (nor stall its start-up with a bridge that never answers).
 */
function hasHostBridge(): boolean {
  if (!Object.hasOwn(globalThis, 'nestedAppAuthBridge')) return false;
  const bridge = (
    globalThis as { nestedAppAuthBridge?: { postMessage?: unknown; addEventListener?: unknown } }
  ).nestedAppAuthBridge;
  return typeof bridge?.postMessage === 'function' && typeof bridge.addEventListener === 'function';
}

/** How long MSAL's handshake with the host's bridge may take before the provider runs without it. */
const bridgeHandshakeMs = 4000;

/**
 * The MSAL host of the provider, chosen once when it is created: on a page without a host's
 * bridge ({@link hasHostBridge}), `browser` (the plain-browser host) as it is; on a page with
 * one, `browser` with these changes. Its
 * `createApplication` creates MSAL's nestable client through the bridge (for an app's own
 * `instance`, that instance, as it comes); once it runs, `nested.active` is `true` — the silent
 * chain then asks the bridge without needing a login hint, and interaction goes through the
 * host's own window (`signIn` always asks for a "popup", which the host shows; MSAL supports no
 * redirect there). When the bridge does not complete its handshake within
 * {@link bridgeHandshakeMs}, the provider runs as `browser` does.
 */
function nestedAppAuthHost(browser: MsalHost): MsalHost {
  if (!hasHostBridge()) return browser;
  let close = () => {};
  const nested: NestedAppAuthState = { active: false };
  return {
    ...browser,
    nested,
    async createApplication(source) {
      if ('instance' in source) return browser.createApplication(source);
      const client = await createNestedApplication(source.configuration, bridgeHandshakeMs);
      if (!client.app) return browser.createApplication(source);
      close = client.close;
      nested.active = true;
      nested.sdk = client.sdk;
      return client.app;
    },
    signIn: (signIn) => browser.signIn(nested.active ? { ...signIn, interaction: 'popup' } : signIn),
    dispose() {
      close();
      browser.dispose();
    },
  };
}

/**
 * Nested app authentication for `msalProvider` (its `nestedAppAuth` option): in a Teams tab or an
 * Outlook/Office add-in whose host injected its bridge, the provider gets its tokens from the
 * host through MSAL's nestable client. Importing it adds MSAL's nested-app-auth controller to the
 * bundle (about 3.8 kB min+gzip): pass it in apps that run in such hosts.
 */
export const nestedAppAuth: MsalNestedAppAuth = Object.freeze({ host: nestedAppAuthHost });
