/**
 * What a page can learn about third-party cookies. It cannot read the identity provider frame's
 * cookies (`document.hasStorageAccess()` answers for the document that calls it, and that frame is
 * the provider's), and the provider's answer is the same whether its cookie was missing or never
 * set. What the browser does tell the page: cookies switched off altogether, and — when the page
 * is itself framed by another site — whether it has its unpartitioned cookies (the provider's
 * frame, nested inside, fares no better). Shared by `diagnose()` and the MSAL provider's reading
 * of a failed silent sign-in; a module of the lazy chunks only.
 */

/** The browser's own answers. */
export interface CookieSignals {
  /** `navigator.cookieEnabled`: `false` when the user switched cookies off. */
  cookieEnabled: boolean;
  /** Whether the page runs in a frame. */
  framed: boolean;
  /** `document.hasStorageAccess()` of a framed page; `undefined` when not framed or not answered. */
  storageAccess: boolean | undefined;
}

/**
 * Whether the page runs in a frame: `location.ancestorOrigins` where the browser has it, else the
 * comparison of `top` and `self`. Inside Lightning Web Security (`lws`) neither tells — the
 * sandbox's realm is a frame of its own, and its window proxies make `top !== self` — and
 * Lightning pages are top-level: `false`.
 */
function framed(lws: boolean): boolean {
  if (lws) return false;
  const ancestors = globalThis.location.ancestorOrigins;
  if (ancestors) return ancestors.length > 0;
  try {
    return window.top !== window.self;
  } catch {
    return true; // A cross-origin top that cannot even be compared.
  }
}

/** Reads the signals (`hasStorageAccess` only for a framed page, where it means something). */
export async function cookieSignals(lws: boolean): Promise<CookieSignals> {
  const inFrame = framed(lws);
  let storageAccess: boolean | undefined;
  if (inFrame) {
    try {
      storageAccess = await document.hasStorageAccess?.();
    } catch {
      storageAccess = undefined;
    }
  }
  return { cookieEnabled: navigator.cookieEnabled !== false, framed: inFrame, storageAccess };
}

/** Why the signals prove that the identity provider's frame gets no cookies, or `undefined`. */
export function blockedBecause(signals: CookieSignals): string | undefined {
  if (!signals.cookieEnabled) return 'cookies are switched off in this browser';
  if (signals.framed && signals.storageAccess === false)
    return 'this page is framed by another site and the browser denies it third-party cookies (hasStorageAccess: false)';
  return undefined;
}
