/**
 * `sso-callout/angular`: {@link calloutInterceptor}, a functional `HttpInterceptor` that sends
 * `callout:` URLs (and URLs inside a registered credential) through the sso-callout client, so
 * an Angular app keeps `HttpClient`; and the `CALLOUT` token to choose the client. Angular and
 * rxjs are optional peer dependencies: nothing else in the package imports them.
 *
 * The elements themselves need `CUSTOM_ELEMENTS_SCHEMA` in the components that use them, and
 * `ngNonBindable` on a data template so Angular leaves its `{{ }}` placeholders to the element
 * (docs/frameworks.md).
 */
export { CALLOUT, calloutInterceptor } from './callout-interceptor.js';
