/**
 * The link to the sign-in page of the Salesforce static resource (see `sign-in-listener.ts` for
 * the flow), and the checks of what that link may carry. Kept apart from the listener so that
 * `signInUrl()` can answer synchronously from the provider's own chunk, before the on-demand LWS
 * adaptations (`adaptations.ts`) have loaded.
 *
 * The link carries **no identity-provider setting**: client id, authority, metadata and scopes
 * are fixed when the static resource is built (`sign-in-config.ts`). It carries at most
 * the user's login hint and the components' namespace, both validated here and by the page.
 */

/** What the sign-in page's link carries. */
export interface SignInPageParams {
  /** URL of the static resource's `sign-in.html`. */
  page: string;
  /** The LWS namespace of the components (`c` unless in a managed package). */
  namespace: string;
  /** The user's UPN or email; left out of the link unless {@link isLoginHint} accepts it. */
  loginHint?: string;
}

/** The longest login hint accepted (a UPN is at most 113 characters; an email at most 254). */
const maxLoginHint = 254;

/**
 * Whether `value` is acceptable as a login hint in the sign-in link: an email/UPN shape
 * (`local@domain.tld`, the local part in RFC 5322's unquoted characters), at most 254
 * characters: no spaces, controls, double quotes, angle brackets, backslashes or non-ASCII.
 */
export function isLoginHint(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= maxLoginHint &&
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/.test(value)
  );
}

/**
 * Whether `value` is a Salesforce namespace prefix: a letter, then up to 14 letters, digits or
 * single underscores, not ending with one (`c` for an org's own components).
 */
export function isLwsNamespace(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,14}$/.test(value) && !/__|_$/.test(value);
}

/** The sign-in page URL: `ns` and, when valid, `login_hint` in the query string; nothing else. */
export function signInPageUrl(params: SignInPageParams): string {
  const url = new URL(params.page, globalThis.location?.href);
  url.search = '';
  url.hash = '';
  url.searchParams.set('ns', params.namespace);
  if (isLoginHint(params.loginHint)) url.searchParams.set('login_hint', params.loginHint);
  return url.href;
}
