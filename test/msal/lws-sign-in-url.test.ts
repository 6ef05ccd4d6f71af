import { expect } from '@open-wc/testing';
import { isLoginHint, isLwsNamespace, signInPageUrl } from '../../src/msal/lws/sign-in-url.js';

describe('the LWS sign-in link', () => {
  const page = 'https://contoso.lightning.force.com/resource/ssoCallout/sign-in.html';

  it('carries only the namespace and the login hint, never an identity-provider setting', () => {
    const url = new URL(signInPageUrl({ page, namespace: 'c', loginHint: 'jane@contoso.com' }));
    expect(`${url.origin}${url.pathname}`).to.equal(page);
    expect([...url.searchParams]).to.deep.equal([
      ['ns', 'c'],
      ['login_hint', 'jane@contoso.com'],
    ]);
  });

  it('drops a login hint that is not a user name, and any query the page URL had', () => {
    const url = new URL(
      signInPageUrl({ page: `${page}?client_id=x#y`, namespace: 'acme', loginHint: 'jane"><b>@x' }),
    );
    expect(url.search).to.equal('?ns=acme');
    expect(url.hash).to.equal('');
  });

  it('accepts email/UPN login hints and Salesforce namespaces, and nothing else', () => {
    for (const hint of ['jane@contoso.com', 'first.last+tag@sub.contoso.co.uk', "o'neil@contoso.com"]) {
      expect(isLoginHint(hint), hint).to.equal(true);
    }
    for (const hint of [
      'jane',
      '@contoso.com',
      'jane@contoso',
      'ja ne@contoso.com',
      'jane@contoso.com\n',
      42,
    ]) {
      expect(isLoginHint(hint), String(hint)).to.equal(false);
    }
    expect(
      isLoginHint(`${'j'.repeat(64)}@${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`),
    ).to.equal(true);
    expect(
      isLoginHint(`${'j'.repeat(64)}@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.com`),
    ).to.equal(false);
    for (const ns of ['c', 'acme', 'Acme_Pkg', 'a12345678901234'])
      expect(isLwsNamespace(ns), ns).to.equal(true);
    for (const ns of ['', '1abc', 'c$x', 'a__b', 'abc_', 'a123456789012345', 'ns-1']) {
      expect(isLwsNamespace(ns), ns).to.equal(false);
    }
  });
});
