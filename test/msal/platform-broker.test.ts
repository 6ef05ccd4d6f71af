import { expect } from '@open-wc/testing';
import type { Diagnosis, DiagnosisCheck } from '../../src/index.js';
import type { MsalProviderOptions } from '../../src/msal/options.js';
import { click } from '../support/aad-gesture.js';
import { type AadScenario, type ScenarioOptions, useScenarios } from '../support/aad-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { leaksOf, recordEventDetails } from '../support/leak-check.js';
import { installPlatformBroker, type PlatformBrokerEmulator } from '../support/platform-broker.js';

/** The one `platform-broker` check of `report` (provider `aad`). */
function brokerCheck(report: Diagnosis): DiagnosisCheck {
  const found = report.checks.filter((c) => c.id === 'platform-broker' && c.provider === 'aad');
  expect(found).to.have.length(1);
  return found[0] as DiagnosisCheck;
}

/** The extension handshake's own timeout, made longer than a test: `ready()` proves it was never awaited. */
const neverAwaited = { system: { nativeBrokerHandshakeTimeout: 600_000 } };

describe('msalProvider with the platform broker (platformBroker)', () => {
  const { start } = useScenarios();
  let broker: PlatformBrokerEmulator | undefined;
  afterEach(() => {
    broker?.uninstall();
    broker = undefined;
  });

  /**
   * A scenario whose page has the emulated broker installed before its provider's MSAL starts
   * (the emulator comes with the scenario: its first provider is replaced, as by a reload).
   */
  async function withBroker(provider: Partial<MsalProviderOptions>, options: ScenarioOptions = {}) {
    const s = await start({ ...options, provider });
    await s.provider.ready();
    broker = installPlatformBroker(s.aad);
    s.reloadPage();
    return s;
  }

  /** One token through the broker's first use: Entra ID names the broker's account in the frame's answer. */
  async function firstBrokerToken(s: AadScenario) {
    const token = await s.callout.token('Orders');
    s.aad.resetCounters();
    return token;
  }

  it('gets the first token from the broker after one silent authorize that names its account, with no token request', async () => {
    const s = await withBroker({ platformBroker: true });
    const token = await s.callout.token('Orders');
    expect(token.source).to.equal('broker');
    expect(token.account?.username).to.equal('jane@contoso.com');
    expect(broker?.counters.getSupportedContracts).to.equal(1);
    expect(broker?.counters.executeGetToken).to.equal(1);
    expect(s.aad.counters.silentAuthorize).to.equal(1);
    expect(s.aad.received.authorize[0]?.get('nativebroker')).to.equal('1');
    expect(s.aad.counters.token).to.equal(0);
    await s.callout('callout:Orders/orders').json();
    expect(s.api.counters.authorized).to.equal(1);
  });

  it('gets every later token from the broker with no hidden iframe and no token request, also after a reload', async () => {
    const s = await withBroker({ platformBroker: true });
    await firstBrokerToken(s);
    const calls = broker?.counters.executeGetToken ?? 0;
    const reloaded = s.reloadPage();
    const token = await reloaded.token('Orders');
    const forced = await reloaded.token('Orders', { forceRefresh: true });
    expect([token.source, forced.source]).to.deep.equal(['broker', 'broker']);
    expect(broker?.counters.executeGetToken).to.equal(calls + 2);
    expect(broker?.received.at(-1)?.accountId).to.equal(broker?.received[0]?.accountId);
    expect(s.aad.counters.authorize).to.equal(0);
    expect(s.aad.counters.token).to.equal(0);
  });

  it('gets the user through a browser that blocks third-party cookies: one sign-in from a click, then tokens from the broker with no iframe, also after a reload', async () => {
    const s = await withBroker({ platformBroker: true });
    s.aad.faults.thirdPartyCookiesBlocked = true;
    const blocked = await expectFailure(s.callout.token('Orders'));
    expect(blocked.code).to.equal('login_required');
    await click(() => s.callout.signIn());
    // The popup's answer named the broker's account: the sign-in's token came from the broker.
    expect(s.aad.received.authorize.at(-1)?.get('nativebroker')).to.equal('1');
    expect(broker?.counters.executeGetToken).to.equal(1);
    s.aad.resetCounters();
    const reloaded = s.reloadPage();
    const token = await reloaded.token('Orders');
    await reloaded('callout:Orders/orders').json();
    expect(token.source).to.equal('broker');
    expect(broker?.counters.executeGetToken).to.equal(2);
    expect(s.aad.counters.authorize).to.equal(0);
    expect(s.aad.counters.token).to.equal(0);
  });

  it('goes to the interaction policy, with our code and hint and no hidden iframe, when the broker says the user must interact', async () => {
    const s = await withBroker({ platformBroker: true });
    await firstBrokerToken(s);
    const calls = broker?.counters.executeGetToken ?? 0;
    if (broker) broker.answer = 'interaction-required';
    const reloaded = s.reloadPage();
    const error = await expectFailure(reloaded.token('Orders'));
    expect(error.code).to.equal('interaction_required');
    expect(error.hint).to.match(/callout\.signIn\(\) from a click/);
    expect(broker?.counters.executeGetToken).to.equal(calls + 1);
    expect(s.aad.counters.authorize).to.equal(0);
    expect(s.aad.counters.token).to.equal(0);
  });

  it('ends a first sign-in the broker refuses in interaction_required with our hint, after the one silent authorize', async () => {
    const s = await withBroker({ platformBroker: true });
    if (broker) broker.answer = 'interaction-required';
    const error = await expectFailure(s.callout.token('Orders'));
    expect(error.code).to.equal('interaction_required');
    expect(error.hint).to.match(/callout\.signIn\(\) from a click/);
    expect(broker?.counters.executeGetToken).to.equal(1);
    expect(s.aad.counters.silentAuthorize).to.equal(1);
    expect(s.aad.counters.token).to.equal(0);
  });

  it('refuses an account switched in the broker prompt with account_mismatch, and types a broker failure with its own hint', async () => {
    const s = await withBroker({ platformBroker: true });
    await firstBrokerToken(s);
    if (broker) broker.answer = 'other-account';
    const switched = await expectFailure(s.callout.token('Orders', { forceRefresh: true }));
    expect(switched.code).to.equal('account_mismatch');
    expect(switched.hint).to.contain('sign out first');
    if (broker) broker.answer = 'failure';
    const failed = await expectFailure(s.callout.token('Orders', { forceRefresh: true }));
    expect(failed.code).to.equal('token_endpoint_error');
    expect(failed.hint).to.contain('The platform broker failed (broker_error)');
    expect(s.aad.counters.authorize).to.equal(0);
  });

  it('falls back to the hidden iframe and the token endpoint when the broker turns out disabled', async () => {
    const s = await withBroker({ platformBroker: true });
    await firstBrokerToken(s);
    if (broker) broker.answer = 'disabled';
    const calls = broker?.counters.executeGetToken ?? 0;
    const reloaded = s.reloadPage();
    const token = await reloaded.token('Orders');
    expect(token.source).to.equal('sso-silent');
    expect(broker?.counters.executeGetToken).to.equal(calls + 1);
    expect(s.aad.counters.silentAuthorize).to.equal(1);
    expect(s.aad.received.authorize[0]?.get('nativebroker')).to.equal(null);
    expect(s.aad.counters.token).to.equal(1);
  });

  it("fails the first token with configuration_error when the passthrough turns on MSAL's DOM setting without the broker", async () => {
    const s = await start({ provider: { msal: { experimental: { allowPlatformBrokerWithDOM: true } } } });
    const error = await expectFailure(s.callout.token('Orders'));
    expect(error.code).to.equal('configuration_error');
    expect(error.message).to.contain('invalid_platform_broker_configuration');
    expect(error.hint).to.contain('use platformBroker: true');
  });

  it('changes nothing when no broker is found: the same requests as without the option, no nativebroker, no wait', async () => {
    const s = await start({ provider: { platformBroker: true, msal: neverAwaited } });
    await s.provider.ready();
    const token = await s.callout.token('Orders');
    expect(token.source).to.equal('sso-silent');
    expect(s.aad.counters.silentAuthorize).to.equal(1);
    expect(s.aad.counters.token).to.equal(1);
    expect(s.aad.received.authorize[0]?.get('nativebroker')).to.equal(null);
  });

  it('does not use a DOM API that lacks the token contract', async () => {
    const s = await start({ provider: { platformBroker: true, msal: neverAwaited } });
    await s.provider.ready();
    broker = installPlatformBroker(s.aad, { contracts: [] });
    s.reloadPage();
    const token = await s.callout.token('Orders');
    expect(token.source).to.equal('sso-silent');
    expect(broker.counters.getSupportedContracts).to.equal(1);
    expect(broker.counters.executeGetToken).to.equal(0);
    expect(s.aad.received.authorize[0]?.get('nativebroker')).to.equal(null);
  });

  it('never calls a broker that is present while the option is off', async () => {
    const s = await withBroker({});
    const token = await s.callout.token('Orders');
    expect(token.source).to.equal('sso-silent');
    expect(broker?.counters.getSupportedContracts).to.equal(0);
    expect(broker?.counters.executeGetToken).to.equal(0);
    expect(s.aad.received.authorize[0]?.get('nativebroker')).to.equal(null);
    expect(s.aad.counters.token).to.equal(1);
  });

  it('replaces a token the API refuses with a new one from the broker: one forced renewal, no token request', async () => {
    const s = await withBroker({ platformBroker: true });
    await s.callout('callout:Orders/orders').json();
    const calls = broker?.counters.executeGetToken ?? 0;
    s.api.revokeAll();
    s.aad.resetCounters();
    await s.callout('callout:Orders/orders').json();
    expect(broker?.counters.executeGetToken).to.equal(calls + 1);
    expect(s.aad.counters.authorize).to.equal(0);
    expect(s.aad.counters.token).to.equal(0);
  });

  it('reports in diagnose() a broker that is on, and whether it answered for the account', async () => {
    const s = await withBroker({ platformBroker: true });
    const before = brokerCheck(await s.callout.diagnose());
    await s.callout.token('Orders');
    const after = brokerCheck(await s.callout.diagnose());
    expect([before.status, after.status]).to.deep.equal(['ok', 'ok']);
    expect(before.seen).to.contain("on, and this browser offers the broker through Edge's");
    expect(after.seen).to.contain('the broker answered for jane@contoso.com');
    expect(broker?.counters.executeGetToken, 'diagnose() asks for no token').to.equal(1);
  });

  it('warns in diagnose() when the browser offers a broker the provider leaves off, and skips when neither', async () => {
    const s = await withBroker({});
    const offered = brokerCheck(await s.callout.diagnose());
    expect(offered.status).to.equal('warn');
    expect(offered.hint).to.contain('platformBroker: true');
    broker?.uninstall();
    const absent = brokerCheck(await s.callout.diagnose());
    expect(absent.status).to.equal('skip');
    const on = await start({ provider: { platformBroker: true } });
    expect(brokerCheck(await on.callout.diagnose()).seen).to.contain('offers no platform broker');
  });

  it("keeps the broker's tokens out of every error and event", async () => {
    const s = await withBroker({ platformBroker: true });
    const details = recordEventDetails(s.callout);
    await s.callout('callout:Orders/orders').json();
    if (broker) broker.answer = 'interaction-required';
    const error = await expectFailure(s.callout.token('Orders', { forceRefresh: true }));
    expect(broker?.issued.length).to.be.greaterThan(0);
    expect(leaksOf(error, details, broker?.issued ?? [])).to.deep.equal([]);
  });
});
