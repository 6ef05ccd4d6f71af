import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { type AadEmulator, type AadEmulatorOptions, createAadEmulator } from './aad-emulator.js';
import { type ApiEmulator, type ApiEmulatorOptions, createApiEmulator } from './api-emulator.js';
import { servePage } from './msw-worker.js';

/** What the cross-origin authorize endpoint (test/support/lws-server.js) counted. */
export interface CrossOriginCounters {
  authorize: number;
  silentAuthorize: number;
  signInPage: number;
  codesRedeemed: number;
  session: string | null;
}

/** An Azure AD + API emulation for the LWS harness. */
export interface LwsScenario {
  aad: AadEmulator;
  api: ApiEmulator;
  clientId: string;
  tenantId: string;
  /** MSAL `auth` options: the emulator's authority, with the authorize endpoint cross-origin. */
  msalAuth: { authority: string; knownAuthorities: string[]; authorityMetadata: string };
  /** The cross-origin authorize endpoint's counters. */
  authorizeCounters(): Promise<CrossOriginCounters>;
  /** Sets the Azure AD session (the SSO cookie) of the cross-origin authorize endpoint. */
  setSession(username: string | null): Promise<void>;
}

/** `http://127.0.0.1:<port>`: the same test server, but another origin than `http://localhost:<port>`. */
export function crossOrigin(): string {
  return `http://127.0.0.1:${location.port}`;
}

/**
 * Starts (once per page) MSW outside the sandbox with a fresh Azure AD emulator (token endpoint,
 * JWKS) and API emulator, and registers a fresh tenant with the **cross-origin** authorize
 * endpoint of the test server, which answers MSAL's hidden iframe the way Entra ID does from
 * another origin (after `authorizeDelayMs`, default none; finding no session for the hidden frame
 * with `thirdPartyCookiesBlocked`). Codes it issues are imported into the
 * emulator when MSAL redeems them. `api` options (but the issuer) go to the API emulator.
 */
export async function startLwsScenario(
  options: {
    aad?: AadEmulatorOptions;
    api?: Omit<ApiEmulatorOptions, 'issuer'>;
    authorizeDelayMs?: number;
    /** The browser blocks third-party cookies: the hidden frame's `prompt=none` finds no session. */
    thirdPartyCookiesBlocked?: boolean;
  } = {},
): Promise<LwsScenario> {
  const tenantId = crypto.randomUUID();
  const aad = createAadEmulator({ tenantId, ...options.aad });
  const api = createApiEmulator({ ...options.api, issuer: aad });
  const server = `/__lws-aad/${tenantId}`;
  /** Moves a code the cross-origin endpoint issued into the emulator, then lets it answer. */
  const importCode = http.post(aad.tokenEndpoint, async ({ request }) => {
    const code = new URLSearchParams(await request.clone().text()).get('code');
    if (!code?.startsWith('xo.')) return undefined;
    const answer = await fetch(`${server}/code?code=${encodeURIComponent(code)}`);
    if (!answer.ok) return undefined;
    const grant = (await answer.json()) as {
      clientId: string;
      username: string;
      scopes: string[];
      challenge: string;
      redirectUri: string;
      nonce: string | null;
    };
    const user = aad.state.users.find((u) => u.username === grant.username);
    if (!user) return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
    aad.state.codes.set(code, {
      clientId: grant.clientId,
      user,
      scopes: grant.scopes,
      strong: false,
      challenge: grant.challenge,
      redirectUri: grant.redirectUri,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    });
    return undefined;
  });
  await servePage(importCode, ...aad.handlers, ...api.handlers);
  const setSession = async (username: string | null): Promise<void> => {
    const response = await fetch(`${server}/state`, {
      method: 'POST',
      body: JSON.stringify({
        users: aad.state.users,
        session: username,
        redirectOrigin: location.origin,
        authorizeDelayMs: options.authorizeDelayMs ?? 0,
        thirdPartyCookiesBlocked: options.thirdPartyCookiesBlocked ?? false,
      }),
    });
    if (!response.ok) throw new Error(`could not set the session: ${response.status}`);
  };
  await setSession(aad.state.session?.username ?? null);
  const metadata = {
    ...(JSON.parse(aad.authorityMetadata) as Record<string, unknown>),
    authorization_endpoint: `${crossOrigin()}/${tenantId}/oauth2/v2.0/authorize`,
  };
  return {
    aad,
    api,
    tenantId,
    clientId: crypto.randomUUID(),
    msalAuth: { ...aad.msalAuth, authorityMetadata: JSON.stringify(metadata) },
    authorizeCounters: async () => (await (await fetch(`${server}/counters`)).json()) as CrossOriginCounters,
    setSession,
  };
}

/**
 * Expects the counts of one silent SSO through the cross-origin hidden iframe (one code redeemed),
 * a second call served from the store, and one refresh-token grant after the API's 401 with its
 * retry: three API requests, one rejected.
 */
export function expectSilentSsoThenOneRefresh(s: LwsScenario, authorize: CrossOriginCounters): void {
  expect(authorize.silentAuthorize).to.equal(1);
  expect(authorize.codesRedeemed).to.equal(1);
  expect(s.aad.counters.authorizationCodeGrants).to.equal(1);
  expect(s.aad.counters.refreshTokenGrants).to.equal(1);
  expect(s.aad.counters.token).to.equal(2);
  expect(s.api.counters.requests).to.equal(3);
  expect(s.api.counters.rejected).to.equal(1);
  expect(s.api.counters.authorized).to.equal(2);
}
