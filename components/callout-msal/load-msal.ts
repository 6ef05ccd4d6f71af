/** What `sso-callout/msal` exports: the module `<callout-msal>` loads on demand. */
export type MsalModule = typeof import('../../src/msal.js');

let loading: Promise<MsalModule> | undefined;

/**
 * Loads `sso-callout/msal` (and with it `@azure/msal-browser`) with a dynamic `import()`, once per
 * page: bundlers put it in a chunk of its own, so a page whose `<callout-msal>` never connects
 * never downloads MSAL. A failed load is forgotten, so the next call tries again. When the page
 * imported MSAL up front (`components/callout-msal/define.ts`), this resolves to that module at
 * once, without a request.
 */
export function loadMsal(): Promise<MsalModule> {
  loading ??= import('../../src/msal.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Hands `loadMsal()` the module a page imported statically, so `<callout-msal>` uses it without
 * a dynamic `import()`. Called once, when the module that imports MSAL up front is evaluated.
 */
export function provideMsal(module: MsalModule): void {
  loading = Promise.resolve(module);
}
