import {
  type Account,
  type AuthProvider,
  type Callout,
  CalloutError,
  CalloutErrorCode,
  type CalloutOptions,
  type CredentialDefinition,
  createCallout,
  type TokenRequest,
} from '../../src/index.js';
import { createTokenSource, ordersApi, providerToken } from './token-source.js';

/** The emulated API's base URL (the core tests' `ordersApi`). */
export const apiBase = ordersApi;

/** The `Orders` credential of the element and MSAL tests: the emulated API, through provider `aad`. */
export const aadOrders: CredentialDefinition = {
  url: apiBase,
  provider: 'aad',
  scopes: ['api://orders/Orders.Read'],
};

/** A test client and what its token source did. */
export interface TestClient {
  callout: Callout;
  /** Every token request the provider received, in order. */
  tokenRequests: TokenRequest[];
  /** Every token issued (`token-1`, `token-2`, …). */
  issued: string[];
}

/** Options of {@link createTestClient}. */
export interface TestClientOptions {
  /** Replace the counting provider (registered as `aad`). */
  provider?: AuthProvider;
  /** Extra credentials beyond `Orders` (→ {@link apiBase}). */
  credentials?: CalloutOptions['credentials'];
  /** Token lifetime in ms. Default one hour. */
  lifetimeMs?: number;
}

/**
 * The client of the element tests: no cross-tab sharing (so test pages never share tokens), a
 * counting token source (see `createTokenSource`) as provider `aad`, the name the elements'
 * markup uses, and an `Orders` credential for {@link apiBase}.
 */
export function createTestClient(options: TestClientOptions = {}): TestClient {
  const source = createTokenSource({ prefix: 'token-', lifetimeMs: options.lifetimeMs });
  const callout = createCallout({
    crossTab: false,
    providers: { aad: options.provider ?? source.provider },
    credentials: {
      Orders: { ...aadOrders, retry: 0 },
      ...options.credentials,
    },
  });
  return { callout, tokenRequests: source.requests, issued: source.issued };
}

/** A promise with its resolver exposed, to hold a response until the test releases it. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A provider that needs interaction until `signIn()`, counting sign-ins and token calls. */
export interface InteractiveProvider extends AuthProvider {
  signIns: number;
  tokenCalls: number;
  signIn(): Promise<Account>;
  signOut(): Promise<void>;
}

/**
 * A provider like MSAL without a session: `getToken` fails with `code` (default
 * `interaction_required`) until `signIn()` — from any element — signs Jane in; then it issues
 * tokens. Without `subscribe`, so the client itself fires the `account` event of a sign-in.
 */
export function interactiveProvider(
  code: CalloutErrorCode = CalloutErrorCode.interactionRequired,
): InteractiveProvider {
  let account: Account | undefined;
  const provider: InteractiveProvider = {
    signIns: 0,
    tokenCalls: 0,
    get account() {
      return account;
    },
    async getToken(request) {
      provider.tokenCalls++;
      if (!account) throw new CalloutError({ code, message: 'The user must sign in' });
      return providerToken(request, `token-after-sign-in-${provider.tokenCalls}`);
    },
    async signIn() {
      provider.signIns++;
      account = { id: 'jane', username: 'jane@contoso.test', name: 'Jane Doe' };
      return account;
    },
    async signOut() {
      account = undefined;
    },
  };
  return provider;
}
