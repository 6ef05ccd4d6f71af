/**
 * The OpenID Connect provider's own checks for `callout.diagnose()`, loaded with a dynamic
 * `import()` the first time they run: the discovery document (readable with CORS, the configured
 * issuer, a token endpoint), the callback page, and the token endpoint's CORS answer. No token is
 * acquired, no grant is sent, and nothing of oidc-client-ts runs.
 */
import { check } from '../diagnostics/diagnose/catalog.js';
import { isFailure, probe } from '../diagnostics/diagnose/probe.js';
import { relayPageCheck } from '../diagnostics/diagnose/relay-page.js';
import { tokenEndpointCheck } from '../diagnostics/diagnose/token-endpoint.js';
import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnostics/diagnosis.js';
import { PageHelloType } from '../providers/page-hello.js';
import type { OidcSession } from './session.js';

/** What the discovery check found: its check, and the token endpoint when it could read one. */
interface Discovery {
  check: DiagnosisCheck;
  tokenEndpoint?: string;
}

const withoutSlash = (url: string): string => url.replace(/\/+$/, '');

/** The `oidc-discovery` check of the document at `url`, for `authority`. */
async function discoveryCheck(session: OidcSession, context: ProviderDiagnosisContext): Promise<Discovery> {
  const extra = { provider: context.name };
  const { authority } = session.options;
  const settings = session.manager.settings;
  const given = settings.metadata?.token_endpoint;
  if (given) {
    return {
      check: check('oidc-discovery', 'skip', 'the metadata is given in the options: no discovery', extra),
      tokenEndpoint: given,
    };
  }
  const url = settings.metadataUrl;
  const page = globalThis.location.origin;
  const fail = (seen: string, hint: string): Discovery => ({
    check: check('oidc-discovery', 'fail', seen, { ...extra, hint }),
  });
  const answer = await probe(url, { headers: { accept: 'application/json' } }, context);
  if (isFailure(answer)) {
    if (answer.timedOut)
      return fail(`GET ${url}: ${answer.message}`, `Check that ${new URL(url).host} is online.`);
    const blind = await probe(url, { mode: 'no-cors', redirect: 'follow' }, context);
    if (!isFailure(blind)) {
      return fail(
        `${url} is reachable, but its CORS answer does not allow ${page}`,
        `Allow ${page} in the CORS settings of ${new URL(url).host} (its trusted or allowed web origins).`,
      );
    }
    return fail(
      `GET ${url} got no answer at all (${blind.message})`,
      `Check authority (${authority}), that ${new URL(url).host} is online, and that the page's Content-Security-Policy allows it (connect-src).`,
    );
  }
  const hint = `Set authority to the issuer URL of the identity provider, where ${'/.well-known/openid-configuration'} is served.`;
  if (answer.type === 'opaqueredirect') return fail(`${url} answers with a redirect`, hint);
  if (!answer.ok) return fail(`${url} answered ${answer.status}`, hint);
  const document = (await answer.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!document || typeof document !== 'object') return fail(`${url} is not a JSON document`, hint);
  const { issuer, token_endpoint } = document;
  if (typeof issuer !== 'string' || withoutSlash(issuer) !== withoutSlash(authority)) {
    const seen = `${url} names the issuer ${String(issuer).slice(0, 200)}, but authority is ${authority}`;
    return fail(seen, `Set authority to ${String(issuer).slice(0, 200)} exactly (tokens name it as iss).`);
  }
  if (typeof token_endpoint !== 'string') return fail(`${url} names no token_endpoint`, hint);
  const seen = `${url} is readable from ${page} and names the issuer ${issuer}`;
  return { check: check('oidc-discovery', 'ok', seen, extra), tokenEndpoint: token_endpoint };
}

/** The `oidc-callback-page` check of the provider's callback page. */
function callbackCheck(session: OidcSession, context: ProviderDiagnosisContext): Promise<DiagnosisCheck> {
  const url = new URL(session.manager.settings.silent_redirect_uri ?? '', globalThis.location.href);
  return relayPageCheck(
    {
      id: 'oidc-callback-page',
      url: url.href,
      helloType: PageHelloType.oidcCallback,
      label: 'callback page',
      fix: `Serve the callback page (a page that only imports sso-callout/oidc-callback) at ${url.href}: without Cross-Origin-Opener-Policy, frameable by this origin, with Cache-Control: no-store, and register it at the identity provider as a redirect URI.`,
      originHint: `The answer is taken only on the page's own origin: serve the callback page on ${globalThis.location.origin}, set redirectUri to it and register that URL.`,
      unknownHint:
        "If it is the app's own page, point redirectUri at a page that only imports sso-callout/oidc-callback.",
    },
    context,
  );
}

/** Every check of the OIDC provider of `session`, concurrently where they do not depend on each other. */
export async function diagnoseOidc(
  session: OidcSession,
  context: ProviderDiagnosisContext,
): Promise<DiagnosisCheck[]> {
  const extra = { provider: context.name };
  const [discovery, callback] = await Promise.all([
    discoveryCheck(session, context),
    callbackCheck(session, context),
  ]);
  const tokenEndpoint = discovery.tokenEndpoint;
  const token = tokenEndpoint
    ? await tokenEndpointCheck(
        {
          url: tokenEndpoint,
          option: 'the token_endpoint of the discovery document',
          contentType: 'application/x-www-form-urlencoded',
        },
        context,
      )
    : check(
        'token-endpoint-cors',
        'skip',
        'the token endpoint is unknown: the discovery document could not be read',
        extra,
      );
  return [discovery.check, callback, token];
}
