import { expect } from '@open-wc/testing';
import {
  createCallout,
  getDefaultCallout,
  setDefaultCallout,
  subscribeDefaultCallout,
} from '../../src/index.js';
import { version } from '../../src/version.js';
import { capturingConsole } from '../support/capturing-console.js';

type DefaultModule = typeof import('../../src/default-callout.js');

const clientKey = Symbol.for('sso-callout');
const pageKey = Symbol.for('sso-callout/page');
const slots = globalThis as unknown as Record<symbol, unknown>;

/** Loads another independent instance of the module, as a separately bundled copy would be. */
async function anotherCopy(): Promise<DefaultModule> {
  const url = new URL(`../../src/default-callout.ts?copy=${crypto.randomUUID()}`, import.meta.url).href;
  return (await import(/* @vite-ignore */ url)) as DefaultModule;
}

describe('the page-global default client', () => {
  beforeEach(() => {
    delete slots[clientKey];
    delete slots[pageKey];
  });

  it('declares the version of package.json.', async () => {
    const manifest = (await (await fetch('/package.json')).json()) as { version: string };
    expect(version).to.equal(manifest.version);
  });

  it('tells every copy’s listeners once when any copy sets another default client, and not when it sets the same one.', async () => {
    const other = await anotherCopy();
    const heard: string[] = [];
    const stopMine = subscribeDefaultCallout(() => heard.push('mine'));
    const stopOther = other.subscribeDefaultCallout(() => heard.push('other'));
    const client = createCallout({ crossTab: false });
    other.setDefaultCallout(client);
    expect(heard).to.deep.equal(['mine', 'other']);
    expect(getDefaultCallout()).to.equal(client);
    setDefaultCallout(client);
    expect(heard, 'the same client again changes nothing').to.have.length(2);
    stopMine();
    stopOther();
    setDefaultCallout(createCallout({ crossTab: false }));
    expect(heard, 'stopped listeners hear nothing').to.have.length(2);
  });

  it('calls no listener when getDefaultCallout() creates the first default client.', () => {
    let heard = 0;
    const stop = subscribeDefaultCallout(() => heard++);
    const created = getDefaultCallout();
    expect(getDefaultCallout()).to.equal(created);
    expect(heard).to.equal(0);
    stop();
  });

  it('returns the previous default client from setDefaultCallout() and leaves it usable: its owner disposes it.', async () => {
    const first = createCallout({
      crossTab: false,
      providers: {
        p: {
          getToken: async (request) => ({
            accessToken: 'still-mine',
            expiresOn: new Date(Date.now() + 3_600_000),
            scopes: request.scopes,
            source: 'provider',
          }),
        },
      },
      credentials: {
        Orders: { url: 'https://api.contoso.test/v1/', provider: 'p', scopes: ['Orders.Read'] },
      },
    });
    expect(setDefaultCallout(first)).to.equal(undefined);
    expect(setDefaultCallout(createCallout({ crossTab: false }))).to.equal(first);
    expect((await first.token('Orders')).accessToken).to.equal('still-mine');
  });

  it('warns once when copies of two different versions share the page, whichever copies come after.', async () => {
    // A copy of another version used the page first: the record as that copy leaves it.
    slots[pageKey] = { format: 1, versions: ['0.0.1-other'], events: new EventTarget(), warned: false };
    await capturingConsole(async (lines) => {
      const copy = await anotherCopy();
      copy.getDefaultCallout();
      getDefaultCallout();
      (await anotherCopy()).setDefaultCallout(createCallout({ crossTab: false }));
      expect(lines).to.have.length(1);
      expect(lines[0]).to.contain('0.0.1-other').and.contain(version);
    }, 'warn');
  });

  it('shares silently between copies of the same version.', async () => {
    await capturingConsole(async (lines) => {
      const copies = [await anotherCopy(), await anotherCopy()];
      const client = createCallout({ crossTab: false });
      copies[0]!.setDefaultCallout(client);
      expect(copies[1]!.getDefaultCallout()).to.equal(client);
      expect(getDefaultCallout()).to.equal(client);
      expect(lines).to.deep.equal([]);
    }, 'warn');
  });
});
