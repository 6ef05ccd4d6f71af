import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import type { AuthProvider, Callout } from '../../src/index.js';
import { witnessChannel } from '../support/channels.js';
import {
  adoptedTokens,
  againstVictim,
  client,
  expectNothingAdopted,
  forgeToken,
  jwt,
  ordersKey,
  scopes,
} from '../support/cross-tab-attacker.js';
import { useMsw } from '../support/msw-worker.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import {
  ordersApi as api,
  createTokenSource,
  ordersClient,
  type TokenSource,
} from '../support/token-source.js';
import { waitUntil } from '../support/wait-until.js';

/**
 * Attacks on cross-tab coordination by anything else on the origin: a listener on the channel
 * (which must hear no token), and a sender of forged messages (which must change nothing it could
 * not change by asking the provider itself).
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

declare global {
  interface Window {
    __heard: unknown[];
  }
}

/** `GET …/orders` recording every Authorization header; answers 401 to `rejected` tokens. */
function ordersApi(seen: (string | null)[], rejected: string[] = []) {
  return http.get(`${api}orders`, ({ request }) => {
    const authorization = request.headers.get('authorization');
    seen.push(authorization);
    return rejected.some((token) => authorization === `Bearer ${token}`)
      ? new HttpResponse(null, {
          status: 401,
          headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
        })
      : HttpResponse.json({ ok: true });
  });
}

describe('a same-origin listener on the cross-tab channel', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  it('hears no token after acquisitions and refreshes with the default options, in this page or in another frame', async () => {
    window.__heard = [];
    const listener = new BroadcastChannel('sso-callout');
    listener.addEventListener('message', (e) => window.__heard.push(e.data));
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script>
      const channel = new BroadcastChannel('sso-callout');
      channel.onmessage = (e) => parent.__heard.push(e.data);
      window.listening = true;
    </script>`;
    document.body.append(frame);
    await waitUntil(
      () => (frame.contentWindow as (Window & { listening?: boolean }) | null)?.listening,
      'the frame never listened',
    );
    const source = createTokenSource({ prefix: 'secret-token-' });
    const seen: (string | null)[] = [];
    msw.use(ordersApi(seen, ['secret-token-1']));
    const callout = client(source); // crossTab and channelName as they come
    try {
      await callout('callout:Orders/orders').json(); // acquires, is rejected, refreshes, retries
      await callout.token('Orders', { forceRefresh: true });
      await callout.token('Orders', { claims: '{"access_token":{"acrs":{"essential":true}}}' });
      await waitUntil(() => window.__heard.length >= 2 * 3, 'the listeners heard nothing at all');
      await sleep(50);
      expect(source.issued).to.have.length(4);
      expect(seen).to.deep.equal(['Bearer secret-token-1', 'Bearer secret-token-2']);
      const wire = JSON.stringify(window.__heard);
      for (const token of source.issued) expect(wire).not.to.contain(token);
      expect(wire).not.to.contain('secret-token');
    } finally {
      callout.dispose();
      listener.close();
      frame.remove();
    }
  });
});

describe('a forged message on the cross-tab channel', () => {
  const msw = useMsw();
  failOnUnhandledRejections();

  it('cannot plant a token that claims to live until the year 275760, and the genuine broadcast replaces it', async () => {
    const seen: (string | null)[] = [];
    msw.use(ordersApi(seen));
    await againstVictim(
      async ({ callout: victim, channelName, adopted }) => {
        let genuine: Callout | undefined;
        try {
          await forgeToken(channelName, { accessToken: 'forged', expiresOn: 8.64e15, scopes });
          // Another tab opened after the forgery: it did not hear it.
          genuine = client(createTokenSource({ prefix: 'genuine-' }), {
            crossTab: 'share-tokens',
            channelName,
          });
          const planted = victim.peekToken('Orders');
          if (planted) {
            // Adopted at most for a day, never for ever.
            expect(planted.expiresOn.getTime()).to.be.at.most(Date.now() + 24 * 3_600_000);
          }
          await genuine.token('Orders'); // acquires and shares genuine-1
          await waitUntil(() => adopted.length >= (planted ? 2 : 1), 'the genuine broadcast did not arrive');
          await victim('callout:Orders/orders').json();
          expect(seen).to.deep.equal(['Bearer genuine-1']);
          expect(victim.peekToken('Orders')?.expiresOn.getTime()).to.be.below(Date.now() + 2 * 3_600_000);
        } finally {
          genuine?.dispose();
        }
      },
      createTokenSource({ prefix: 'victim-' }),
    );
  });

  it('cannot replace a token this tab acquired itself', async () => {
    const seen: (string | null)[] = [];
    msw.use(ordersApi(seen));
    await againstVictim(
      async ({ callout: victim, channelName }) => {
        await victim.token('Orders');
        await forgeToken(channelName, { accessToken: 'forged', expiresOn: Date.now() + 7_200_000, scopes });
        await victim('callout:Orders/orders').json();
        expect(seen).to.deep.equal(['Bearer victim-1']);
      },
      createTokenSource({ prefix: 'victim-' }),
    );
  });

  it('creates no entry for a key of a provider, scopes or account this client does not have', async () => {
    await againstVictim(async (victim) => {
      const token = { accessToken: 'forged', expiresOn: Date.now() + 3_600_000, scopes };
      await forgeToken(victim.channelName, token, { ...ordersKey, provider: 'evil' });
      await forgeToken(victim.channelName, token, { ...ordersKey, scopes: ['api://other/.default'] });
      await forgeToken(victim.channelName, token, { ...ordersKey, account: 'someone-else' });
      await forgeToken(victim.channelName, token, { ...ordersKey, claims: '{"x":1}' });
      await forgeToken(victim.channelName, token, '["test","",["api://orders/orders.read"],""] ');
      expectNothingAdopted(victim);
    });
  });

  it('is ignored when oversized: a megabyte token or a hundred thousand scopes', async () => {
    await againstVictim(async (victim) => {
      const expiresOn = Date.now() + 3_600_000;
      await forgeToken(victim.channelName, { accessToken: 'x'.repeat(1 << 20), expiresOn, scopes });
      await forgeToken(victim.channelName, {
        accessToken: 'forged',
        expiresOn,
        scopes: Array.from({ length: 100_000 }, (_, i) => `s${i}`),
      });
      expectNothingAdopted(victim);
    });
  });

  it('cannot plant a JWT whose exp has passed, whatever expiresOn it claims', async () => {
    const source = createTokenSource();
    await againstVictim(async ({ callout: victim, channelName }) => {
      const expired = jwt(Math.floor(Date.now() / 1000) - 60);
      await forgeToken(channelName, { accessToken: expired, expiresOn: Date.now() + 3_600_000, scopes });
      const token = await victim.token('Orders');
      expect(token.accessToken).to.equal('t1');
      expect(source.requests).to.have.length(1);
    }, source);
  });

  it('caps a shared JWT at its exp even when expiresOn claims more', async () => {
    await againstVictim(async ({ callout: victim, channelName, adopted }) => {
      const exp = Math.floor(Date.now() / 1000) + 600;
      await forgeToken(channelName, { accessToken: jwt(exp), expiresOn: Date.now() + 86_400_000, scopes });
      await waitUntil(() => adopted.length > 0, 'a valid shared token was not adopted');
      expect(victim.peekToken('Orders')?.expiresOn.getTime()).to.be.at.most(exp * 1000);
    });
  });

  it('costs no acquisition when forged "acquired" signals flood the channel: a rejected token still costs one refresh', async () => {
    const channelName = `forge-${crypto.randomUUID()}`;
    // A provider with a cache, as MSAL's: unforced requests get the cached token.
    const issued: string[] = [];
    let calls = 0;
    const provider: AuthProvider = {
      async getToken(request) {
        calls++;
        if (request.forceRefresh || issued.length === 0) issued.push(`t${issued.length + 1}`);
        return {
          accessToken: issued.at(-1)!,
          expiresOn: new Date(Date.now() + 3_600_000),
          scopes,
          source: 'provider',
        };
      },
    };
    const seen: (string | null)[] = [];
    msw.use(ordersApi(seen, ['t1']));
    const victim = ordersClient({ crossTab: undefined, channelName, provider, orders: { scopes } }).callout;
    try {
      await victim.token('Orders');
      // Opened after the victim's channel: once it has heard the whole flood, so has the victim.
      const witness = witnessChannel(channelName);
      const sender = new BroadcastChannel(channelName);
      for (let i = 0; i < 1_000; i++) sender.postMessage({ type: 'acquired', key: ordersKey });
      sender.close();
      await witness.heard(1_000);
      witness.close();
      for (let i = 0; i < 5; i++) await victim('callout:Orders/orders').json();
      expect(issued).to.deep.equal(['t1', 't2']);
      expect(seen).to.deep.equal(['Bearer t1', ...Array(5).fill('Bearer t2')]);
      // The only cost: one cache read before the forced refresh.
      expect(calls).to.equal(3);
    } finally {
      victim.dispose();
    }
  });

  for (const crossTab of [true, 'share-tokens'] as const) {
    it(`lets signOut() resolve and drops the old token after a forged key that is not JSON (crossTab: ${crossTab})`, async () => {
      const channelName = `forge-${crypto.randomUUID()}`;
      const source = createTokenSource();
      const seen: (string | null)[] = [];
      msw.use(ordersApi(seen));
      const victim = client(source, { crossTab, channelName, signOut: async () => {} });
      try {
        await victim('callout:Orders/orders').json();
        await forgeToken(
          channelName,
          { accessToken: 'forged', expiresOn: Date.now() + 3_600_000, scopes },
          '{not json',
        );
        await victim.signOut('test');
        await victim('callout:Orders/orders').json();
        expect(seen).to.deep.equal(['Bearer t1', 'Bearer t2']);
      } finally {
        victim.dispose();
      }
    });
  }
});

describe('a tab that signed out', () => {
  failOnUnhandledRejections();

  /** A client with two credentials of one provider, sharing tokens on `channelName`. */
  function tab(source: TokenSource, channelName: string): Callout {
    return ordersClient({
      crossTab: 'share-tokens',
      channelName,
      source,
      provider: { ...source.provider, signOut: async () => {} },
      orders: { scopes },
      credentials: {
        Invoices: { url: `${api}invoices/`, provider: 'test', scopes: ['api://invoices/Invoices.Read'] },
      },
    }).callout;
  }

  it('adopts no token another tab shares until it acquires one itself again', async () => {
    const channelName = `signout-${crypto.randomUUID()}`;
    const me = tab(createTokenSource({ prefix: 'mine-' }), channelName);
    const other = tab(createTokenSource({ prefix: 'theirs-' }), channelName);
    const adopted = adoptedTokens(me);
    // Opened after both tabs' channels: once it has heard both shares, so has `me`.
    const witness = witnessChannel(channelName);
    try {
      await me.token('Orders');
      await me.signOut('test');
      await other.token('Orders', { forceRefresh: true }); // shares theirs-1
      await other.token('Invoices'); // shares theirs-2
      await witness.heard(2, (message) => JSON.stringify(message).includes('theirs-'));
      expect(adopted).to.deep.equal([]);
      expect(me.peekToken('Orders')).to.equal(undefined);
      expect(me.peekToken('Invoices')).to.equal(undefined);
      // Signing in again (here: acquiring again) ends the refusal.
      expect((await me.token('Orders')).accessToken).to.equal('mine-2');
      await other.token('Invoices', { forceRefresh: true }); // shares theirs-3
      await waitUntil(() => adopted.length > 0, 'the tab no longer adopts after acquiring again');
      expect(me.peekToken('Invoices')?.accessToken).to.equal('theirs-3');
    } finally {
      witness.close();
      me.dispose();
      other.dispose();
    }
  });
});
