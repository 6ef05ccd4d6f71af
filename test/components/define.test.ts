import { expect } from '@open-wc/testing';

describe('sso-callout/define and sso-callout/components', () => {
  it('the components entry exports the classes and registers nothing.', async () => {
    const components = await import('../../components/index.js');
    expect(components.CalloutGet).to.be.a('function');
    expect(components.CalloutController).to.be.a('function');
    expect(customElements.get('callout-get')).to.equal(undefined);
  });

  it('the define entry registers every element, and registering again does not throw.', async () => {
    const first = await import('../../components/define.js');
    for (const name of [
      'callout-msal',
      'callout-oidc',
      'callout-credential',
      'callout-login',
      'callout-get',
      'callout-log',
    ]) {
      expect(customElements.get(name), name).to.be.a('function');
    }
    const { defineElement } = await import('../../components/shared/define-element.js');
    expect(defineElement('callout-get', class extends HTMLElement {})).to.equal(false);
    expect(customElements.get('callout-get')).to.equal(first.CalloutGet);
  });
});
