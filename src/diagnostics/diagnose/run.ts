/**
 * `callout.diagnose()`: the checks, loaded with a dynamic `import()` the first time it runs, so a
 * page that never diagnoses does not download them. Everything here uses the client's public API
 * and what the core hands over ({@link DiagnosisEnvironment}): this chunk imports no module the
 * page has loaded already, so a bundler that splits code does not move core modules into shared
 * chunks for it.
 */
import type { Callout } from '../../create-callout.js';
import type { ResolvedCredential } from '../../credentials/define-credential.js';
import type { SeenViolation } from '../csp-watch.js';
import type { DiagnoseOptions, Diagnosis, DiagnosisCheck, DiagnosisStatus } from '../diagnosis.js';
import { check } from './catalog.js';
import { apiReading, type ClockReading, clockCheck, issuerReading } from './clock.js';
import { probeApi } from './cors.js';
import { cspCheck, onSalesforce } from './csp.js';
import { lwsCheck, thirdPartyCookiesCheck, versionsCheck } from './page.js';
import { nextTask, type ProbeContext } from './probe.js';
import { tokenChecks } from './token-claims.js';

/** What the checks need from the core, handed over by `callout.diagnose()`. */
export interface DiagnosisEnvironment {
  /** This copy's version. */
  version: string;
  /** Whether the page runs inside Lightning Web Security. */
  insideLws(): boolean;
  /** The CSP violations the page saw since the first client was created; `undefined`: not visible here. */
  violations(): readonly SeenViolation[] | undefined;
}

const rank: Record<DiagnosisStatus, number> = { skip: 0, ok: 0, warn: 1, fail: 2 };

/** The checks of one credential, and the clocks they could read. */
async function credentialChecks(
  callout: Callout,
  credential: ResolvedCredential,
  context: ProbeContext,
  acquire: boolean,
): Promise<{ checks: DiagnosisCheck[]; clocks: ClockReading[] }> {
  const name = credential.name;
  const get = acquire ? () => callout.token(name, { signal: context.signal }) : undefined;
  const [api, token] = await Promise.all([
    probeApi(credential, context),
    tokenChecks(credential, () => callout.peekToken(name), get),
  ]);
  const clocks: ClockReading[] = [];
  if (api.clock) clocks.push(apiReading(credential.base.origin, api.clock));
  const exp = token.token?.claims.exp;
  if (token.token && exp !== undefined) clocks.push(issuerReading(name, exp, token.token.expiresOn));
  return { checks: [...api.checks, ...token.checks], clocks };
}

/**
 * Provider `name`'s own checks, given three probe timeouts in all; a failure (or a provider that
 * never answers, such as one whose code never loaded) becomes one failed check.
 */
async function providerChecks(
  callout: Callout,
  name: string,
  context: ProbeContext,
): Promise<DiagnosisCheck[]> {
  const provider = callout.providers.get(name);
  if (!provider?.diagnose) return [];
  const limitMs = context.timeout * 3;
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(limitMs)]);
  try {
    const stopped = new Promise<never>((_, reject) => {
      const stop = () => reject(signal.reason);
      if (signal.aborted) stop();
      else signal.addEventListener('abort', stop, { once: true });
    });
    stopped.catch(() => {});
    const checks = provider.diagnose({ name, timeout: context.timeout, signal });
    return [...(await Promise.race([checks, stopped]))];
  } catch (error) {
    context.signal.throwIfAborted();
    const seen = signal.aborted
      ? `the provider's checks did not finish within ${limitMs} ms (is it still loading?)`
      : `the provider's checks failed: ${String((error as Error)?.message ?? error)}`;
    return [check('provider-checks', 'fail', seen, { provider: name })];
  }
}

/** The origins of the identity providers: those of the providers' token endpoints. */
function identityProviderOrigins(callout: Callout): Set<string> {
  const origins = callout.providers
    .names()
    .flatMap((name) => callout.providers.get(name)?.tokenEndpoints ?? [])
    .map((endpoint) => URL.parse(endpoint, globalThis.location?.href)?.origin)
    .filter((origin): origin is string => !!origin && origin !== 'null');
  return new Set(origins);
}

/**
 * Runs every check of `callout.diagnose()` — the credentials' and the providers' concurrently —
 * and resolves with the frozen report, page checks first, then each credential's, then each
 * provider's. Never sends a write and never reads a token into the report; rejects only with the
 * signal's reason.
 */
export async function runDiagnosis(
  callout: Callout,
  environment: DiagnosisEnvironment,
  options: DiagnoseOptions = {},
): Promise<Diagnosis> {
  const signal = options.signal ?? new AbortController().signal;
  signal.throwIfAborted();
  const context: ProbeContext = { timeout: options.timeout ?? 5000, signal };
  const lws = environment.insideLws();
  const credentials = callout.credentials.list();
  const [perCredential, perProvider, cookies] = await Promise.all([
    Promise.all(credentials.map((c) => credentialChecks(callout, c, context, options.acquire === true))),
    Promise.all(callout.providers.names().map((name) => providerChecks(callout, name, context))),
    thirdPartyCookiesCheck(lws),
  ]);
  await nextTask(); // CSP violations caused by the probes are reported as events: let them arrive.
  signal.throwIfAborted();
  const needed = {
    apis: new Set(credentials.map((c) => c.base.origin)),
    identityProviders: identityProviderOrigins(callout),
  };
  const checks: DiagnosisCheck[] = [
    versionsCheck(environment.version),
    lwsCheck(lws),
    cspCheck(needed, environment.violations(), onSalesforce(lws)),
    cookies,
    clockCheck(perCredential.flatMap((c) => c.clocks)),
    ...perCredential.flatMap((c) => c.checks),
    ...perProvider.flat(),
  ];
  const worst = checks.reduce<DiagnosisStatus>((w, c) => (rank[c.status] > rank[w] ? c.status : w), 'ok');
  return Object.freeze({
    at: new Date(),
    page: globalThis.location.origin + globalThis.location.pathname,
    status: worst === 'skip' ? 'ok' : worst,
    checks: Object.freeze(checks),
  });
}
