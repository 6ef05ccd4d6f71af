import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { waitUntil } from '../../support/wait-until.js';
import '../../../components/callout-login/define.js';
import type { CalloutLogin } from '../../../components/callout-login/callout-login.js';
import {
  type Account,
  type AuthProvider,
  CalloutError,
  CalloutErrorCode,
  createCallout,
} from '../../../src/index.js';
import { useMsw } from '../../support/msw-worker.js';
import { aadOrders, apiBase } from '../../support/test-client.js';
import { providerToken } from '../../support/token-source.js';
import { part, textOf } from '../support/wait.js';

const api = useMsw();

interface FakeAad extends AuthProvider {
  signIns: number;
  signOuts: number;
  allowSilent: boolean;
  signIn(): Promise<Account>;
  signOut(): Promise<void>;
}

/** A provider that needs interaction until signed in, and signs in as Jane. */
function fakeAad(options: { failSignIn?: boolean } = {}): FakeAad {
  let account: Account | undefined;
  const listeners = new Set<(account?: Account) => void>();
  const provider: FakeAad = {
    signIns: 0,
    signOuts: 0,
    allowSilent: false,
    get account() {
      return account;
    },
    async getToken(request) {
      if (!account || !provider.allowSilent) {
        throw new CalloutError({
          code: CalloutErrorCode.interactionRequired,
          message: 'Interaction is required',
        });
      }
      return providerToken(request, 'jwt');
    },
    async signIn() {
      provider.signIns++;
      if (options.failSignIn) {
        throw new CalloutError({
          code: CalloutErrorCode.popupBlocked,
          message: 'The sign-in popup was blocked',
        });
      }
      account = { id: 'jane', username: 'jane@contoso.test', name: 'Jane van Doe' };
      for (const listener of listeners) listener(account);
      return account;
    },
    async signOut() {
      provider.signOuts++;
      account = undefined;
      for (const listener of listeners) listener(undefined);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return provider;
}

function clientWith(provider: AuthProvider) {
  return createCallout({
    crossTab: false,
    providers: { aad: provider },
    credentials: { Orders: aadOrders },
  });
}

describe('<callout-login>', () => {
  it('signs in from the button click, shows the account with initials, and signs out.', async () => {
    const provider = fakeAad();
    const callout = clientWith(provider);
    const events: string[] = [];
    const el = await fixture<CalloutLogin>(html`<callout-login .callout=${callout}
      @callout-sign-in=${(e: CustomEvent<{ account?: Account }>) => events.push(`in:${e.detail.account?.username}`)}
      @callout-sign-out=${() => events.push('out')}></callout-login>`);
    expect(el.getAttribute('state')).to.equal('signed-out');
    expect(textOf(el)).to.contain('You are not signed in.');
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, '[part~="sign-in-button"]')!.click();
    expect(el.state).to.equal('signing-in');
    await waitUntil(() => el.state === 'signed-in');
    await el.updateComplete;
    expect(textOf(part(el, '[part~="avatar"]')!)).to.equal('JD');
    expect(textOf(part(el, '[part~="name"]')!)).to.equal('Jane van Doe');
    expect(textOf(part(el, '[part~="username"]')!)).to.equal('jane@contoso.test');
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, '[part~="sign-out-button"]')!.click();
    await waitUntil(() => el.state === 'signed-out');
    expect(provider.signIns).to.equal(1);
    expect(provider.signOuts).to.equal(1);
    expect(events).to.deep.equal(['in:jane@contoso.test', 'out']);
  });

  it('switches to "Sign in to continue" when a callout needs interaction, and clears it after sign-in.', async () => {
    const provider = fakeAad();
    const callout = clientWith(provider);
    await provider.signIn();
    let requests = 0;
    api.use(http.get(`${apiBase}orders`, () => HttpResponse.json([++requests])));
    const el = await fixture<CalloutLogin>(
      html`<callout-login .callout=${callout} provider="aad"></callout-login>`,
    );
    expect(el.state).to.equal('signed-in');
    await callout('callout:Orders/orders').catch(() => {});
    await el.updateComplete;
    expect(el.state).to.equal('interaction-required');
    const button = part<HTMLButtonElement>(el, '[part~="sign-in-button"]')!;
    expect(textOf(button)).to.equal('Sign in to continue');
    provider.allowSilent = true;
    button.click();
    await waitUntil(() => el.state === 'signed-in');
    await callout('callout:Orders/orders').json();
    expect(requests).to.equal(1);
  });

  it('shows a failed sign-in as an error with its hint, and stays signed out.', async () => {
    const callout = clientWith(fakeAad({ failSignIn: true }));
    const el = await fixture<CalloutLogin>(html`<callout-login .callout=${callout}></callout-login>`);
    part<HTMLButtonElement>(el, '[part~="sign-in-button"]')!.click();
    await waitUntil(() => part(el, '[part~="error"]') !== null);
    expect(textOf(part(el, '[part~="error-message"]')!)).to.equal(
      'Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.',
    );
    expect(textOf(part(el, '[part~="error-developer-message"]')!)).to.equal('The sign-in popup was blocked');
    expect(textOf(part(el, '[part~="error-hint"]')!)).to.contain('popup');
    // One panel with one border: the row around it carries none of the panel's styles.
    const bordered = [...el.renderRoot.querySelectorAll('*')].filter(
      (node) => getComputedStyle(node).borderLeftWidth === '4px',
    );
    expect(bordered).to.have.length(1);
    expect(el.state).to.equal('signed-out');
    await expect(el).to.be.accessible();
  });

  it('follows sign-in and sign-out made elsewhere (another element, another tab) through account events.', async () => {
    const provider = fakeAad();
    const callout = clientWith(provider);
    const el = await fixture<CalloutLogin>(html`<callout-login .callout=${callout}></callout-login>`);
    await callout.signIn('aad');
    await el.updateComplete;
    expect(el.state).to.equal('signed-in');
    await callout.signOut('aad');
    await el.updateComplete;
    expect(el.state).to.equal('signed-out');
  });
});
