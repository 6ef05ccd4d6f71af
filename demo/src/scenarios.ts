import type { Callout } from '../../src/index.js';
import type { OfflineWorld } from './offline.js';

/** A scenario button: what it breaks, and what the page should show. */
export interface Scenario {
  id: string;
  label: string;
  explains: string;
  run(world: OfflineWorld, callout: Callout): Promise<string> | string;
  /** For a switch (on until clicked again): whether it is on now. */
  pressed?(world: OfflineWorld): boolean;
}

/** Faults of Azure AD and the orders API: what the `Orders` credential copes with. */
export const aadScenarios: Scenario[] = [
  {
    id: 'expire',
    label: 'Expire token now',
    explains: 'The cached token is dropped; the next token comes from the refresh token, with no 401.',
    async run(_world, callout) {
      await callout.token('Orders', { forceRefresh: true });
      return 'Token expired and renewed from the refresh token (1 token request, no API retry).';
    },
  },
  {
    id: 'revoke',
    label: 'Revoke token',
    explains:
      'The API rejects every token it has seen: the next call gets 401, refreshes once and retries once.',
    run(world) {
      world.api.revokeAll();
      return 'Token revoked at the API: the next call is answered 401, then refreshed and retried once.';
    },
  },
  {
    id: 'claims',
    label: 'Require claims (CAE)',
    explains: 'The API answers 401 with an insufficient_claims challenge until the token carries the claims.',
    pressed: (world) => !!world.api.faults.requireAuthContext,
    run(world) {
      world.api.faults.requireAuthContext = world.api.faults.requireAuthContext ? undefined : 'c1';
      return world.api.faults.requireAuthContext
        ? 'The API now requires auth context c1: the next call is challenged and retried with a claims token.'
        : 'The API no longer requires claims.';
    },
  },
  {
    id: 'forbidden',
    label: '403 insufficient scope',
    explains:
      'The next API call is refused with 403 insufficient_scope: a typed error with a hint, no retry.',
    run(world) {
      world.api.faults.status = 403;
      world.api.faults.times = 1;
      return 'The next API call will be refused with 403.';
    },
  },
  {
    id: 'throttle',
    label: '429 with Retry-After',
    explains: 'The next API call is throttled; the client waits for Retry-After and retries by itself.',
    run(world) {
      world.api.faults.status = 429;
      world.api.faults.times = 1;
      return 'The next API call will be throttled once, then retried.';
    },
  },
  {
    id: 'idp-down',
    label: 'IdP down',
    explains:
      'The token endpoint answers 500: renewals fail with a typed error while the cached token keeps working.',
    pressed: (world) => !!world.aad.faults.tokenEndpoint,
    run(world) {
      world.aad.faults.tokenEndpoint = world.aad.faults.tokenEndpoint ? undefined : 'server-error';
      return world.aad.faults.tokenEndpoint
        ? 'Azure AD is down: renewals fail (try "Expire token now"); calls with the cached token still work.'
        : 'Azure AD is back.';
    },
  },
  {
    id: 'end-session',
    label: 'End SSO session',
    explains: 'The Azure AD session ends and this app signs out: components ask the user to sign in again.',
    async run(world, callout) {
      world.aad.state.session = undefined;
      await callout.signOut('aad');
      return 'Session ended: the components now show "Sign in to continue".';
    },
  },
];
