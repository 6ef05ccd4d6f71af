import { expect, waitUntil } from '@open-wc/testing';
import type { CalloutCredential } from '../../components/callout-credential/callout-credential.js';
import { capturingConsole } from '../support/capturing-console.js';

// The test page loads hundreds of modules: keep every resource entry, not the first 250.
performance.setResourceTimingBufferSize(100_000);

/** How many times the page fetched the module of `element` (`components/<element>/<element>.ts`). */
function moduleRequests(element: string): number {
  const pattern = new RegExp(`/components/${element}/${element}\\.[jt]s\\b`);
  return performance.getEntriesByType('resource').filter((entry) => pattern.test(entry.name)).length;
}

/** Every module of `<callout-log>`'s folder the page fetched. */
function logModuleRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/components/callout-log/'));
}

/** The tags registered, in order, from now on. */
const defined: string[] = [];
const define = customElements.define.bind(customElements);
customElements.define = (name, elementClass, options) => {
  defined.push(name);
  define(name, elementClass, options);
};

// The page as a user writes it: elements in the HTML first (a <callout-get> before the
// <callout-credential> it uses), then the one import. The <callout-get> has no path, so it stays
// idle and the page makes no request but for modules.
const markup = document.createElement('div');
markup.innerHTML = `
  <callout-get credential="Orders"></callout-get>
  <callout-credential name="Orders" provider="aad" url="https://api.contoso.test/v1/"
    scopes="api://orders/Orders.Read"></callout-credential>
  <callout-msal id="aad" client-id="11111111-2222-3333-4444-555555555555" interaction="none"></callout-msal>`;
document.body.append(markup);

describe('sso-callout/define (the autoloader)', () => {
  let define1: typeof import('../../components/define.js');
  before(async () => {
    define1 = await import('../../components/define.js');
  });

  it('upgrades the elements used in the HTML, configuration elements first, and never loads an unused one.', async () => {
    await define1.autoload();
    for (const element of markup.children) {
      expect(element.matches(':defined'), element.localName).to.equal(true);
    }
    // Found in document order (get first), registered in the order providers and credentials need.
    expect(defined).to.deep.equal(['callout-msal', 'callout-credential', 'callout-get']);
    expect(moduleRequests('callout-get')).to.equal(1);
    expect(moduleRequests('callout-credential')).to.equal(1);
    expect(moduleRequests('callout-msal')).to.equal(1);
    expect(moduleRequests('callout-login')).to.equal(0);
    expect(logModuleRequests()).to.deep.equal([]);
  });

  it('upgrades an element inserted later, loading its module once for any number of them.', async () => {
    const later = document.createElement('section');
    later.innerHTML = '<callout-login provider="aad"></callout-login>'.repeat(3);
    document.body.append(later);
    await waitUntil(
      () => customElements.get('callout-login') !== undefined,
      'callout-login never registered',
    );
    for (const element of later.children) expect(element.matches(':defined')).to.equal(true);
    expect(moduleRequests('callout-login')).to.equal(1);
    expect(logModuleRequests()).to.deep.equal([]);
    later.remove();
  });

  it("upgrades an element inserted inside the shadow root of one of the package's elements.", async () => {
    const credential = markup.querySelector<CalloutCredential>('callout-credential')!;
    const root = credential.shadowRoot!;
    const log = document.createElement('callout-log');
    root.append(log);
    await waitUntil(() => log.matches(':defined'), 'callout-log inside a shadow root never upgraded');
    expect(moduleRequests('callout-log')).to.equal(1);
    log.remove();
  });

  it('is harmless when loaded twice, and after define-all: nothing throws, is logged or registered again.', async () => {
    const classes = ['callout-get', 'callout-msal', 'callout-log'].map((tag) => customElements.get(tag));
    const count = defined.length;
    await capturingConsole(async (errors) => {
      // A second copy of the entry (another bundle on the page) and the eager entry.
      const define2 = (await import(
        // @ts-expect-error: a query gives the same file a second module instance, as a second copy is.
        '../../components/define.js?second-copy'
      )) as typeof define1;
      await define2.autoload();
      await import('../../components/define-all.js');
      const more = document.createElement('callout-get');
      document.body.append(more);
      await define1.autoload(document.body);
      expect(more.matches(':defined')).to.equal(true);
      more.remove();
      expect(errors).to.deep.equal([]);
    });
    expect(
      ['callout-get', 'callout-msal', 'callout-log'].map((tag) => customElements.get(tag)),
    ).to.deep.equal(classes);
    // define-all found every element registered already.
    expect(defined.slice(count)).to.deep.equal([]);
  });
});
