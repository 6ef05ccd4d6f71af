import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/callout-credential/define.js';
import type { CalloutCredential } from '../../../components/callout-credential/callout-credential.js';
import { createCallout, functionProvider, setDefaultCallout } from '../../../src/index.js';

/** The preconnect hints in the page's head, as `<href> <crossorigin>`. */
function hints(): string[] {
  return [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map(
    (link) => `${link.getAttribute('href')} ${link.getAttribute('crossorigin')}`,
  );
}

const provider = functionProvider(async () => ({ accessToken: 'unused', expiresOn: Date.now() + 3_600_000 }));

/** Renders credential elements on a client that allows `allowedOrigins` (any when undefined). */
async function declare(urls: string[], allowedOrigins?: string[]): Promise<CalloutCredential[]> {
  setDefaultCallout(
    createCallout({
      providers: { aad: provider },
      crossTab: false,
      ...(allowedOrigins ? { allowedOrigins } : {}),
    }),
  );
  const page = await fixture<HTMLDivElement>(html`<div>
    ${urls.map(
      (url, i) =>
        html`<callout-credential name=${`Api${i}`} provider="aad" url=${url} scopes="api://x/Read"></callout-credential>`,
    )}
  </div>`);
  return [...page.querySelectorAll<CalloutCredential>('callout-credential')];
}

describe('<callout-credential> preconnects to its API', () => {
  afterEach(() => {
    for (const link of document.head.querySelectorAll('link[rel="preconnect"]')) link.remove();
  });

  it('adds one anonymous-CORS preconnect hint per API origin, however many credentials use it.', async () => {
    const elements = await declare([
      'https://api.contoso.test/v1/',
      'https://api.contoso.test/v2/',
      'https://graph.contoso.test/',
    ]);
    expect(elements.map((element) => element.credential?.name)).to.deep.equal(['Api0', 'Api1', 'Api2']);
    expect(hints()).to.deep.equal([
      'https://api.contoso.test anonymous',
      'https://graph.contoso.test anonymous',
    ]);
    // Declared again later (another client, the same origins): still one hint each.
    await declare(['https://api.contoso.test/v3/']);
    expect(hints()).to.have.length(2);
  });

  it("adds no hint for the page's own origin.", async () => {
    const other = `http://127.0.0.1:${location.port}`;
    const elements = await declare([`${location.origin}/api/`, `${other}/api/`]);
    expect(elements.map((element) => element.credential?.url)).to.deep.equal([
      `${location.origin}/api/`,
      `${other}/api/`,
    ]);
    expect(hints()).to.deep.equal([`${other} anonymous`]);
  });

  it('adds no hint for a credential the client refused (an origin it does not allow).', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const [element] = await declare(['https://evil.example/'], ['https://api.contoso.test']);
      expect(element?.credential).to.equal(undefined);
    } finally {
      console.error = original;
    }
    expect(hints()).to.deep.equal([]);
  });
});
