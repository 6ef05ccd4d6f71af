import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnosis.js';
import { check } from './catalog.js';
import { isFailure, probe } from './probe.js';

/** How a provider's token requests are sent, for {@link tokenEndpointCheck}. */
export interface TokenEndpointProbe {
  /** The endpoint (absolute URL). */
  url: string;
  /** The option that names it, for hints: `tokenEndpoint`, `refreshEndpoint`, the discovery document. */
  option: string;
  /** The request's content type: `application/x-www-form-urlencoded` or `application/json`. */
  contentType: string;
  /** Headers the provider adds to its requests (an API key). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * The `token-endpoint-cors` check: POSTs an empty body — no grant, no token, no client secret —
 * with the content type and headers of the provider's token requests, so the browser asks the
 * same preflight question a real request asks. An answer of any status that the page can read
 * means CORS lets token requests through; a redirect is a failure (the providers never follow
 * one). Without an answer, a plain form POST tells a refused preflight from a refused origin,
 * and a `no-cors` POST a refused origin from an endpoint that cannot be reached (or CSP).
 */
export async function tokenEndpointCheck(
  endpoint: TokenEndpointProbe,
  context: ProviderDiagnosisContext,
): Promise<DiagnosisCheck> {
  const { url, option } = endpoint;
  const extra = { provider: context.name };
  const page = globalThis.location.origin;
  const headers = { ...endpoint.headers, 'content-type': endpoint.contentType, accept: 'application/json' };
  const headerNames = ['Content-Type', ...Object.keys(endpoint.headers ?? {})].join(', ');
  const fail = (seen: string, hint: string) => check('token-endpoint-cors', 'fail', seen, { ...extra, hint });
  const answer = await probe(url, { method: 'POST', headers, body: '' }, context);
  if (!isFailure(answer)) {
    if (answer.type === 'opaqueredirect') {
      return fail(
        `POST ${url} answers with a redirect`,
        `Point ${option} at the endpoint itself: token requests never follow redirects.`,
      );
    }
    const seen = `POST ${url} without a grant was answered ${answer.status} and this page may read it (sent ${headerNames})`;
    return check('token-endpoint-cors', 'ok', seen, extra);
  }
  if (answer.timedOut)
    return fail(
      `POST ${url}: ${answer.message}`,
      `Check that ${option} (${url}) is online and answers quickly.`,
    );
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const simple = await probe(url, { method: 'POST', headers: form, body: '' }, context);
  if (!isFailure(simple)) {
    const seen = `POST ${url} is answered as a plain form, but the preflight refused ${headerNames}`;
    const hint = `Answer the preflight (OPTIONS ${url}) with 2xx, Access-Control-Allow-Origin: ${page} and Access-Control-Allow-Headers listing ${headerNames}.`;
    return fail(seen, hint);
  }
  // A no-cors fetch must follow redirects (the browser refuses it otherwise); it reads nothing anyway.
  const blind = { method: 'POST', headers: form, body: '', mode: 'no-cors', redirect: 'follow' } as const;
  const opaque = await probe(url, blind, context);
  if (!isFailure(opaque)) {
    const seen = `${new URL(url).origin} is reachable but its CORS answer does not allow ${page}`;
    return fail(
      seen,
      `Allow ${page} in the CORS settings of ${new URL(url).host} (Access-Control-Allow-Origin), for ${option}.`,
    );
  }
  const seen = `POST ${url} got no answer at all (${opaque.message})`;
  const hint = `Check ${option}, that ${new URL(url).origin} is online with a valid certificate, and that the page's Content-Security-Policy allows it (connect-src; see the csp check).`;
  return fail(seen, hint);
}
