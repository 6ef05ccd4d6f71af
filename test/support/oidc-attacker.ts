import { http, type RequestHandler } from 'msw';
import { type Callout, createCallout } from '../../src/index.js';
import { type OidcAuthProvider, type OidcProviderOptions, oidcProvider } from '../../src/oidc.js';
import { pkceChallenge } from './aad-tokens.js';
import { type ApiEmulator, createApiEmulator } from './api-emulator.js';
import { createOidcEmulator, type OidcEmulator } from './oidc-emulator.js';
import { callbackPage } from './oidc-setup.js';

/** Another origin than the test page's (`http://127.0.0.1:<port>`), served by the same test server. */
export const attackerOrigin = `http://127.0.0.1:${location.port}`;

/** The attacker's page (test/oidc/attacker-frame.html) on {@link attackerOrigin}, told what to do. */
export function attackerPage(order: {
  post?: unknown;
  frame?: string;
  open?: string;
  waitMs?: number;
  broadcast?: { name: string; messages: unknown[] };
}): string {
  return `${attackerOrigin}/test/oidc/attacker-frame.html#${encodeURIComponent(JSON.stringify(order))}`;
}

/**
 * An authorization code the server issued for the attacker's own account (Sam by default) to the
 * victim app's public client and callback, bound to a PKCE challenge only the attacker knows: what
 * an attacker gets by signing in on their own machine and stopping before the redirect.
 */
export async function attackerCode(
  idp: OidcEmulator,
  options: { clientId: string; redirectUri: string; username?: string },
): Promise<string> {
  const user = idp.state.users.find((u) => u.username === (options.username ?? 'sam@contoso.com'));
  if (!user) throw new Error('attackerCode: no such user at the emulator');
  const code = `code.attacker.${crypto.randomUUID()}`;
  idp.state.codes.set(code, {
    clientId: options.clientId,
    user,
    scopes: ['openid', 'profile', 'offline_access', 'api://orders/Orders.Read'],
    authTime: Math.floor(Date.now() / 1000),
    family: crypto.randomUUID(),
    challenge: await pkceChallenge(`attacker-verifier-${'x'.repeat(40)}`),
    redirectUri: options.redirectUri,
  });
  return code;
}

/** The forged message oidc-client-ts's callback would send for `url` (the callback page's URL with the answer). */
export function forgedAnswer(url: string): { source: 'oidc-client'; url: string; keepOpen: boolean } {
  return { source: 'oidc-client', url, keepOpen: false };
}

/** Holds the first authorize request of `idp` until released: the victim's sign-in waits for its answer meanwhile. */
export interface HeldAuthorize {
  /** Install with MSW's `use` after the emulator's handlers. */
  handler: RequestHandler;
  /** The held request's URL (its `state`, as the strongest attacker would know it). */
  arrived: Promise<URL>;
  /** Lets the held request (and every later one) through to the emulator. */
  release(): void;
}

/** See {@link HeldAuthorize}. */
export function holdAuthorize(idp: OidcEmulator): HeldAuthorize {
  let arrive: (url: URL) => void = () => {};
  let release: () => void = () => {};
  const arrived = new Promise<URL>((resolve) => {
    arrive = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let first = true;
  const handler = http.get(String(idp.metadata.authorization_endpoint), async ({ request }) => {
    if (first) {
      first = false;
      arrive(new URL(request.url));
      await released;
    }
    return undefined; // On to the emulator.
  });
  return { handler, arrived, release };
}

/** Resolves with the first message from `origin` whose data satisfies `test` (the attacker's report). */
export function messageFrom<T>(origin: string, test: (data: unknown) => data is T): Promise<T> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (event.origin !== origin || !test(event.data)) return;
      removeEventListener('message', listener);
      resolve(event.data);
    };
    addEventListener('message', listener);
  });
}

/** Adds an iframe of `src` (removed after the test by the caller) and returns it. */
export function frame(src: string, attributes: Record<string, string> = {}): HTMLIFrameElement {
  const element = document.createElement('iframe');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.src = src;
  document.body.append(element);
  return element;
}

/** The victim's app: an OpenID Connect provider (Jane's login hint) and a client with `Orders`. */
export interface Victim {
  idp: OidcEmulator;
  api: ApiEmulator;
  provider: OidcAuthProvider;
  callout: Callout;
  clientId: string;
  /** Every `account` event of the client, as usernames (`undefined`: signed out). */
  accounts: (string | undefined)[];
}

/**
 * The victim's app on this page, with a server (`idp`, default a fresh one where Jane has a
 * session) and API installed through `use` (MSW's, so a test can put handlers in front of them
 * later); not signed in yet. The provider starts at once, reading this page's URL.
 */
export function victimApp(
  use: (...handlers: RequestHandler[]) => void,
  options: Partial<OidcProviderOptions> = {},
  idp: OidcEmulator = createOidcEmulator(),
): Victim {
  const api = createApiEmulator({ issuer: idp });
  use(...idp.handlers, ...api.handlers);
  const clientId = options.clientId ?? `spa-${crypto.randomUUID()}`;
  const provider = oidcProvider({
    authority: idp.authority,
    clientId,
    redirectUri: callbackPage,
    loginHint: 'jane@contoso.com',
    scopes: ['profile', 'offline_access', 'api://orders/Orders.Read'],
    silentTimeoutSeconds: 8,
    ...options,
  });
  const callout = createCallout({
    providers: { idp: provider },
    credentials: {
      Orders: { url: 'https://api.contoso.test/v1/', provider: 'idp', scopes: ['api://orders/Orders.Read'] },
    },
    crossTab: false,
  });
  const accounts: (string | undefined)[] = [];
  callout.events.addEventListener('account', (e) => accounts.push(e.detail.account?.username));
  return { idp, api, provider, callout, clientId, accounts };
}

/** The authorization codes the victim's provider presented to the token endpoint, in order. */
export const presentedCodes = (victim: Victim): (string | null)[] =>
  victim.idp.received.token.filter((form) => form.has('code')).map((form) => form.get('code'));

/** What a test hands {@link cleanUpAfterEach}: disposed or removed after it. */
export interface CleanUp {
  victim(victim: Victim): Victim;
  element<T extends Element>(element: T): T;
}

/** Disposes the victims' clients and removes the elements each test registered, after it. */
export function cleanUpAfterEach(): CleanUp {
  const victims: Victim[] = [];
  const elements: Element[] = [];
  afterEach(() => {
    for (const victim of victims.splice(0)) victim.callout.dispose();
    for (const element of elements.splice(0)) element.remove();
  });
  return {
    victim: (victim) => {
      victims.push(victim);
      return victim;
    },
    element: (element) => {
      elements.push(element);
      return element;
    },
  };
}

/**
 * Puts this page's URL back as it was before the file's tests and clears sessionStorage after
 * each test, for tests that stage a redirect answer in the URL and pending states in storage.
 * Returns the original URL.
 */
export function restorePageAfterEach(): string {
  const original = location.href;
  afterEach(() => {
    history.replaceState(history.state, '', original);
    sessionStorage.clear();
  });
  return original;
}
