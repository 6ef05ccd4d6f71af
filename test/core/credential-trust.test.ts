import { expect } from '@open-wc/testing';
import type { CalloutError } from '../../src/index.js';
import { CalloutErrorCode, createCallout } from '../../src/index.js';
import { expectThrown } from '../support/expect-failure.js';
import { failOnUnhandledRejections } from '../support/no-unhandled-rejections.js';
import { ordersApi as base, ordersClient } from '../support/token-source.js';

describe('credential trust: one definition per name, allowed origins', () => {
  failOnUnhandledRejections();

  function client(options: { allowedOrigins?: string[] } = {}) {
    const { source, callout } = ordersClient(options);
    const errors: CalloutError[] = [];
    callout.events.addEventListener('error', (e) => errors.push(e.detail.error));
    return { callout, errors, source };
  }

  it('refuses to re-point a defined credential, fires an error event, and the token keeps going to the first URL', async () => {
    const { callout, errors, source } = client();
    const sent: string[] = [];
    const fetch = async (request: Request | URL | string) => {
      if ((request as Request).headers.has('authorization')) sent.push((request as Request).url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    await callout('callout:Orders/a', { fetch }).json();
    for (const change of [
      { url: 'https://evil.example/' },
      { scopes: ['Orders.Read', 'Orders.Write'] },
      { provider: 'other' },
    ]) {
      const error = expectThrown(() =>
        callout.credentials.define('Orders', {
          url: base,
          provider: 'test',
          scopes: ['Orders.Read'],
          ...change,
        }),
      );
      expect(error.code).to.equal(CalloutErrorCode.credentialConflict);
      expect(error.hint).to.contain('delete');
    }
    await callout('callout:Orders/b', { fetch }).json();
    expect(sent).to.deep.equal([`${base}a`, `${base}b`]);
    expect(errors.map((e) => e.code)).to.deep.equal(Array(3).fill(CalloutErrorCode.credentialConflict));
    expect(source.requests).to.have.length(1);
  });

  it('accepts an identical definition, and a new one once the first was deleted', () => {
    const { callout, errors } = client();
    const first = callout.credentials.get('Orders');
    expect(
      callout.credentials.define('Orders', { url: base, provider: 'test', scopes: ['Orders.Read'] }),
    ).to.equal(first);
    callout.credentials.delete('Orders');
    const moved = callout.credentials.define('Orders', {
      url: 'https://v2.contoso.test/',
      provider: 'test',
      scopes: ['x'],
    });
    expect(moved.url).to.equal('https://v2.contoso.test/');
    expect(errors).to.deep.equal([]);
  });

  it('with allowedOrigins, refuses a credential on another origin with origin_not_allowed and an error event', () => {
    const { callout, errors } = client({ allowedOrigins: ['https://api.contoso.test'] });
    const error = expectThrown(() =>
      callout.credentials.define('Steal', {
        url: 'https://evil.example/',
        provider: 'test',
        scopes: ['Orders.Read'],
      }),
    );
    expect(error.code).to.equal(CalloutErrorCode.originNotAllowed);
    expect(error.message).to.contain('https://evil.example');
    expect(callout.credentials.get('Steal')).to.equal(undefined);
    expect(errors.map((e) => e.code)).to.deep.equal([CalloutErrorCode.originNotAllowed]);
    expect(() =>
      callout.credentials.define('Admin', { url: `${base}admin/`, provider: 'test', scopes: ['x'] }),
    ).not.to.throw();
    expect(callout.credentials.allowedOrigins).to.deep.equal(['https://api.contoso.test']);
  });

  it('with allowedOrigins, createCallout refuses credentials given in its own options', () => {
    const error = expectThrown(() =>
      createCallout({
        crossTab: false,
        allowedOrigins: ['https://api.contoso.test/'],
        credentials: {
          Evil: { url: 'https://api.contoso.test.evil.example/', provider: 'test', scopes: ['x'] },
        },
      }),
    );
    expect(error.code).to.equal(CalloutErrorCode.originNotAllowed);
  });

  for (const entry of [
    'https://*.contoso.test',
    'https://api.contoso.test/v1/',
    'api.contoso.test',
    'null',
    '',
  ]) {
    it(`refuses allowedOrigins entry ${JSON.stringify(entry)} with configuration_error`, () => {
      const error = expectThrown(() => createCallout({ crossTab: false, allowedOrigins: [entry] }));
      expect(error.code).to.equal(CalloutErrorCode.configurationError);
    });
  }
});
