import {
  type AuthProvider,
  type Callout,
  type InteractiveAuthProvider,
  isCalloutError,
} from '../../src/index.js';

/**
 * The link a provider wants the user to follow to sign in, or `undefined` when it signs in
 * through `signIn()` (a popup or redirect) instead.
 *
 * Inside Salesforce Lightning Web Security `window.open` returns `null`, so no popup can open:
 * `msalProvider` then exposes `signInUrl()` (the static resource's sign-in page, when
 * `signInPage` is configured), and elements render it as a real `<a target="_blank">` — the
 * user's click is the gesture that opens the page — instead of calling `signIn()` from a click
 * handler. The sign-in page hands the sign-in back to the provider, whose `account` event
 * resumes waiting callouts. Only `http:`/`https:` URLs are accepted, so a provider can never
 * make an element render a `javascript:` link.
 */
export function signInLinkOf(provider: AuthProvider | undefined): string | undefined {
  const candidate = provider as Partial<InteractiveAuthProvider> | undefined;
  if (typeof candidate?.signInUrl !== 'function') return undefined;
  const url = candidate.signInUrl();
  if (typeof url !== 'string') return undefined;
  const parsed = URL.parse(url, globalThis.location?.href);
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed.href : undefined;
}

/**
 * The provider whose `signIn()` (or sign-in link) can fix credential `name`'s "sign in to
 * continue" in `client`, and its name: the one `error` names in `signInProvider` (a provider that
 * builds on another fails for want of a sign-in with that other one), else the credential's own.
 * Undefined when neither is registered.
 */
export function signInProviderFor(
  client: Callout,
  name: string,
  error?: unknown,
): { name: string; provider: AuthProvider } | undefined {
  const named = isCalloutError(error) ? error.signInProvider : undefined;
  const providerName = named ?? (name ? client.credentials.get(name)?.provider : undefined);
  const provider = providerName ? client.providers.get(providerName) : undefined;
  return providerName && provider ? { name: providerName, provider } : undefined;
}
