import type { AuthProvider, TokenRequest } from '../../src/index.js';
import { functionProvider } from '../../src/index.js';

/** A counting token source for core tests: opaque tokens `t1`, `t2`, … with a chosen lifetime. */
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
  prefix?: string;
  tokenEndpoints?: string[];
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
