import { expect } from '@open-wc/testing';
import { HttpResponse, http, type JsonBodyType } from 'msw';
import type { CalloutGet } from '../../components/callout-get/callout-get.js';
import type { Callout } from '../../src/index.js';
import type { Msw } from '../support/msw-worker.js';
import { apiBase, gate } from '../support/test-client.js';
import { waitUntil } from '../support/wait-until.js';

/** Counts the client's `request`, `error` (a failure) and `abort` (a caller's abort) events. */
export function countEvents(callout: Callout) {
  const counts = { requests: 0, errors: 0, aborts: 0 };
  callout.events.addEventListener('request', () => counts.requests++);
  callout.events.addEventListener('error', () => counts.errors++);
  callout.events.addEventListener('abort', () => counts.aborts++);
  return counts;
}

/**
 * Installs a GET handler for `path` below the API base that answers only when `open()` is called,
 * counting the requests it got.
 */
export function heldEndpoint(api: Msw, path: string, answer: JsonBodyType = []) {
  const held = gate();
  const seen = { requests: 0 };
  api.use(
    http.get(`${apiBase}${path}`, async () => {
      seen.requests++;
      await held.promise;
      return HttpResponse.json(answer);
    }),
  );
  return { seen, open: held.open };
}

/** Waits until `element` has stamped its data template into `<li>`s, and checks their texts. */
export async function expectStamped(element: CalloutGet, texts: string[]): Promise<void> {
  await waitUntil(
    () => element.renderRoot.querySelectorAll('li').length === texts.length,
    'the data template was not stamped',
  );
  expect([...element.renderRoot.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(texts);
}
