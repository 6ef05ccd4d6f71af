/** What `sso-callout/msal` exports: the module `<callout-msal>` loads on demand. */
export type MsalModule = typeof import('../../src/msal.js');

let loading: Promise<MsalModule> | undefined;

/**
 * Loads `sso-callout/msal` (and with it `@azure/msal-browser`) with a dynamic `import()`, once per
 * page: bundlers put it in a chunk of its own, so a page whose `<callout-msal>` never connects
 * never downloads MSAL. A failed load is forgotten, so the next call tries again.
 */
export function loadMsal(): Promise<MsalModule> {
  loading ??= import('../../src/msal.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
