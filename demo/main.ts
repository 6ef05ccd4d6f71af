import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createCallout, functionProvider, isCalloutError, setDefaultCallout } from '../src/index.js';

/** The emulated API: accepts the current token, answers 401 to a revoked one. */
const api = 'https://api.contoso.test/v1/';
let issued = 0;
let revoked: string | undefined;
const orders = [
  { id: 1, sku: 'A1', status: 'open' },
  { id: 2, sku: 'B7', status: 'open' },
];
const worker = setupWorker(
  http.get(`${api}orders`, ({ request }) => {
    const auth = request.headers.get('authorization');
    if (!auth || auth === `Bearer ${revoked}`) {
      return new HttpResponse(null, {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
    }
    return HttpResponse.json(orders);
  }),
);
await worker.start({
  quiet: true,
  onUnhandledFrame: 'bypass',
  serviceWorker: { url: '/mockServiceWorker.js' },
});

/** The emulated token source: a new opaque token each time it is asked. */
const callout = createCallout({
  providers: {
    demo: functionProvider(async () => ({
      accessToken: `demo-token-${++issued}`,
      expiresOn: Date.now() + 3_600_000,
    })),
  },
  credentials: { Orders: { url: api, provider: 'demo', scopes: ['api://orders/Orders.Read'] } },
});
setDefaultCallout(callout);

const log = document.querySelector<HTMLOListElement>('#log')!;
const note = (text: string) => {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(item);
};
callout.events.addEventListener('token', (e) =>
  note(`token from ${e.detail.source}${e.detail.forced ? ' (forced refresh)' : ''}`),
);
callout.events.addEventListener('response', (e) =>
  note(`${e.detail.method} ${e.detail.url} → ${e.detail.status}`),
);
callout.events.addEventListener('retry', (e) => note(`retry: ${e.detail.reason}`));

const table = document.querySelector<HTMLTableElement>('#orders')!;
const error = document.querySelector<HTMLParagraphElement>('#error')!;
document.querySelector('#load')!.addEventListener('click', async () => {
  error.textContent = '';
  try {
    const rows = await callout('callout:Orders/orders').json<typeof orders>();
    const body = table.tBodies[0]!;
    body.replaceChildren(
      ...rows.map((order) => {
        const row = body.insertRow();
        for (const value of [order.id, order.sku, order.status]) row.insertCell().textContent = String(value);
        return row;
      }),
    );
    table.hidden = false;
  } catch (failure) {
    error.textContent = isCalloutError(failure) ? `${failure.message} — ${failure.hint}` : String(failure);
  }
});
document.querySelector('#revoke')!.addEventListener('click', async () => {
  revoked = `demo-token-${issued}`;
  note(`API now rejects ${'the current token'}`);
});
