import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-log/define.js';
import type { CalloutLog } from '../../../components/callout-log/callout-log.js';
import { type Callout, createCallout, functionProvider } from '../../../src/index.js';
import { fakeJwt } from '../../support/fake-jwt.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase } from '../../support/test-client.js';
import { part, textOf } from '../support/wait.js';

const api = useMsw();

/** A client whose provider hands out `token`, counting acquisitions. */
function clientWith(token: string): { callout: Callout; acquisitions: () => number } {
  let acquisitions = 0;
  const provider = functionProvider(async () => {
    acquisitions++;
    return { accessToken: token, expiresOn: Date.now() + 3_600_000 };
  });
  const callout = createCallout({
    crossTab: false,
    providers: { aad: provider },
    credentials: { Orders: { url: apiBase, provider: 'aad', scopes: ['api://orders/Orders.Read'] } },
  });
  return { callout, acquisitions: () => acquisitions };
}

/** The API's answer to a request without a valid token: 401, with or without its challenge. */
function unauthorized(challenge: boolean) {
  return http.get(`${apiBase}*`, () =>
    HttpResponse.json(
      { error: 'invalid_token' },
      { status: 401, headers: challenge ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {} },
    ),
  );
}

/** Clicks "Check setup" and waits until the checks are shown. */
async function checkSetup(el: CalloutLog): Promise<void> {
  part<HTMLButtonElement>(el, '[part~="check-button"]')!.click();
  await waitUntil(() => part(el, '[part~="checks"]'), 'the checks never showed');
  await el.updateComplete;
}

describe('<callout-log> "Check setup"', () => {
  it('runs the setup check from its button and shows every check with what was seen.', async () => {
    const token = fakeJwt({ aud: 'api://orders', scp: 'Orders.Read' });
    const { callout, acquisitions } = clientWith(token);
    api.use(unauthorized(true));
    await callout.token('Orders');
    const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    await checkSetup(el);
    const checks = [...el.renderRoot.querySelectorAll('[part~="check"]')];
    expect(checks.length).to.be.greaterThan(6);
    expect(el.renderRoot.querySelectorAll('[part~="check-fail"]')).to.have.length(0);
    expect(textOf(el)).to.contain('The token is for the API the credential names (aud)');
    expect(part(el, '[role="status"]')?.textContent).to.equal('Setup checked: no problems.');
    expect(acquisitions()).to.equal(1);
    callout.dispose();
  });

  it('shows a failed check with its hint and documentation, and announces the counts.', async () => {
    const { callout } = clientWith(fakeJwt({ aud: 'api://billing', scp: 'Orders.Read' }));
    api.use(unauthorized(false));
    await callout.token('Orders');
    const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    await checkSetup(el);
    const failed = [...el.renderRoot.querySelectorAll('[part~="check-fail"]')].map((li) =>
      li.textContent?.replace(/\s+/g, ' '),
    );
    expect(failed).to.have.length(2);
    expect(failed.join(' ')).to.contain('Access-Control-Expose-Headers').and.contain('api://billing');
    expect(failed.join(' ')).to.contain('docs/troubleshooting.md#check-cors-www-authenticate');
    expect(part(el, '[role="status"]')?.textContent).to.equal('Setup checked: 2 problems.');
    callout.dispose();
  });

  it('puts the setup check into "Copy report", with fixes and without any token.', async () => {
    const token = fakeJwt({ aud: 'api://billing', scp: 'Orders.Read', upn: 'jane@contoso.test' });
    const { callout } = clientWith(token);
    api.use(unauthorized(true));
    await callout.token('Orders');
    const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    expect(el.report()).to.contain('Setup check:\n  (not run: press "Check setup")');
    await checkSetup(el);
    const report = el.report();
    expect(report).to.match(/Setup check \(.+\): 1 problem\n/);
    expect(report).to.contain('[fail] token-audience (Orders): aud is api://billing');
    expect(report).to.contain('    see: docs/troubleshooting.md#check-token-audience');
    expect(report).to.contain('[ok] cors-authorization (Orders)');
    expect(report).not.to.contain(token);
    expect(report).not.to.contain(token.split('.')[1]);
    callout.dispose();
  });

  it('says so when the check cannot run, and keeps the button usable.', async () => {
    const { callout } = clientWith('opaque');
    const el = await fixture<CalloutLog>(html`<callout-log .callout=${callout}></callout-log>`);
    callout.dispose();
    const rejected = await el.checkSetup().catch((error: { code?: string }) => error.code);
    await el.updateComplete;
    expect(rejected).to.equal('client_disposed');
    expect(textOf(el)).to.contain('The check could not run');
    expect(part<HTMLButtonElement>(el, '[part~="check-button"]')?.disabled).to.equal(false);
  });
});
