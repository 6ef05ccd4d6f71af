import type { Scenario } from './scenarios.js';

/**
 * Faults of the support desk's OpenID Connect identity provider, which the `Tickets` credential
 * reaches through `<callout-oidc>` (silent sign-in by hidden frame, rotating refresh tokens).
 */
export const oidcScenarios: Scenario[] = [
  {
    id: 'oidc-expire',
    label: 'Expire its token',
    explains:
      'The tickets token is dropped: the next one comes from the rotating refresh token, with no frame and no 401.',
    async run(_world, callout) {
      await callout.token('Tickets', { forceRefresh: true });
      return 'Token renewed from the refresh token (1 token request, no authorize, no API retry).';
    },
  },
  {
    id: 'oidc-revoke',
    label: 'Revoke its refresh token',
    explains:
      'The identity provider revokes the refresh token: the renewal is refused once, and sso-callout signs in again silently in the hidden frame.',
    async run(world, callout) {
      world.supportIdp.revokeRefreshTokens();
      await callout.token('Tickets', { forceRefresh: true });
      return 'Refresh token revoked: 1 refused refresh, then a silent sign-in against the IdP session (1 authorize + 1 token), no window.';
    },
  },
  {
    id: 'oidc-end-session',
    label: 'End its IdP session',
    explains:
      'An administrator signs the user out everywhere: no IdP session, refresh token revoked, the API refuses the token. The card asks to sign in (login_required).',
    run(world) {
      world.supportIdp.state.session = undefined;
      world.supportIdp.revokeRefreshTokens();
      world.supportApi.revokeAll();
      return 'Support IdP session ended: the next call gets 401, its refresh is refused and the hidden frame answers login_required, so the tickets card shows "Sign in to continue".';
    },
  },
];

/** Faults of the billing API, whose token the host's own backend mints (`Invoices`, refreshOn 401 and 403). */
export const backendScenarios: Scenario[] = [
  {
    id: 'backend-forbidden',
    label: 'API answers 403 once',
    explains:
      'The billing API refuses the token once with 403: sso-callout asks the backend once for a new token (forceRefresh) and retries once.',
    run(world) {
      world.billingApi.faults.status = 403;
      world.billingApi.faults.times = 1;
      return 'The next invoices call will be refused with 403: 1 backend call with forceRefresh, then 1 retry.';
    },
  },
];
