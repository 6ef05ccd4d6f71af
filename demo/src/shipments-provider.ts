import { exchangeProvider } from '../../src/exchange.js';
import type { Callout } from '../../src/index.js';
import { customGrant } from '../../test/support/exchange-setup.js';
import type { OfflineWorld } from './offline.js';

/**
 * Registers provider `shipments` on `callout`: the user's Azure AD token (from provider `aad`,
 * for the token endpoint's audience) exchanged at the shipments API's own, non-standard token
 * endpoint — `{ entraToken }` in, `{ jwt, validitySeconds, renewal }` out, 12-hour tokens kept
 * fresh with rotating renewal tokens, a new exchange when a renewal is refused. The
 * `Shipments` credential in index.html names this provider; nothing else is coded.
 */
export function registerShipments(callout: Callout, world: OfflineWorld): void {
  const { exchange } = world;
  callout.providers.define(
    'shipments',
    exchangeProvider({
      tokenEndpoint: exchange.sessionEndpoint,
      refreshEndpoint: exchange.renewEndpoint,
      revocationEndpoint: exchange.revokeEndpoint,
      subject: { provider: 'aad', scopes: ['api://orders-auth/.default'] },
      grant: customGrant,
    }),
  );
}
