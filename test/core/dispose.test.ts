import { expect } from '@open-wc/testing';
import type { AuthProvider, CalloutOptions } from '../../src/index.js';
import { CalloutErrorCode, createCallout, isCalloutError } from '../../src/index.js';
import { type TrackedChannels, trackChannels } from '../support/channels.js';
import { expectFailure } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';

const credentials = {
  Orders: { url: 'https://api.contoso.test/v1/', provider: 'p', scopes: ['Orders.Read'] },
};

/** A provider that records, in order, what the client does with it. */
function recordingProvider(log: string[] = [], label = 'p') {
  let tokens = 0;
  const provider: AuthProvider = {
    async getToken(request) {
      tokens++;
      return {
        accessToken: `t${tokens}`,
        expiresOn: new Date(Date.now() + 3_600_000),
        scopes: request.scopes,
        source: 'provider',
      };
    },
    async signIn() {
      return { id: 'jane', username: 'jane@contoso.test' };
    },
    async signOut() {},
    subscribe() {
      log.push(`${label}:subscribe`);
      return () => log.push(`${label}:unsubscribe`);
    },
    dispose() {
      log.push(`${label}:dispose`);
    },
  };
  return { provider, log, tokens: () => tokens };
}

describe('defining and removing a provider', () => {
  failOnUnhandledRejections();

  it('tells provider subscribers when a provider is defined and deleted', () => {
    const callout = createCallout({ crossTab: false });
    const seen: string[][] = [];
    const unsubscribe = callout.providers.subscribe(() => seen.push(callout.providers.names()));
    const { provider } = recordingProvider();
    callout.providers.define('aad', provider);
    callout.providers.delete('aad');
    unsubscribe();
    callout.providers.define('late', recordingProvider().provider);
    expect(seen).to.deep.equal([['aad'], []]);
  });

  it('disposes a deleted provider exactly once, after unsubscribing from it', () => {
    const { provider, log } = recordingProvider();
    const callout = createCallout({ crossTab: false, providers: { p: provider } });
    expect(callout.providers.delete('p')).to.equal(true);
    expect(callout.providers.delete('p')).to.equal(false);
    callout.dispose();
    expect(log).to.deep.equal(['p:subscribe', 'p:unsubscribe', 'p:dispose']);
  });

  it('disposes the provider a define replaces, and nothing when the same provider is defined again', () => {
    const log: string[] = [];
    const first = recordingProvider(log, 'first');
    const second = recordingProvider(log, 'second');
    const callout = createCallout({ crossTab: false, providers: { p: first.provider } });
    callout.providers.define('p', second.provider);
    callout.providers.define('p', second.provider);
    expect(log).to.deep.equal(['first:subscribe', 'first:unsubscribe', 'first:dispose', 'second:subscribe']);
    callout.dispose();
  });

  it('disposes a provider registered under two names only when the last of them is removed', () => {
    const { provider, log } = recordingProvider();
    const callout = createCallout({ crossTab: false, providers: { a: provider, b: provider } });
    callout.providers.delete('a');
    expect(log.filter((entry) => entry === 'p:dispose')).to.have.length(0);
    callout.providers.delete('b');
    expect(log.filter((entry) => entry === 'p:dispose')).to.have.length(1);
    callout.dispose();
  });
});

describe('disposing a client', () => {
  failOnUnhandledRejections();
  let channels: TrackedChannels | undefined;
  afterEach(() => channels?.restore());

  it('closes its cross-tab channel, disposes every provider once, and does nothing the second time', async () => {
    channels = trackChannels();
    const log: string[] = [];
    const callout = createCallout({
      channelName: `dispose-${Math.random()}`,
      providers: { p: recordingProvider(log, 'p').provider, q: recordingProvider(log, 'q').provider },
      credentials,
    });
    await callout.token('Orders');
    expect(channels.counts()).to.deep.equal({ open: 1, listeners: 1 });
    callout.dispose();
    callout.dispose();
    expect(channels.counts()).to.deep.equal({ open: 0, listeners: 0 });
    expect(log.filter((entry) => entry.endsWith(':dispose')).sort()).to.deep.equal([
      'p:dispose',
      'q:dispose',
    ]);
    expect(callout.providers.names()).to.deep.equal([]);
  });

  it('leaves 100 clients created and disposed with no open channel and no listener', () => {
    channels = trackChannels();
    for (let i = 0; i < 100; i++) {
      createCallout({
        channelName: 'sso-callout-dispose',
        providers: { p: recordingProvider().provider },
      }).dispose();
    }
    expect(channels.counts()).to.deep.equal({ open: 0, listeners: 0 });
  });

  it('opens no channel when its options are invalid', () => {
    channels = trackChannels();
    const { provider, log } = recordingProvider();
    const invalid: CalloutOptions[] = [
      {
        providers: { p: provider },
        credentials: { Orders: { ...credentials.Orders, url: 'http://api.test/' } },
      },
      { providers: { 'not a name': provider } },
    ];
    for (const options of invalid) expect(() => createCallout(options)).to.throw();
    expect(channels.counts()).to.deep.equal({ open: 0, listeners: 0 });
    expect(log).to.deep.equal([]);
  });

  it('refuses every later call, token, sign-in, sign-out and provider with client_disposed', async () => {
    const source = recordingProvider();
    const callout = createCallout({ crossTab: false, providers: { p: source.provider }, credentials });
    await callout.token('Orders');
    callout.dispose();
    let errorEvents = 0;
    callout.events.addEventListener('error', () => errorEvents++);
    const failures = [
      await expectFailure(callout('callout:Orders/orders').json()),
      await expectFailure(callout.post('callout:Orders/orders', { json: {} })),
      await expectFailure(callout.token('Orders')),
      await expectFailure(callout.signIn('p')),
      await expectFailure(callout.signOut('p')),
    ];
    let defined: unknown;
    try {
      callout.providers.define('p', recordingProvider().provider);
    } catch (error) {
      defined = error;
    }
    expect(failures.map((error) => error.code)).to.deep.equal(Array(5).fill(CalloutErrorCode.clientDisposed));
    expect(isCalloutError(defined) && defined.code).to.equal(CalloutErrorCode.clientDisposed);
    expect(callout.peekToken('Orders')).to.equal(undefined);
    expect(errorEvents, 'one error event per refused call').to.equal(2);
    expect(source.tokens()).to.equal(1);
  });
});
