import { expect } from '@open-wc/testing';
import { capturingConsole } from '../support/capturing-console.js';
import { waitUntil } from '../support/wait-until.js';

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
// <callout-credential> it uses, a <callout-login>, which loads on demand), then the one import.
// The <callout-get> has no path, so it stays idle and the page makes no request but for modules.
const markup = document.createElement('div');
markup.innerHTML = `
  <callout-get credential="Orders"></callout-get>
  <callout-credential name="Orders" provider="aad" url="https://api.contoso.test/v1/"
    scopes="api://orders/Orders.Read"></callout-credential>
  <callout-msal id="aad" client-id="11111111-2222-3333-4444-555555555555" interaction="none"></callout-msal>
  <callout-login provider="aad"></callout-login>`;
document.body.append(markup);

describe('sso-callout/define: the data-path elements at once, the others when first used', () => {
  let define1: typeof import('../../components/define.js');
  before(async () => {
    define1 = await import('../../components/define.js');
  });

  it('upgrades the elements used in the HTML, configuration elements first, and never loads an unused one.', async () => {
    await define1.autoload();
    for (const element of markup.children) {
      expect(element.matches(':defined'), element.localName).to.equal(true);
    }
    // A <callout-get> comes first in the HTML; it is registered after the provider and credential.
    expect(defined).to.deep.equal([
      'callout-msal',
      'callout-oidc',
      'callout-credential',
      'callout-get',
      'callout-login',
    ]);
    for (const element of ['callout-get', 'callout-credential', 'callout-msal', 'callout-login']) {
      expect(moduleRequests(element), element).to.equal(1);
    }
    expect(logModuleRequests()).to.deep.equal([]);
  });

  it('upgrades an element inserted later, loading its module once for any number of them.', async () => {
    const later = document.createElement('section');
    later.innerHTML = '<callout-log></callout-log>'.repeat(3);
    expect(moduleRequests('callout-log')).to.equal(0);
    document.body.append(later);
    await waitUntil(() => customElements.get('callout-log') !== undefined, 'callout-log never registered');
    for (const element of later.children) expect(element.matches(':defined')).to.equal(true);
    expect(moduleRequests('callout-log')).to.equal(1);
    later.remove();
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
