import { html } from '@open-wc/testing';
import { nothing, type TemplateResult } from 'lit';
import { type Callout, createCallout, setDefaultCallout } from '../../src/index.js';
import { type AadEmulator, type AadEmulatorOptions, createAadEmulator } from './aad-emulator.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import type { Msw } from './msw-worker.js';

/** A page that declares its elements against an emulated Azure AD and API. */
export interface EmulatedPage {
  aad: AadEmulator;
  api: ApiEmulator;
  /** The page's default client, new and empty: the elements declare into it. */
  page: Callout;
  /** A new client id, so MSAL caches never leak between tests. */
  clientId: string;
}

/**
 * Points `msw` at a new Azure AD emulator (with `aad` options) and an API emulator trusting it,
 * and sets a new, empty client as the page's default client.
 */
export function emulatedPage(msw: Msw, aad: AadEmulatorOptions = {}): EmulatedPage {
  const emulator = createAadEmulator(aad);
  const api = createApiEmulator({ issuer: emulator });
  msw.use(...emulator.handlers, ...api.handlers);
  const page = createCallout({ crossTab: false });
  setDefaultCallout(page);
  return { aad: emulator, api, page, clientId: crypto.randomUUID() };
}

/** Options of {@link msalMarkup}. */
export interface MsalMarkupOptions {
  /** Also write the authority and the redirect URI as attributes (else MSAL's options carry them). */
  attributes?: boolean;
  /** Default `none`: silent SSO only. */
  interaction?: 'none' | 'popup';
  scopes?: string;
}

/**
 * `<callout-msal id="aad">` for Jane (`login-hint`) on the page's emulator, MSAL's cache in memory.
 */
export function msalMarkup(
  { aad, clientId }: Pick<EmulatedPage, 'aad' | 'clientId'>,
  options: MsalMarkupOptions = {},
): TemplateResult {
  const declared = options.attributes ?? false;
  return html`<callout-msal id="aad" client-id=${clientId}
    authority=${declared ? aad.msalAuth.authority : nothing}
    redirect-uri=${declared ? `${location.origin}/redirect.html` : nothing}
    login-hint="jane@contoso.com" interaction=${options.interaction ?? 'none'}
    scopes=${options.scopes ?? nothing} cache="memory"
    .msal=${{ auth: { clientId, ...aad.msalAuth } }}></callout-msal>`;
}

/** `<callout-credential name="Orders">` on the API emulator, through provider `aad`. */
export const ordersCredentialMarkup = html`<callout-credential name="Orders" provider="aad"
  url="https://api.contoso.test/v1/" scopes="api://orders/Orders.Read"></callout-credential>`;
