/** One Content-Security-Policy violation the page saw, as `diagnose()` reads it. Plain strings. */
export interface SeenViolation {
  /** The directive that blocked (`connect-src`, `frame-src` …). */
  readonly directive: string;
  /** What was blocked: origin and path only (no query or fragment), or a keyword such as `inline`. */
  readonly blocked: string;
  /** `enforce`, or `report` for a report-only policy (nothing was blocked). */
  readonly disposition: string;
}

/** The page's record, shared by every copy of the package (one listener per page); `null`: none possible. */
const cspSlot = Symbol.for('sso-callout/csp');
type Slot = { [cspSlot]?: SeenViolation[] | null };

/**
 * Starts recording the page's `securitypolicyviolation` events, once per page (every client
 * calls it when it is created, so the record starts with the first one). At most 50 are kept.
 * Only the directive, the blocked URL's origin and path and the disposition are kept: a blocked
 * URL's query or fragment may hold an authorization code. Outside a window it does nothing;
 * where the listener is refused (Lightning Web Security refuses it), the record says so.
 */
export function watchCsp(): void {
  const page = globalThis as Slot;
  if (page[cspSlot] !== undefined || typeof document === 'undefined') return;
  const seen: SeenViolation[] = [];
  page[cspSlot] = seen;
  try {
    document.addEventListener('securitypolicyviolation', (event) => {
      const url = URL.parse(event.blockedURI);
      if (seen.length < 50)
        seen.push({
          directive: event.effectiveDirective,
          blocked: url ? url.origin + url.pathname : event.blockedURI,
          disposition: event.disposition,
        });
    });
  } catch {
    page[cspSlot] = null;
  }
}

/**
 * The violations recorded since the first client was created (see {@link watchCsp}), oldest
 * first; `undefined` when the page does not let sso-callout listen for them.
 */
export function seenViolations(): readonly SeenViolation[] | undefined {
  const seen = (globalThis as Slot)[cspSlot];
  return seen === null ? undefined : [...(seen ?? [])];
}
