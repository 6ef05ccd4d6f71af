import { expect } from '@open-wc/testing';
import type { AuthProvider, Callout, TokenEventDetail } from '../../src/index.js';
import { witnessChannel } from './channels.js';
import {
  createTokenSource,
  type OrdersClientOptions,
  ordersClient,
  type TokenSource,
} from './token-source.js';

/**
 * What the cross-tab attack tests (test/core/cross-tab-attacks.test.ts) use to play the other
 * side of the channel: clients of the `Orders` credential, and a sender of forged messages.
 */

/** The scopes of the `Orders` credential, as the attacks' clients define it. */
export const scopes = ['api://orders/Orders.Read'];

/**
 * A client whose `Orders` credential gets its tokens from `source` (through a provider that can
 * sign out, given `signOut`), with the default cross-tab options unless `options` say otherwise.
 */
export function client(
  source: TokenSource,
  options: Pick<OrdersClientOptions, 'crossTab' | 'channelName'> & { signOut?: () => Promise<void> } = {},
): Callout {
  const { signOut, ...rest } = options;
  const provider: AuthProvider = signOut ? { ...source.provider, signOut } : source.provider;
  // Unless given, crossTab and channelName are left out, as in a client nobody configured.
  return ordersClient({ crossTab: undefined, ...rest, source, provider, orders: { scopes } }).callout;
}

/** A client sharing tokens on a channel of its own, what it adopted from other tabs, and that channel. */
export interface Victim {
  callout: Callout;
  channelName: string;
  adopted: TokenEventDetail[];
}

/** Runs `attack` on a new {@link Victim} whose tokens come from `source`, then disposes its client. */
export async function againstVictim(
  attack: (victim: Victim) => Promise<void>,
  source: TokenSource = createTokenSource(),
): Promise<void> {
  const channelName = `forge-${crypto.randomUUID()}`;
  const callout = client(source, { crossTab: 'share-tokens', channelName });
  try {
    await attack({ callout, channelName, adopted: adoptedTokens(callout) });
  } finally {
    callout.dispose();
  }
}

/** Expects `victim` to have taken no token from the channel: none adopted, none stored. */
export function expectNothingAdopted(victim: Victim): void {
  expect(victim.adopted).to.deep.equal([]);
  expect(victim.callout.peekToken('Orders')).to.equal(undefined);
}

/** The key parts of the `Orders` credential's token, and the key string older versions used. */
export const ordersKey = { provider: 'test', account: '', scopes: ['api://orders/orders.read'], claims: '' };
const legacyKey = (parts: typeof ordersKey) =>
  JSON.stringify([parts.provider, parts.account, parts.scopes, parts.claims]);

/**
 * Posts a forged token on `channel` in every shape the library has understood: keyed by the
 * string it once used and by the key parts it uses now. Settles once both messages have been
 * delivered on this page: a witness channel, opened after the victim's, hears them, and the
 * browser delivers a message to a page's channels in the order they were opened, so the victim
 * has handled both by then (its handler is synchronous). No sleep has to guess how long that takes.
 */
export async function forgeToken(channel: string, token: unknown, key: unknown = ordersKey): Promise<void> {
  const witness = witnessChannel(channel);
  const sender = new BroadcastChannel(channel);
  const legacy = typeof key === 'object' ? legacyKey(key as typeof ordersKey) : key;
  sender.postMessage({ type: 'token', key: legacy, token });
  sender.postMessage({ type: 'token', key, token });
  sender.close();
  try {
    await witness.heard(2);
  } finally {
    witness.close();
  }
}

/** Every `token` event of `callout` that says its token came from another tab. */
export function adoptedTokens(callout: Callout): TokenEventDetail[] {
  const adopted: TokenEventDetail[] = [];
  callout.events.addEventListener('token', (e) => {
    if (e.detail.fromOtherTab) adopted.push(e.detail);
  });
  return adopted;
}

/** An unsigned JWT whose `exp` is `expSeconds` (the signature does not matter to a client). */
export function jwt(expSeconds: number): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ exp: expSeconds, aud: 'api://orders' })}.c2ln`;
}
