import type { MsalHost } from './host.js';
import type { MsalNestedAppAuthMode } from './options.js';

/**
 * Nested app authentication (NAA): in a Teams tab or an Outlook/Office add-in, the host injects
 * a bridge (`window.nestedAppAuthBridge`) through which MSAL's nestable client gets tokens from
 * the host, for the user signed in to it: no hidden iframe, no popup or redirect of ours, no
 * redirect page.
 */

/** How long MSAL's handshake with the host's bridge may take before the provider runs without it. */
export const bridgeHandshakeMs = 4000;

/**
 * Whether the page has a host's bridge: an own property `nestedAppAuthBridge` of the window with
 * `postMessage` and `addEventListener` functions, as a host's script or webview defines it. An
 * element whose `id` or `name` is `nestedAppAuthBridge` (markup, or an `<iframe name>`) is only
 * reachable through the window's named properties, which are not own properties, so markup cannot
 * switch a plain page to the host's bridge. Always `false` for `mode: 'off'`.
 */
export function hasHostBridge(mode: MsalNestedAppAuthMode | undefined): boolean {
  if (mode === 'off' || !Object.hasOwn(globalThis, 'nestedAppAuthBridge')) return false;
  const bridge = (
    globalThis as { nestedAppAuthBridge?: { postMessage?: unknown; addEventListener?: unknown } }
  ).nestedAppAuthBridge;
  return typeof bridge?.postMessage === 'function' && typeof bridge.addEventListener === 'function';
}

/** What the host's handshake left, for `diagnose()`. */
export interface NestedAppAuthState {
  /** `true` once the nestable client runs; `false` when the bridge did not answer (or before start-up). */
  active: boolean;
  /** The host SDK its handshake named. */
  sdk?: string | undefined;
}

/**
 * The MSAL host of a page with a host's bridge ({@link hasHostBridge}), chosen once when the
 * provider is created: `browser` (the plain-browser host) with these changes. Its
 * `createApplication` loads the nestable client's chunk and creates it through the bridge (for an
 * app's own `instance`, that instance, as it comes); once it runs, `nested.active` is `true` —
 * the silent chain then asks the bridge without needing a login hint, and interaction goes
 * through the host's own UI (`signIn` always asks for a "popup", which the host shows; MSAL
 * supports no redirect here). When the bridge does not complete its handshake within
 * {@link bridgeHandshakeMs}, or the chunk fails to load, the provider runs as `browser` does.
 */
export function nestedAppAuthHost(browser: MsalHost): MsalHost {
  let close = () => {};
  const nested: NestedAppAuthState = { active: false };
  return {
    ...browser,
    nested,
    async createApplication(source) {
      if ('instance' in source) return browser.createApplication(source);
      const client = await import('./nested-app-auth-client.js')
        .then((chunk) => chunk.createNestedApplication(source.configuration, bridgeHandshakeMs))
        .catch(() => undefined);
      if (!client?.app) return browser.createApplication(source);
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
