import {
  type AuthProvider,
  type Callout,
  type CalloutOptions,
  createCallout,
  functionProvider,
  type TokenRequest,
} from '../../../src/index.js';

/** The emulated API's base URL. */
export const apiBase = 'https://api.contoso.test/v1/';

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
 * A client with no cross-tab sharing (so test pages never share tokens), a counting
 * `functionProvider` named `aad`, and an `Orders` credential for {@link apiBase}.
 */
export function createTestClient(options: TestClientOptions = {}): TestClient {
  const tokenRequests: TokenRequest[] = [];
  const issued: string[] = [];
  const provider =
    options.provider ??
    functionProvider(async (request) => {
      tokenRequests.push(request);
      const token = `token-${issued.length + 1}`;
      issued.push(token);
      return { accessToken: token, expiresOn: Date.now() + (options.lifetimeMs ?? 3_600_000) };
    });
  const callout = createCallout({
    crossTab: false,
    providers: { aad: provider },
    credentials: {
      Orders: { url: apiBase, provider: 'aad', scopes: ['api://orders/Orders.Read'], retry: 0 },
      ...options.credentials,
    },
  });
  return { callout, tokenRequests, issued };
}

/** A promise with its resolver exposed, to hold a response until the test releases it. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
