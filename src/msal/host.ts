import {
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
  PublicClientApplication,
  type RedirectRequest,
  type SsoSilentRequest,
} from '@azure/msal-browser';
import { windowSignIn } from './interaction.js';
import type { NestedAppAuthState } from './nested-app-auth.js';
import type { MsalInteraction } from './options.js';
import { closeChannels, withOwnChannels } from './own-channels.js';

/** Where the MSAL instance comes from: built by the host from a configuration, or the app's own. */
export type ApplicationSource = { configuration: Configuration } | { instance: IPublicClientApplication };

/** An interactive sign-in asked of a host. */
export interface HostSignIn {
  app: IPublicClientApplication;
  /** MSAL's login request: scopes, redirect URI, login and domain hints. */
  request: RedirectRequest;
  /** The provider's policy (`redirect` navigates the page; anything else opens a popup). */
  interaction: MsalInteraction;
  /** Ends the wait early where the host can (under LWS: the wait for the sign-in page). */
  signal?: AbortSignal | undefined;
}

/**
 * Where the provider runs MSAL: a plain browser ({@link browserHost}) or inside Salesforce
 * Lightning Web Security (lws/load.ts), chosen once when the provider is created. The provider's
 * jobs reach the four things the sandbox changes only through it; everything else is the same
 * code in both places.
 */
export interface MsalHost {
  /** Whether a token demand may open a popup or navigate the page (never from inside LWS). */
  readonly opensWindows: boolean;
  /**
   * Creates the MSAL instance the provider uses for `source.configuration` (the host owns it and
   * closes its channels on dispose), or checks that the app's `source.instance` works here and
   * returns it. Throws at once for a configuration the host refuses; under LWS the instance comes
   * asynchronously, once the adaptations have loaded.
   */
  createApplication(source: ApplicationSource): IPublicClientApplication | Promise<IPublicClientApplication>;
  /**
   * MSAL's `ssoSilent` (a hidden iframe against the identity provider's session). Rejects with
   * MSAL's error, or with a `CalloutError` the host has read as final (no sign-in can fix it).
   */
  ssoSilent(app: IPublicClientApplication, request: SsoSilentRequest): Promise<AuthenticationResult>;
  /**
   * Interactive sign-in. Resolves with the result for the provider to check and adopt, or `null`
   * when the account is to be found otherwise: another interaction on the page ran instead, or
   * (LWS) the sign-in page's hand-back already signed the provider in. A full-page redirect that
   * left the page never settles: the page is going away.
   */
  signIn(signIn: HostSignIn): Promise<AuthenticationResult | null>;
  /** The link to the LWS sign-in page for `loginHint`, or `undefined` where sign-in opens its own window. */
  signInUrl(loginHint: string | undefined): string | undefined;
  /** Releases what the host holds open (channels, listeners, timers). Idempotent. */
  dispose(): void;
  /**
   * Only on a page with a Teams/Outlook host's bridge (nested-app-auth.ts): whether tokens come
   * from the host (`active`). The silent chain and the interaction policy read it.
   */
  readonly nested?: NestedAppAuthState;
}

/**
 * The plain browser: MSAL as it comes. Popups and redirects go through the page-wide interaction
 * lock (interaction.ts); the instance the host creates has its channels closed on dispose.
 */
export function browserHost(): MsalHost {
  let channels: BroadcastChannel[] = [];
  return {
    opensWindows: true,
    createApplication(source) {
      if ('instance' in source) return source.instance;
      const created = withOwnChannels(() => new PublicClientApplication(source.configuration));
      channels = created.channels;
      return created.value;
    },
    ssoSilent: (app, request) => app.ssoSilent(request),
    signIn: windowSignIn,
    signInUrl: () => undefined,
    dispose() {
      closeChannels(channels);
      channels = [];
    },
  };
}
