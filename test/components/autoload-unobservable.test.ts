import { expect } from '@open-wc/testing';

describe('sso-callout/define where the DOM cannot be watched', () => {
  it('loads every on-demand element at once when observing a root throws (as under Lightning Web Security).', async () => {
    expect(customElements.get('callout-login')).to.equal(undefined);
    expect(customElements.get('callout-log')).to.equal(undefined);
    const { autoload } = await import('../../components/define.js');
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const observe = MutationObserver.prototype.observe;
    MutationObserver.prototype.observe = () => {
      throw new DOMException('Cannot observe mutations on shared element', 'SecurityError');
    };
    try {
      await autoload(root);
    } finally {
      MutationObserver.prototype.observe = observe;
    }
    expect(customElements.get('callout-login')).to.be.a('function');
    expect(customElements.get('callout-log')).to.be.a('function');
  });
});
