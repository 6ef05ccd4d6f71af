import { expect } from '@open-wc/testing';
import type { CredentialDefinition } from '../../src/index.js';
import { CalloutErrorCode, createCallout } from '../../src/index.js';
import { expectFailure, expectThrown } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { ordersApi as base, ordersClient } from '../support/token-source.js';

function registry() {
  return ordersClient().callout.credentials;
}

describe('named credentials', () => {
  failOnUnhandledRejections();

  const invalid: [string, Partial<CredentialDefinition>, RegExp][] = [
    ['a relative url', { url: '/v1/' }, /absolute URL/],
    ['plain http to a remote host', { url: 'http://api.contoso.test/v1/' }, /https/],
    ['user info in the url', { url: 'https://jane@api.contoso.test/v1/' }, /user info/],
    ['a query in the url', { url: 'https://api.contoso.test/v1/?key=1' }, /query/],
    ['dot segments in the url', { url: 'https://api.contoso.test/v1/%2e%2e/' }, /dot segments/],
    [
      'a path parameter on a dot segment in the url',
      { url: 'https://api.contoso.test/v1/..;/' },
      /dot segments/,
    ],
    ['fullwidth dots in the url', { url: 'https://api.contoso.test/v1/\uff0e\uff0e/' }, /dot segments/],
    ['a path parameter in the url', { url: 'https://api.contoso.test/v1;x=1/' }, /path parameters/],
    ['no scopes', { scopes: [] }, /"scopes"/],
    ['a scope with spaces', { scopes: ['a b'] }, /scope "a b"/],
    ['no provider', { provider: '' }, /"provider"/],
    ['an Authorization header', { headers: { Authorization: 'Basic x' } }, /Authorization/],
    ['a success status in refreshOn', { refreshOn: [200] }, /"refreshOn"/],
    ['a negative timeout', { timeout: -1 }, /"timeout"/],
  ];
  for (const [what, change, message] of invalid) {
    it(`rejects a definition with ${what}, naming the credential and the problem`, () => {
      const definition = {
        url: base,
        provider: 'test',
        scopes: ['Orders.Read'],
        ...change,
      } as CredentialDefinition;
      const error = expectThrown(() => registry().define('Bad', definition));
      expect(error.code).to.equal(CalloutErrorCode.invalidCredential);
      expect(error.message).to.contain('"Bad"');
      expect(error.message).to.match(message);
    });
  }

  it('rejects a name that cannot be written in a callout: reference', () => {
    const error = expectThrown(() =>
      registry().define('Or ders', { url: base, provider: 'test', scopes: ['x'] }),
    );
    expect(error.code).to.equal(CalloutErrorCode.invalidCredential);
  });

  it('normalises the base url to end with a slash and defaults refreshOn to 401', () => {
    const credential = registry().define('Plain', {
      url: 'https://api.contoso.test/v2',
      provider: 'test',
      scopes: ['x'],
    });
    expect(credential.url).to.equal('https://api.contoso.test/v2/');
    expect(credential.refreshOn).to.deep.equal([401]);
  });

  it('allows plain http only for localhost', () => {
    expect(
      registry().define('Local', { url: 'http://localhost:3000/api', provider: 'test', scopes: ['x'] }).url,
    ).to.equal('http://localhost:3000/api/');
  });

  const resolves: [string, string][] = [
    ['callout:Orders/orders/42?expand=lines', `${base}orders/42?expand=lines`],
    ['callout:Orders', base],
    ['callout:Orders/', base],
    ['callout:Orders?status=open', `${base}?status=open`],
    ['callout:Orders/users/jane@contoso.com', `${base}users/jane@contoso.com`],
    ['callout:Orders/a..b/c.d', `${base}a..b/c.d`],
    ['callout:Orders/%2e%2e%zz/x', `${base}%2e%2e%zz/x`],
    ['callout:Orders/search?q=../../etc&x=%2e%2e', `${base}search?q=../../etc&x=%2e%2e`],
    ['callout:Orders/caf\u00e9', `${base}caf%C3%A9`],
  ];
  for (const [input, expected] of resolves) {
    it(`resolves ${input} inside the base url`, () => {
      expect(registry().resolve(input).url.href).to.equal(expected);
    });
  }

  const escapes = [
    'callout:Orders/../admin',
    'callout:Orders/orders/../../admin',
    'callout:Orders/%2e%2e/admin',
    'callout:Orders/%2E%2e/admin',
    'callout:Orders/.%2e/admin',
    'callout:Orders/%252e%252e/admin',
    'callout:Orders/..%2fadmin',
    'callout:Orders/..%5cadmin',
    'callout:Orders/..\\admin',
    'callout:Orders/orders\\..\\..\\admin',
    'callout:Orders//evil.test/x',
    'callout:Orders/\\\\evil.test/x',
    'callout:Orders/https://evil.test/',
    'callout:Orders/javascript:alert(1)',
    'callout:Orders@evil.test/x',
    'callout:Orders.evil.test/x',
    'callout:Orders/.',
    'callout:Orders/./x',
    'callout:Orders/.\t./admin',
    'callout:Orders/a/\n../../admin',
  ];
  for (const input of escapes) {
    it(`refuses ${JSON.stringify(input)} with url_escape before any request`, () => {
      const error = expectThrown(() => registry().resolve(input));
      expect(error.code).to.equal(CalloutErrorCode.urlEscape);
      expect(error.message).to.contain('No request was sent');
    });
  }

  it('names the unknown credential and the known ones', () => {
    const error = expectThrown(() => registry().resolve('callout:Invoices/x'));
    expect(error.code).to.equal(CalloutErrorCode.unknownCredential);
    expect(error.message).to.equal('No credential named "Invoices" is registered (known: Orders)');
  });

  it('matches a plain URL to the credential with the longest base path, and others to none', () => {
    const credentials = registry();
    credentials.define('Admin', { url: `${base}admin/`, provider: 'test', scopes: ['Admin'] });
    expect(credentials.resolve(`${base}admin/users`).credential?.name).to.equal('Admin');
    expect(credentials.resolve(`${base}orders`).credential?.name).to.equal('Orders');
    expect(credentials.resolve('https://api.contoso.test/v10/orders').credential).to.equal(undefined);
    expect(credentials.resolve('https://api.contoso.test.evil.test/v1/x').credential).to.equal(undefined);
    expect(credentials.resolve('https://evil.test@api.contoso.test/v1/x').credential).to.equal(undefined);
    expect(credentials.resolve(`${base}..%2fadmin`).credential).to.equal(undefined);
  });

  it('rejects a callout to a credential whose provider is not registered, without a request', async () => {
    const callout = createCallout({ crossTab: false });
    callout.credentials.define('Orders', { url: base, provider: 'aad', scopes: ['x'] });
    let requests = 0;
    callout.events.addEventListener('request', () => requests++);
    const error = await expectFailure(callout('callout:Orders/x').json());
    expect(error.code).to.equal(CalloutErrorCode.invalidCredential);
    expect(error.message).to.contain('provider "aad"');
    expect(requests).to.equal(0);
  });
});

describe('path look-alikes that servers read as ".."', () => {
  failOnUnhandledRejections();

  /** A client whose requests are recorded instead of sent: the URL and whether a token went with it. */
  function recordingClient() {
    const { source, callout } = ordersClient();
    const sent: { url: string; token: boolean }[] = [];
    const fetch = async (request: Request | URL | string) => {
      const r = request as Request;
      sent.push({ url: r.url, token: r.headers.has('authorization') });
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    return { callout, sent, fetch, source };
  }

  const lookAlikes = [
    ['a path parameter on ".." (Tomcat, Jetty and Spring read "..;" as "..")', 'callout:Orders/..;/evil'],
    ['a path parameter with a value', 'callout:Orders/..;jsessionid=x/evil'],
    ['an encoded ".." with a path parameter', 'callout:Orders/%2e%2e;/evil'],
    ['an encoded path parameter', 'callout:Orders/..%3b/evil'],
    ['"." with a path parameter', 'callout:Orders/.;/x'],
    ['a NUL after ".."', 'callout:Orders/..%00/evil'],
    ['a NUL and more after ".."', 'callout:Orders/..%00.json/evil'],
    ['a space after ".."', 'callout:Orders/..%20/evil'],
    ['a tab after ".."', 'callout:Orders/..%09/evil'],
    ['fullwidth full stops (U+FF0E)', 'callout:Orders/\uff0e\uff0e/evil'],
    ['encoded fullwidth full stops', 'callout:Orders/%EF%BC%8E%EF%BC%8E/evil'],
    ['a two-dot leader (U+2025)', 'callout:Orders/\u2025/evil'],
    ['small full stops (U+FE52)', 'callout:Orders/\ufe52\ufe52/evil'],
    ['ideographic full stops (U+3002)', 'callout:Orders/\u3002\u3002/evil'],
    ['overlong UTF-8 dots (%c0%ae)', 'callout:Orders/%c0%ae%c0%ae/evil'],
    ['three-byte overlong UTF-8 dots', 'callout:Orders/%e0%80%ae%e0%80%ae/evil'],
    ['an overlong UTF-8 slash after ".."', 'callout:Orders/..%c0%afevil'],
    ['IIS %u-encoded dots', 'callout:Orders/%u002e%u002e/evil'],
    ['a fullwidth solidus after ".."', 'callout:Orders/..\uff0fevil'],
    ['a double-encoded path parameter', 'callout:Orders/..%253b/evil'],
  ] as const;
  for (const [what, input] of lookAlikes) {
    it(`refuses ${what} with url_escape, and sends nothing`, async () => {
      const { callout, sent, fetch, source } = recordingClient();
      const error = await expectFailure(callout(input, { fetch, retry: 0 }));
      expect(error.code, String(error)).to.equal(CalloutErrorCode.urlEscape);
      expect(sent).to.deep.equal([]);
      expect(source.requests).to.have.length(0);
    });
  }

  it('sends a plain URL with such a segment below the base without a token', async () => {
    const { callout, sent, fetch } = recordingClient();
    for (const path of ['..;/evil', '%2e%2e;/x', '..%00/x', '%EF%BC%8E%EF%BC%8E/x', '%c0%ae%c0%ae/x']) {
      await callout(`${base}${path}`, { fetch, retry: 0 }).json();
    }
    expect(sent.map((s) => s.token)).to.deep.equal([false, false, false, false, false]);
  });

  it('still sends legitimate paths with their token: dots inside names, a ";" in the query, non-ASCII', async () => {
    const { callout, sent, fetch } = recordingClient();
    const inputs = [
      'callout:Orders/files/report.v1.json',
      'callout:Orders/a..b/c.d',
      'callout:Orders/search?filter=a;b&path=..;/x',
      'callout:Orders/caf\u00e9/%E2%82%AC',
      'callout:Orders/items/%20padded%20',
    ];
    for (const input of inputs) await callout(input, { fetch, retry: 0 }).json();
    expect(sent.map((s) => s.token)).to.deep.equal([true, true, true, true, true]);
    expect(sent[2]?.url).to.equal(`${base}search?filter=a;b&path=..;/x`);
  });
});
