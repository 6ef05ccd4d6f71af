import type {
  AccessToken,
  AuthProvider,
  Callout,
  CalloutOptions,
  CredentialDefinition,
  TokenRequest,
} from '../../src/index.js';
import { createCallout, functionProvider } from '../../src/index.js';

/** A counting token source for tests: opaque tokens `t1`, `t2`, … with a chosen lifetime. */
export interface TokenSource {
  provider: AuthProvider;
  /** Every request the provider received, in order. */
  readonly requests: TokenRequest[];
  /** The token most recently issued. */
  readonly current: string | undefined;
  /** Every token issued, in order. */
  readonly issued: string[];
}

/** Options of {@link createTokenSource}. */
export interface TokenSourceOptions {
  lifetimeMs?: number;
  /** Delay before each token is returned, to let concurrent demand pile up. */
  delayMs?: number;
  /** What tokens start with, before their number. Default `t`. */
  prefix?: string;
  tokenEndpoints?: string[];
}

/** The token a test's own provider returns for `request`: valid for `lifetimeMs` (default an hour). */
export function providerToken(
  request: Pick<TokenRequest, 'scopes'>,
  accessToken: string,
  lifetimeMs = 3_600_000,
): AccessToken {
  return {
    accessToken,
    expiresOn: new Date(Date.now() + lifetimeMs),
    scopes: request.scopes,
    source: 'provider',
  };
}

/** Creates a {@link TokenSource}. */
export function createTokenSource(options: TokenSourceOptions = {}): TokenSource {
  const requests: TokenRequest[] = [];
  const issued: string[] = [];
  const provider = functionProvider(
    async (request) => {
      requests.push(request);
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const token = `${options.prefix ?? 't'}${issued.length + 1}`;
      issued.push(token);
      return { accessToken: token, expiresOn: Date.now() + (options.lifetimeMs ?? 3_600_000) };
    },
    options.tokenEndpoints ? { tokenEndpoints: options.tokenEndpoints } : {},
  );
  return {
    provider,
    requests,
    issued,
    get current() {
      return issued.at(-1);
    },
  };
}

/** The API the `Orders` credential of {@link ordersClient} points at. */
export const ordersApi = 'https://api.contoso.test/v1/';

/** Options of {@link ordersClient}: client options, and what differs in its provider and credential. */
export interface OrdersClientOptions extends Omit<CalloutOptions, 'providers' | 'credentials'> {
  /** The token source behind provider `test`. Default a new {@link createTokenSource}. */
  source?: TokenSource;
  /** Provider `test` itself, when it is not the source's (a wrapper of it, a provider of the test's own). */
  provider?: AuthProvider;
  /** Fields of the `Orders` credential that differ from `{ url: ordersApi, provider: 'test', scopes: ['Orders.Read'] }`. */
  orders?: Partial<CredentialDefinition>;
  /** Credentials besides `Orders`. */
  credentials?: Record<string, CredentialDefinition>;
}

/**
 * A client with one provider, `test` (a {@link TokenSource}), and an `Orders` credential on
 * {@link ordersApi}; cross-tab coordination is off unless the options turn it on.
 */
export function ordersClient(options: OrdersClientOptions = {}): { source: TokenSource; callout: Callout } {
  const { source = createTokenSource(), provider, orders, credentials, ...clientOptions } = options;
  const callout = createCallout({
    crossTab: false,
    ...clientOptions,
    providers: { test: provider ?? source.provider },
    credentials: {
      Orders: { url: ordersApi, provider: 'test', scopes: ['Orders.Read'], ...orders },
      ...credentials,
    },
  });
  return { source, callout };
}
