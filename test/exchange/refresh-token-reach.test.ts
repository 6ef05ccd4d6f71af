import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { CalloutErrorCode } from '../../src/index.js';
import type { ExchangeEmulator } from '../support/exchange-emulator.js';
import { type ExchangeScenario, startExchangeScenario } from '../support/exchange-setup.js';
import { expectFailure } from '../support/expect-failure.js';
import { recordEventDetails, secretPaths } from '../support/leak-check.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

/** Every refresh token the exchange endpoint issued (`renewal.…`). */
const refreshTokens = (exchange: ExchangeEmulator): string[] =>
  exchange.issued.filter((t) => t.startsWith('renewal.'));

/** Every path from `roots` (named) to a refresh token the endpoint issued. */
const reach = (exchange: ExchangeEmulator, roots: Record<string, unknown>): string[] =>
  secretPaths(refreshTokens(exchange), roots);

/**
 * Attacker: whoever reads what the library hands out — error panels and trackers, event
 * listeners, `callout.token()`, the providers a client exposes — looking for the exchange's
 * refresh token (a 12-hour API session renewable without the user). None of it may hold one,
 * after rotating refreshes or when the endpoint fails quoting the refresh token it was sent.
 */
describe("the exchange provider's refresh tokens, from what it hands out", () => {
  let s: ExchangeScenario | undefined;
  failOnUnhandledRejections();
  afterEach(() => {
    s?.callout.dispose();
    s = undefined;
    sessionStorage.clear();
  });

  it('are reachable from no token() result, event detail or provider after rotating refreshes', async () => {
    s = await startExchangeScenario();
    const details = recordEventDetails(s.callout);
    const tokens = [await s.callout.token('Orders')];
    tokens.push(await s.callout.token('Orders', { forceRefresh: true }));
    await s.callout('callout:Orders/orders').json();
    s.api.revokeAll(); // The next call is refused with 401: one more refresh, one retry.
    await s.callout('callout:Orders/orders').json();
    tokens.push(await s.callout.token('Orders'));
    expect(s.exchange.counters).to.include({ exchanges: 1, refreshes: 2 });
    expect(refreshTokens(s.exchange), 'refresh tokens the walk looks for').to.have.length(3);
    const roots = {
      tokens,
      events: details,
      providers: s.callout.providers.names().map((name) => s?.callout.providers.get(name)),
      account: s.callout.providers.get('ordersApi')?.account,
      peek: s.callout.peekToken('Orders'),
    };
    expect(details.length).to.be.greaterThan(5);
    expect(reach(s.exchange, roots)).to.deep.equal([]);
  });

  it('are reachable from no error or event detail when the refresh endpoint fails quoting the refresh token', async () => {
    s = await startExchangeScenario({
      before: (exchange) => [
        http.post(exchange.renewEndpoint, async ({ request }) => {
          const { renewal } = (await request.json()) as { renewal?: string };
          return HttpResponse.json(
            { error: 'invalid_request', error_description: `renewal ${renewal} is malformed` },
            { status: 422 },
          );
        }),
      ],
    });
    await s.callout.token('Orders');
    const details = recordEventDetails(s.callout);
    const error = await expectFailure(s.callout.token('Orders', { forceRefresh: true }));
    expect(error.code).to.equal(CalloutErrorCode.configurationError);
    expect(error.message).to.contain('[redacted] is malformed');
    expect(
      s.exchange.counters.refreshes,
      'the emulator saw no refresh: the hostile endpoint answered',
    ).to.equal(0);
    expect(refreshTokens(s.exchange)).to.have.length(1);
    expect(reach(s.exchange, { error, events: details })).to.deep.equal([]);
  });
});
