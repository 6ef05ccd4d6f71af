/**
 * The bundles whose size we report: ours (with the targets) and the alternatives users would pick
 * instead. Every entry is bundled the same way (see ./bundle.mjs): esbuild, minified, ESM,
 * es2022, browser conditions, production; then gzip level 9.
 *
 * An entry is either a file (`entry`) or a few lines of source (`contents`, resolved from the
 * repository root). `external` lists packages left out of the bundle (the page loads them once,
 * shared). `coreExternal` also leaves out our own core files, to count only the adapter's code.
 *
 * Bundles are split the way an app's bundler splits them (see ./bundle.mjs): `count: 'initial'`
 * (the default) counts what the page loads up front; `count: 'page'` adds the lazy chunks a page
 * loads later, except those whose module matches `notLoaded`.
 */

/** @typedef {{ id: string, label: string, entry?: string, contents?: string, external?: string[], coreExternal?: boolean, target?: number, package?: string, count?: 'initial' | 'page', loads?: RegExp, notLoaded?: RegExp }} SizeEntry */

const lit = ['lit', 'lit/*', '@lit/*'];
const ky = ['ky'];
const msal = ['@azure/msal-browser', '@azure/msal-browser/*'];

/** The MSAL adapter, which `<callout-msal>` loads when it connects. */
const msalAdapter = /src\/msal\.ts$/;

/**
 * @type {SizeEntry[]} Our entries; `target` is the size goal in bytes (min+gzip). What CI
 * enforces is the limit in .size-limit.json (see bench/README.md).
 */
export const ours = [
  {
    id: 'core',
    label: 'sso-callout core (w/o ky)',
    entry: 'src/index.ts',
    external: [...ky, ...msal],
    target: 8_000,
  },
  {
    id: 'msal-adapter',
    label: 'sso-callout/msal adapter (w/o MSAL, w/o core)',
    entry: 'src/msal.ts',
    external: [...ky, ...msal],
    coreExternal: true,
    target: 3_000,
  },
  {
    id: 'nested-app-auth',
    label:
      'sso-callout/nested-app-auth (w/o MSAL, w/o core; MSAL itself grows by its nestable client, about 3.8 kB)',
    entry: 'src/nested-app-auth.ts',
    external: [...ky, ...msal],
    coreExternal: true,
    target: 1_500,
  },
  {
    id: 'oidc-adapter',
    label: 'sso-callout/oidc adapter (w/o oidc-client-ts, w/o core)',
    entry: 'src/oidc.ts',
    external: [...ky, ...msal, 'oidc-client-ts'],
    coreExternal: true,
    target: 3_000,
  },
  {
    id: 'exchange',
    label: 'sso-callout/exchange (w/o core)',
    entry: 'src/exchange.ts',
    external: [...ky, ...msal],
    coreExternal: true,
    target: 2_000,
  },
  {
    id: 'define',
    label:
      'sso-callout/define, page with <callout-msal>, <callout-credential>, <callout-get> (w/o lit, ky, MSAL)',
    entry: 'components/define.ts',
    external: [...lit, ...ky, ...msal],
    target: 16_000,
  },
  {
    id: 'define-all',
    label: 'sso-callout/define-all: core + every element, registered at once (w/o lit, ky, MSAL)',
    entry: 'components/define-all.ts',
    external: [...lit, ...ky, ...msal],
  },
  {
    id: 'everything',
    label: 'everything that page loads (define + MSAL adapter + ky + lit + MSAL)',
    entry: 'components/define.ts',
    external: [],
    // The lazy chunks this page loads: the MSAL adapter and MSAL (not <callout-login>,
    // <callout-log>, the OpenID Connect provider or the Lightning Web Security code).
    loads: msalAdapter,
    target: 110_000,
  },
];

/** @type {SizeEntry[]} What users would pick instead (whole public API of each package). */
export const others = [
  { id: 'ky', label: 'ky', contents: "export * from 'ky';", package: 'ky' },
  { id: 'lit', label: 'lit', contents: "export * from 'lit';", package: 'lit' },
  {
    id: 'msal-browser',
    label: '@azure/msal-browser',
    contents: "export * from '@azure/msal-browser';",
    package: '@azure/msal-browser',
  },
  {
    id: 'auth0',
    label: '@auth0/auth0-spa-js',
    contents: "export * from '@auth0/auth0-spa-js';",
    package: '@auth0/auth0-spa-js',
  },
  {
    id: 'oidc-client-ts',
    label: 'oidc-client-ts',
    contents: "export * from 'oidc-client-ts';",
    package: 'oidc-client-ts',
  },
  {
    id: 'okta',
    label: '@okta/okta-auth-js',
    contents: "export * from '@okta/okta-auth-js';",
    package: '@okta/okta-auth-js',
  },
  {
    id: 'axios-auth-refresh',
    label: 'axios + axios-auth-refresh',
    contents:
      "export { default as axios } from 'axios';\nexport { default as createAuthRefreshInterceptor } from 'axios-auth-refresh';",
    package: 'axios',
  },
  {
    id: 'mgt',
    label: 'MGT: mgt-element + mgt-msal2-provider + mgt-get + mgt-login (w/o lit, MSAL)',
    contents: mgtContents(),
    external: [...lit, ...msal],
    package: '@microsoft/mgt-element',
  },
  {
    id: 'mgt-everything',
    label: 'MGT: the same four pieces with lit and MSAL',
    contents: mgtContents(),
    external: [],
    package: '@microsoft/mgt-element',
  },
];

/** The four MGT pieces a page needs for the equivalent of our provider, login and get elements. */
function mgtContents() {
  return [
    "export { Providers } from '@microsoft/mgt-element';",
    "export { Msal2Provider } from '@microsoft/mgt-msal2-provider';",
    "export { registerMgtGetComponent, registerMgtLoginComponent } from '@microsoft/mgt-components';",
  ].join('\n');
}
