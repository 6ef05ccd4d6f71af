import type { Scenario } from './scenarios.js';

/**
 * Faults of the shipments API's own token endpoint, which the `Shipments` credential reaches
 * through a token exchange (Entra token in, a 12-hour token and a rotating refresh token out).
 */
export const exchangeScenarios: Scenario[] = [
  {
    id: 'exchange-revoke',
    label: 'Revoke its refresh tokens',
    explains:
      'The token endpoint forgets every refresh token: the next renewal is refused and sso-callout exchanges the Entra token anew.',
    async run(world, callout) {
      world.exchange.revokeAll();
      await callout.token('Shipments', { forceRefresh: true });
      return 'Refresh tokens revoked: the renewal was refused (1 refresh request), then 1 new exchange with the Entra token sso-callout already held (no Azure AD request).';
    },
  },
  {
    id: 'exchange-refuse',
    label: 'Refuse refresh',
    explains: 'Every refresh grant is refused: each renewal falls back to a new exchange.',
    pressed: (world) => world.exchange.faults.refreshRefused,
    run(world) {
      world.exchange.faults.refreshRefused = !world.exchange.faults.refreshRefused;
      return world.exchange.faults.refreshRefused
        ? 'The token endpoint now refuses refreshes: every renewal costs 1 refused refresh + 1 exchange (try "Revoke its refresh tokens").'
        : 'The token endpoint accepts refreshes again.';
    },
  },
  {
    id: 'exchange-down',
    label: 'Token endpoint 500',
    explains:
      'The token endpoint answers 500: a renewal fails with a typed error naming its host; the 12-hour token already held keeps working.',
    pressed: (world) => world.exchange.faults.endpoint === 'server-error',
    async run(world, callout) {
      const down = world.exchange.faults.endpoint !== 'server-error';
      world.exchange.faults.endpoint = down ? 'server-error' : undefined;
      if (!down) return 'The token endpoint is back.';
      await callout.token('Shipments', { forceRefresh: true });
      return 'The token endpoint is down, yet the renewal succeeded.';
    },
  },
];
