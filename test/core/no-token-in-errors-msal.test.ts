import { expect } from '@open-wc/testing';
import { CalloutErrorCode } from '../../src/index.js';
import { type AadScenario, useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { leaksOf, recordEvents } from '../support/leak-check.js';

/** Every secret MSAL keeps in its session cache (access, refresh and ID tokens), plus the store's token. */
function secretsOf(s: AadScenario): string[] {
  const secrets = new Set<string>();
  for (let i = 0; i < sessionStorage.length; i++) {
    const raw = sessionStorage.getItem(sessionStorage.key(i) ?? '') ?? '';
    try {
      const secret = (JSON.parse(raw) as { secret?: unknown }).secret;
      if (typeof secret === 'string' && secret.length > 20) secrets.add(secret);
    } catch {
      // Not a cache entry.
    }
  }
  const stored = s.callout.peekToken('Orders')?.accessToken;
  if (stored) secrets.add(stored);
  return [...secrets];
}

describe('no token is reachable from a failure of the real MSAL provider', () => {
  const { start } = useScenarios();

  /** Signs Jane in silently with one successful call, then records every event of the next one. */
  async function signedIn() {
    const s = await start();
    await s.callout('callout:Orders/orders').json();
    const secrets = secretsOf(s);
    expect(secrets.length, 'tokens MSAL and the store hold').to.be.at.least(3);
    const details = recordEvents(s.callout);
    return { t: s, secrets, details };
  }

  it("hides every token from the error and the events when Azure AD's token endpoint fails on the refresh", async () => {
    const { t, secrets, details } = await signedIn();
    t.api.revokeAll();
    t.aad.faults.tokenEndpoint = 'server-error';
    const error = await expectFailure(t.callout('callout:Orders/orders').json());
    expect(leaksOf(error, details, secrets)).to.deep.equal([]);
    expect(error.code).to.not.equal(CalloutErrorCode.unauthorized);
    expect(error.cause, 'MSAL error kept as a description').to.be.instanceOf(Error);
  });

  it('hides every token from the error and the events when a claims challenge needs interaction', async () => {
    const { t, secrets, details } = await signedIn();
    t.api.faults.requireAuthContext = 'c1';
    t.aad.faults.claimsNeedInteraction = true;
    const error = await expectFailure(t.callout('callout:Orders/orders').json());
    expect(leaksOf(error, details, secrets)).to.deep.equal([]);
    expect(error.code).to.equal(CalloutErrorCode.interactionRequired);
    expect(details.some(([name]) => name === 'interaction-required')).to.equal(true);
  });
});
