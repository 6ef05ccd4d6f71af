import { expect, fixture, html } from '@open-wc/testing';
import { SignJWT } from 'jose';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-log/define.js';
import type { CalloutLog } from '../../../components/callout-log/callout-log.js';
import { type Callout, createCallout, functionProvider } from '../../../src/index.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { useMsw } from '../../support/msw-worker.js';
import { aadOrders, apiBase } from '../../support/test-client.js';
import { part, textOf } from '../support/wait.js';

const api = useMsw();
const secret = new TextEncoder().encode('a-test-only-signing-key-of-32-bytes!');

/** A client whose provider issues signed JWTs, counting them. */
function jwtClient() {
  const issued: string[] = [];
  const provider = functionProvider(async () => {
    const token = await new SignJWT({
      aud: 'api://orders',
      scp: 'Orders.Read',
      upn: 'jane@contoso.test',
      jti: crypto.randomUUID(),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(secret);
    issued.push(token);
    return { accessToken: token, expiresOn: Date.now() + 3_600_000 };
  });
  const callout = createCallout({
    crossTab: false,
    providers: { aad: provider },
    credentials: { Orders: aadOrders },
  });
  return { callout, issued };
}

/**
 * A `<callout-log>` on `callout` after one callout through `Orders` (the API answers `[]`), once
 * the log shows that callout's token.
 */
async function logAfterOneCallout(callout: Callout): Promise<CalloutLog> {
  api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([])));
  const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
  await callout('callout:Orders/orders').json();
  await waitUntil(() => el.currentTokens.length === 1);
  return el;
}

describe('<callout-log>', () => {
  it('records the token, request, response, retry and error of callouts as a timeline.', async () => {
    const { callout, issued } = jwtClient();
    let requests = 0;
    api.use(
      http.get(`${apiBase}orders`, ({ request }) => {
        requests++;
        return request.headers.get('authorization') === `Bearer ${issued[0]}`
          ? new HttpResponse(null, { status: 401 })
          : HttpResponse.json([]);
      }),
      http.get(`${apiBase}missing`, () => HttpResponse.json({}, { status: 404 })),
    );
    const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    await callout('callout:Orders/orders').json();
    await callout('callout:Orders/missing').catch(() => {});
    await el.updateComplete;
    const kinds = el.log.map((entry) => entry.kind);
    expect(kinds).to.deep.equal([
      'token',
      'request',
      'response',
      'token',
      'retry',
      'request',
      'response',
      'token',
      'request',
      'response',
      'error',
    ]);
    expect(requests).to.equal(2);
    expect(issued).to.have.length(2);
    expect(el.log[0]!.summary).to.contain('from provider');
    expect(el.log[4]!.summary).to.contain('token rejected');
    expect(el.log[7]!.summary).to.contain('from token store');
    expect(el.log.at(-1)!.hint).to.be.a('string');
    const entries = el.renderRoot.querySelectorAll('[part~="entry"]');
    expect(entries).to.have.length(11);
    expect(el.renderRoot.querySelectorAll('[part~="entry-error"]')).to.have.length(1);
  });

  it('shows the current token as decoded claims with the token masked, and never the token itself.', async () => {
    const { callout, issued } = jwtClient();
    const el = await logAfterOneCallout(callout);
    await el.updateComplete;
    const claims = part(el, '[part~="claims"]')!;
    const text = textOf(claims);
    expect(text).to.contain('api://orders');
    expect(text).to.contain('Orders.Read');
    expect(text).to.contain('jane@contoso.test');
    expect(text).to.match(/\d+ min \d+ s/);
    expect(text).to.contain(`(${issued[0]!.length} characters)`);
    expect((el.renderRoot as ShadowRoot).innerHTML).to.not.contain(issued[0]!);
    expect((el.renderRoot as ShadowRoot).innerHTML).to.not.contain(issued[0]!.split('.')[1]!);
    expect(issued, 'reading the token for the panel acquired nothing').to.have.length(1);
    expect(
      el.log.map((e) => e.kind),
      'the panel does not log its own read',
    ).to.deep.equal(['token', 'request', 'response']);
    await expect(el).to.be.accessible();
  });

  it('reads tokens with peekToken: the panel causes zero acquisitions and no token events.', async () => {
    const { callout, issued } = jwtClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([])));
    const sources: string[] = [];
    callout.events.addEventListener('token', (event) => sources.push(event.detail.source));
    let tokenCalls = 0;
    const token = callout.token.bind(callout);
    callout.token = (...args) => {
      tokenCalls++;
      return token(...args);
    };
    let peeks = 0;
    const peekToken = callout.peekToken.bind(callout);
    callout.peekToken = (...args) => {
      peeks++;
      return peekToken(...args);
    };
    const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    await callout('callout:Orders/orders').json();
    await callout('callout:Orders/orders').json();
    await el.updateComplete;
    expect(el.currentTokens.map((view) => view.credential)).to.deep.equal(['Orders']);
    expect(peeks, 'one read, for the one acquisition').to.equal(1);
    expect(tokenCalls).to.equal(0);
    expect(issued).to.have.length(1);
    expect(sources, 'only the callouts took tokens').to.deep.equal(['provider', 'store']);
  });

  it('builds a report with claims and timeline but no token, and shows it when the clipboard fails.', async () => {
    const { callout, issued } = jwtClient();
    const el = await logAfterOneCallout(callout);
    const report = el.report();
    expect(report).to.contain('Orders: https://api.contoso.test/v1/');
    expect(report).to.contain('aud: api://orders');
    expect(report).to.contain('[response] 200 GET https://api.contoso.test/v1/orders');
    for (const token of issued) {
      for (const segment of token.split('.')) expect(report).to.not.contain(segment);
    }
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    try {
      part<HTMLButtonElement>(el, '[part~="copy-button"]')!.click();
      await waitUntil(() => part(el, '[part~="report"]') !== null);
      expect(part<HTMLTextAreaElement>(el, '[part~="report"]')!.value).to.contain('Timeline:');
      expect(textOf(part(el, '[part~="status"]')!)).to.contain('not available');
      await expect(el).to.be.accessible();
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
  });

  it('notes an opaque token instead of claims, and Clear empties the timeline.', async () => {
    const callout = createCallout({
      crossTab: false,
      providers: {
        aad: functionProvider(async () => ({
          accessToken: 'opaque-secret-value',
          expiresOn: Date.now() + 3_600_000,
        })),
      },
      credentials: { Orders: { url: apiBase, provider: 'aad', scopes: ['s'] } },
    });
    const el = await logAfterOneCallout(callout);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Not a readable JWT');
    expect((el.renderRoot as ShadowRoot).innerHTML).to.not.contain('opaque-secret-value');
    part<HTMLButtonElement>(el, '[part~="clear-button"]')!.click();
    await el.updateComplete;
    expect(el.log).to.have.length(0);
    expect(el.renderRoot.querySelector('[part~="timeline"]')).to.equal(null);
  });

  it('removes every client listener when it disconnects.', async () => {
    const { callout } = jwtClient();
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([])));
    const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    el.remove();
    await callout('callout:Orders/orders').json();
    expect(el.log).to.have.length(0);
  });
});

describe('<callout-log limit>', () => {
  /** Emits `count` request events on `callout`, as a busy page would. */
  function emitRequests(callout: ReturnType<typeof createCallout>, count: number): void {
    for (let id = 1; id <= count; id++) {
      callout.events.emit('request', { id, attempt: 1, method: 'GET', url: `${apiBase}x`, authorized: true });
    }
  }

  for (const limit of ['abc', '', '0', '-5', '2.5', 'Infinity', '1e9']) {
    it(`falls back to 200 entries for limit="${limit}" and names the attribute in one console error.`, async () => {
      const { callout } = jwtClient();
      await capturingConsole(async (logged) => {
        const el = await fixture<CalloutLog>(
          html`<callout-log .callout=${callout} limit=${limit}></callout-log>`,
        );
        emitRequests(callout, 500);
        await el.updateComplete;
        expect(el.log).to.have.length(200);
        expect(
          logged.filter((line) => line.includes('<callout-log> attribute "limit" is invalid')),
        ).to.have.length(1);
      });
    });
  }

  it('keeps a valid limit, and stays bounded when the property is set to something unusable.', async () => {
    const { callout } = jwtClient();
    const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout} limit="20"></callout-log>`);
    emitRequests(callout, 50);
    expect(el.log).to.have.length(20);
    await capturingConsole(async () => {
      el.limit = Number.NaN;
      emitRequests(callout, 300);
      expect(el.log).to.have.length(200);
    });
  });
});
