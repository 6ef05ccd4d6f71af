/** What `adaptations.ts` exports: the LWS adaptations the MSAL provider loads on demand. */
export type MsalLws = typeof import('./adaptations.js');

let loading: Promise<MsalLws> | undefined;

/**
 * Loads the LWS adaptations of the MSAL provider (`adaptations.ts`) with a dynamic `import()`, once
 * per page however many providers ask: bundlers that split code put them in a chunk of their own,
 * which only pages running inside Lightning Web Security (or forcing `lws: true`) download. A
 * failed load is forgotten, so the next call tries again.
 */
export function loadMsalLws(): Promise<MsalLws> {
  loading ??= import('./adaptations.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
