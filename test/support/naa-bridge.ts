import type { JSONWebKeySet } from 'jose';
import type { AadUser } from './aad-emulator.js';
import { createSigningKey, type SigningKey, signToken } from './aad-tokens.js';

/**
 * An emulation of the bridge a nested-app-auth host (Teams, Outlook, Office) injects as
 * `window.nestedAppAuthBridge`, speaking the protocol exactly as MSAL's `BridgeProxy` does:
 * requests arrive by `postMessage` as JSON strings `{ messageType: 'NestedAppAuthRequest',
 * method, requestId, tokenParams? }`; answers go to the `message` listeners as
 * `{ messageType: 'NestedAppAuthResponse', requestId, success, initContext | token + account |
 * error }` (as a string, or `{ data: string }` like a webview's message event).
 *
 * - `GetInitContext` (MSAL's handshake): the host SDK's name and version, its capabilities and
 *   the account context of the host's user;
 * - `GetToken` (silent): tokens for the host's user, unless `faults.silent` is set or the user
 *   must consent first (`needsConsent`: `USER_INTERACTION_REQUIRED`);
 * - `GetTokenPopup` (the host's own sign-in window): the user consents, then tokens.
 *
 * Access and ID tokens are RS256 JWTs signed by the host's issuer key, so an API emulator created
 * with `issuer: bridge` accepts them.
 */
export interface NaaBridge {
  /** The object to install as `window.nestedAppAuthBridge`. */
  readonly bridge: {
    postMessage(message: string): void;
    addEventListener(type: string, listener: (response: unknown) => void): void;
    removeEventListener(type: string, listener: (response: unknown) => void): void;
  };
  /** Requests received, per method. */
  readonly counters: { GetInitContext: number; GetToken: number; GetTokenPopup: number; other: number };
  /** Every request envelope received, parsed, in order. */
  readonly received: Record<string, unknown>[];
  /** Every access token the host handed out. */
  readonly issued: string[];
  /** Faults to inject; set a field to make the next requests fail that way. */
  readonly faults: {
    /** Answer `GetToken` with this error. */
    silent?: BridgeFault | undefined;
    /** Answer `GetTokenPopup` with this error. */
    interactive?: BridgeFault | undefined;
    /** Never answer the handshake. */
    silentHandshake?: boolean;
  };
  /** `true` until the user consented in the host's window (`GetTokenPopup`): `GetToken` then needs interaction. */
  needsConsent: boolean;
  /** The host's user. */
  user: AadUser;
  /** The token issuer (`iss`) and its keys, for the API emulator. */
  readonly issuer: string;
  jwks(): Promise<JSONWebKeySet>;
  /** Installs the bridge as an own property of the window; returns the uninstall function. */
  install(): () => void;
}

/** A `BridgeError` as the host sends it. */
export interface BridgeFault {
  status: string;
  code?: string;
  description?: string;
}

/** Options of {@link createNaaBridge}. */
export interface NaaBridgeOptions {
  user?: AadUser;
  tenantId?: string;
  /** The host's cloud (`environment`), which must be the authority host MSAL is configured with. */
  environment: string;
  /** Answers as `{ data }` objects (a webview's message event) instead of strings. */
  eventObjects?: boolean;
  needsConsent?: boolean;
  /** Access token lifetime in seconds. Default 3600. */
  lifetime?: number;
  /** Faults from the start (the handshake runs as soon as a provider is created). */
  faults?: NaaBridge['faults'];
}

const jane: AadUser = {
  oid: '6f0b7c4a-0d6e-4f6e-9a55-3f1f2b0c1a01',
  username: 'jane@contoso.com',
  name: 'Jane Doe',
};
const oidcScopes = new Set(['openid', 'profile', 'offline_access', 'email']);

/** Creates a host bridge emulation (see {@link NaaBridge}). */
export function createNaaBridge(options: NaaBridgeOptions): NaaBridge {
  const tenantId = options.tenantId ?? '72f988bf-0000-4000-8000-2d7cd011db47';
  const issuer = `https://${options.environment}/${tenantId}/v2.0`;
  const listeners = new Set<(response: unknown) => void>();
  let key: Promise<SigningKey> | undefined;
  const signingKey = () => {
    key ??= createSigningKey();
    return key;
  };
  const state: NaaBridge = {
    bridge: {
      postMessage: (message) => void receive(message),
      addEventListener: (type, listener) => type === 'message' && listeners.add(listener),
      removeEventListener: (_type, listener) => listeners.delete(listener),
    },
    counters: { GetInitContext: 0, GetToken: 0, GetTokenPopup: 0, other: 0 },
    received: [],
    issued: [],
    faults: { ...options.faults },
    needsConsent: options.needsConsent ?? false,
    user: options.user ?? jane,
    issuer,
    jwks: async () => (await signingKey()).jwks,
    install() {
      Object.defineProperty(window, 'nestedAppAuthBridge', {
        value: state.bridge,
        configurable: true,
        writable: true,
      });
      return () => {
        delete (window as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge;
      };
    },
  };

  const send = (answer: Record<string, unknown>) => {
    const data = JSON.stringify({ messageType: 'NestedAppAuthResponse', ...answer });
    for (const listener of listeners) listener(options.eventObjects ? { data } : data);
  };

  const accountContext = () => ({
    homeAccountId: `${state.user.oid}.${tenantId}`,
    environment: options.environment,
    tenantId,
  });

  async function tokensFor(params: { scope?: string; clientId?: string }) {
    const user = state.user;
    const scopes = (params.scope ?? '').split(' ').filter((s) => s && !oidcScopes.has(s));
    const api = scopes[0];
    const aud = api ? api.slice(0, api.lastIndexOf('/')) : '00000003-0000-0000-c000-000000000000';
    const lifetime = options.lifetime ?? 3600;
    const common = { iss: issuer, tid: tenantId, oid: user.oid, sub: user.oid, ver: '2.0' };
    const names = { preferred_username: user.username, name: user.name };
    const accessToken = await signToken(
      await signingKey(),
      {
        ...common,
        ...names,
        aud,
        azp: params.clientId,
        scp: scopes.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(' '),
      },
      lifetime,
    );
    const idToken = await signToken(
      await signingKey(),
      { ...common, ...names, aud: params.clientId, login_hint: `hint.${user.oid}` },
      lifetime,
    );
    state.issued.push(accessToken);
    return {
      token: {
        access_token: accessToken,
        id_token: idToken,
        expires_in: lifetime,
        scope: scopes.join(' ') || 'User.Read',
        properties: null,
      },
      account: { ...accountContext(), username: user.username, localAccountId: user.oid, name: user.name },
    };
  }

  async function receive(message: string): Promise<void> {
    const request = JSON.parse(message) as {
      messageType?: string;
      method?: string;
      requestId?: string;
      tokenParams?: { scope?: string; clientId?: string };
    };
    state.received.push(request);
    await Promise.resolve(); // The host answers later, never within postMessage.
    const { requestId, method, tokenParams = {} } = request;
    if (request.messageType !== 'NestedAppAuthRequest') return;
    if (method === 'GetInitContext') {
      state.counters.GetInitContext++;
      if (state.faults.silentHandshake) return;
      const initContext = {
        sdkName: 'host-emulator',
        sdkVersion: '1.0.0',
        capabilities: { queryAccount: false },
        accountContext: accountContext(),
      };
      return send({ requestId, success: true, initContext });
    }
    if (method === 'GetToken' || method === 'GetTokenPopup') {
      state.counters[method]++;
      const interactive = method === 'GetTokenPopup';
      const fault = interactive ? state.faults.interactive : state.faults.silent;
      if (fault) return send({ requestId, success: false, error: fault });
      if (!interactive && state.needsConsent) {
        const error = {
          status: 'USER_INTERACTION_REQUIRED',
          code: 'interaction_required',
          description: 'consent needed',
        };
        return send({ requestId, success: false, error });
      }
      if (interactive) state.needsConsent = false;
      return send({ requestId, success: true, ...(await tokensFor(tokenParams)) });
    }
    state.counters.other++;
    send({ requestId, success: false, error: { status: 'PERSISTENT_ERROR', code: 'unsupported_method' } });
  }

  return state;
}
