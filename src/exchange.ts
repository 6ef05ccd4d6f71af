/**
 * `sso-callout/exchange`: a provider that exchanges another provider's token at a token endpoint
 * (RFC 8693 token exchange, RFC 7522/7523 assertion grants, or an API's own token endpoint). No
 * dependency beyond the core; its own entry so pages that do not chain providers do not pay for it.
 */

export {
  type CustomExchange,
  ExchangeGrant,
  type ExchangeProviderOptions,
  type ExchangeSubject,
} from './exchange/options.js';
export { type ExchangeAuthProvider, exchangeProvider } from './exchange/provider.js';
