/**
 * The exchange provider's own checks for `callout.diagnose()`, loaded with a dynamic `import()`
 * the first time they run: the CORS answer of its token endpoint (and of its refresh endpoint,
 * when that is another URL), probed with an empty POST — never a grant, a subject token or a
 * refresh token.
 */
import { tokenEndpointCheck } from '../diagnostics/diagnose/token-endpoint.js';
import type { DiagnosisCheck, ProviderDiagnosisContext } from '../diagnostics/diagnosis.js';
import type { ExchangeProviderOptions } from './options.js';

/** The content type of the provider's token requests: form for standard grants, the custom grant's `body` (default JSON). */
function contentTypeOf(options: ExchangeProviderOptions): string {
  const custom = typeof options.grant === 'object' ? options.grant : undefined;
  return custom && (custom.body ?? 'json') === 'json'
    ? 'application/json'
    : 'application/x-www-form-urlencoded';
}

/** Every check of an exchange provider with `options`. */
export async function diagnoseExchange(
  options: ExchangeProviderOptions,
  context: ProviderDiagnosisContext,
): Promise<DiagnosisCheck[]> {
  const shared = {
    contentType: contentTypeOf(options),
    ...(options.headers ? { headers: options.headers } : {}),
  };
  const endpoints = [{ url: options.tokenEndpoint, option: 'tokenEndpoint' }];
  if (options.refreshEndpoint && options.refreshEndpoint !== options.tokenEndpoint) {
    endpoints.push({ url: options.refreshEndpoint, option: 'refreshEndpoint' });
  }
  return Promise.all(endpoints.map((endpoint) => tokenEndpointCheck({ ...endpoint, ...shared }, context)));
}
