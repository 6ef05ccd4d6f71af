/** What `sso-callout/oidc` exports: the module `<callout-oidc>` loads on demand. */
export type OidcModule = typeof import('../../src/oidc.js');

let loading: Promise<OidcModule> | undefined;

/**
 * Loads `sso-callout/oidc` (and with it oidc-client-ts) with a dynamic `import()`, once per page:
 * bundlers put it in a chunk of its own, so a page whose `<callout-oidc>` never connects never
 * downloads oidc-client-ts. A failed load is forgotten, so the next call tries again.
 */
export function loadOidc(): Promise<OidcModule> {
  loading ??= import('../../src/oidc.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
