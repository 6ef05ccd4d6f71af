/**
 * The nestable MSAL client, in a chunk of its own: the MSAL provider imports this module (and with
 * it MSAL's nested-app-auth controller) only when the page runs in a Teams or Outlook host that
 * injected the bridge (nested-app-auth.ts decides), so plain pages never download it.
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

/** Anything shaped like a JWT (a token's `header.payload.signature`). */
const tokenShaped = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/**
 * Scrubs what a host's bridge wrote into an error (its `description` becomes MSAL's message) of
 * anything shaped like a token, in place, and rethrows it: a host that echoes a token in an error
 * must not put it into our errors, events, logs or reports.
 */
function scrubbed(error: unknown): never {
  if (error && typeof error === 'object') {
    const fields = error as Record<string, unknown>;
    for (const field of ['message', 'errorMessage', 'subError', 'stack']) {
      const text = fields[field];
      if (typeof text === 'string') fields[field] = text.replace(tokenShaped, '[redacted]');
    }
  }
  throw error;
}

/**
 * MSAL's nestable client as the provider uses it. The host owns the user's session, so what MSAL
 * refuses in this mode (`unsupported_method`) becomes what it means here: `clearCache()` and the
 * logouts resolve without doing anything (the provider forgets the account itself, and nothing
 * a nested app does ends the host's session). `initialize()` runs once: MSAL already ran it when
 * it created the client, and start-up calls it again. The token calls' failures are
 * {@link scrubbed}.
 */
class NestedApplication extends PublicClientApplication {
  #initialized: Promise<void> | undefined;

  override ssoSilent(request: SsoSilentRequest): Promise<AuthenticationResult> {
    return super.ssoSilent(request).catch(scrubbed);
  }

  override acquireTokenSilent(request: SilentRequest): Promise<AuthenticationResult> {
    return super.acquireTokenSilent(request).catch(scrubbed);
  }

  override acquireTokenPopup(request: PopupRequest): Promise<AuthenticationResult> {
    return super.acquireTokenPopup(request).catch(scrubbed);
  }

  override loginPopup(request?: PopupRequest): Promise<AuthenticationResult> {
    return super.loginPopup(request).catch(scrubbed);
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
export interface NestedClient {
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
export async function createNestedApplication(
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
