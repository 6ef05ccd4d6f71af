import type { ResolvedCredential } from '../../credentials/define-credential.js';
import type { DiagnosisCheck } from '../diagnosis.js';
import { check } from './catalog.js';
import { isFailure, type ProbeContext, type ProbeFailure, probe } from './probe.js';

/**
 * The `Authorization` value of the CORS probe: a placeholder, not a token. It makes the browser
 * ask the API the same preflight question a real call asks (may this origin send `Authorization`
 * on a GET?), and a well-behaved API answers it with a 401 and its challenge.
 */
export const placeholderAuthorization = 'Bearer sso-callout-setup-check.not-a-token';

/** What the probe of one credential found: its checks, and the API's clock when it could read it. */
export interface ApiProbe {
  checks: DiagnosisCheck[];
  /** The API's `Date` header and this device's clock when the answer came, in epoch ms. */
  clock?: { server: number; local: number };
}

/**
 * Probes the CORS answer of credential `credential`'s API with GETs of its base URL — never a
 * write, never a token:
 * 1. with the credential's headers and a placeholder `Authorization` (the preflight a real call
 *    triggers). An answer means the preflight allowed the header; a 401 shows whether
 *    `WWW-Authenticate` is readable;
 * 2. when that got no answer, without `Authorization`: an answer now means the preflight refused
 *    the header (or OPTIONS) while the origin is allowed;
 * 3. when that got none either, with `mode: 'no-cors'`: an (opaque) answer means the API is
 *    reachable but does not allow this origin; none means it is unreachable or CSP blocked it.
 * Why GET and not OPTIONS: a page cannot send a preflight itself or read one; a `fetch` with
 * method OPTIONS is preflighted in turn and asks about OPTIONS, not about a GET with a token.
 */
export async function probeApi(credential: ResolvedCredential, context: ProbeContext): Promise<ApiProbe> {
  const url = credential.base.href;
  const headers = { ...credential.headers, authorization: placeholderAuthorization };
  const started = Date.now();
  const answer = await probe(url, { headers }, context);
  if (!isFailure(answer)) return readAnswer(credential, answer, (started + Date.now()) / 2);
  return { checks: [await unanswered(credential, answer, context)] };
}

/** Both CORS checks of an API that answered the probe with a token-shaped `Authorization`. */
function readAnswer(credential: ResolvedCredential, answer: Response, local: number): ApiProbe {
  const name = credential.name;
  const url = credential.base.href;
  const extra = { credential: name };
  const headerNames = ['Authorization', ...Object.keys(credential.headers ?? {})].join(', ');
  const sent = check(
    'cors-authorization',
    'ok',
    `GET ${url} with ${headerNames} was allowed and answered`,
    extra,
  );
  if (answer.type === 'opaqueredirect') {
    const seen = `GET ${url} answers with a redirect, so no challenge can be read there`;
    const hint =
      "Point the credential's url at the API's own base URL (the one that answers without redirecting).";
    return { checks: [sent, check('cors-www-authenticate', 'skip', seen, { ...extra, hint })] };
  }
  const challenge = answer.headers.get('www-authenticate');
  const date = Date.parse(answer.headers.get('date') ?? '');
  const clock = Number.isNaN(date) ? {} : { clock: { server: date, local } };
  const exposeHint = `Add WWW-Authenticate to Access-Control-Expose-Headers on ${credential.base.origin}, and answer a bad token with 401 and WWW-Authenticate: Bearer error="invalid_token".`;
  let readable: DiagnosisCheck;
  if (challenge) {
    readable = check(
      'cors-www-authenticate',
      'ok',
      `${answer.status} with a readable challenge: ${challenge.slice(0, 120)}`,
      extra,
    );
  } else if (answer.status === 401) {
    const seen = `${answer.status} without a readable WWW-Authenticate header (not exposed by CORS, or not sent)`;
    readable = check('cors-www-authenticate', 'fail', seen, { ...extra, hint: exposeHint });
  } else {
    const seen = `GET ${url} with an invalid token answered ${answer.status}, not 401: no challenge to read`;
    readable = check('cors-www-authenticate', 'skip', seen, { ...extra, hint: exposeHint });
  }
  return { checks: [sent, readable], ...clock };
}

/** The `cors-authorization` check when the probe with `Authorization` got no answer. */
async function unanswered(
  credential: ResolvedCredential,
  first: ProbeFailure,
  context: ProbeContext,
): Promise<DiagnosisCheck> {
  const url = credential.base.href;
  const origin = credential.base.origin;
  const extra = { credential: credential.name };
  if (first.timedOut) {
    const hint = `Check that ${origin} is online and answers OPTIONS and GET quickly.`;
    return check('cors-authorization', 'fail', `GET ${url}: ${first.message}`, { ...extra, hint });
  }
  const headerNames = ['Authorization', ...Object.keys(credential.headers ?? {})].join(', ');
  const plain = await probe(url, {}, context);
  if (!isFailure(plain)) {
    const seen = `GET ${url} is answered without Authorization, but the preflight refused it with Authorization`;
    const hint = `Answer the preflight (OPTIONS ${url}) with 2xx, Access-Control-Allow-Origin: ${globalThis.location.origin} and Access-Control-Allow-Headers listing ${headerNames}.`;
    return check('cors-authorization', 'fail', seen, { ...extra, hint });
  }
  // A no-cors fetch must follow redirects (the browser refuses it otherwise); it reads nothing anyway.
  const opaque = await probe(url, { mode: 'no-cors', redirect: 'follow' }, context);
  if (!isFailure(opaque)) {
    const seen = `${origin} is reachable but its CORS answer does not allow ${globalThis.location.origin}`;
    const hint = `Allow ${globalThis.location.origin} in the API's CORS settings (Access-Control-Allow-Origin), with Access-Control-Allow-Headers listing ${headerNames} and Access-Control-Expose-Headers listing WWW-Authenticate.`;
    return check('cors-authorization', 'fail', seen, { ...extra, hint });
  }
  const seen = `GET ${url} got no answer at all (${opaque.message})`;
  const hint = `Check the credential's url, that ${origin} is online with a valid certificate, and that the page's Content-Security-Policy allows it (connect-src; see the csp check).`;
  return check('cors-authorization', 'fail', seen, { ...extra, hint });
}
