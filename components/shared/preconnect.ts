/** Origins this copy has added a preconnect hint for. */
const hinted = new Set<string>();

/**
 * Adds `<link rel="preconnect" href="<origin>" crossorigin="anonymous">` to the page's `<head>`
 * for the origin of `url`, so the browser opens the connection (DNS, TCP, TLS) while the token is
 * still being acquired, instead of after it. Called when a credential has been defined (so only
 * for URLs the client accepted, its allowed origins included).
 *
 * At most one hint per origin: nothing is added for the page's own origin (its connection is
 * open already), or when the head already has a matching hint (the page's own, or another
 * copy's). `crossorigin="anonymous"` matches the callouts' CORS requests,
 * which carry no cookies, so the browser uses the opened connection for them. A hint carries no
 * data; where the page's DOM refuses it (a sandbox), nothing happens.
 */
export function preconnect(url: string): void {
  const head = globalThis.document?.head;
  if (!head || !URL.canParse(url)) return;
  const { origin } = new URL(url);
  if (origin === globalThis.location?.origin || hinted.has(origin)) return;
  hinted.add(origin);
  try {
    for (const link of head.querySelectorAll<HTMLLinkElement>('link[rel~="preconnect"]')) {
      if (link.crossOrigin === 'anonymous' && URL.canParse(link.href) && new URL(link.href).origin === origin)
        return;
    }
    const link = document.createElement('link');
    link.rel = 'preconnect';
    link.href = origin;
    link.crossOrigin = 'anonymous';
    head.append(link);
  } catch {
    // A hint is an optimisation: a DOM that refuses it changes nothing else.
  }
}
