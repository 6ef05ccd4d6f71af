const maxDecodeRounds = 4;

/**
 * Whether a URL path, as a server might read it after one or more rounds of percent-decoding,
 * contains a `..` segment (split on `/` or `\`). Used to refuse paths that look inside a base URL
 * to the browser but could escape it on a server that decodes `%2f`, `%5c` or double encodings.
 */
export function hasHiddenDotSegment(path: string): boolean {
  let current = path;
  for (let round = 0; round <= maxDecodeRounds; round++) {
    if (current.split(/[\\/]/).some((segment) => segment === '..' || segment === '.')) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      // Malformed escapes: decode what can be decoded so `%2e%2e%zz` is still checked.
      decoded = current.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
    if (decoded === current) return false;
    current = decoded;
  }
  return true; // Encoded more deeply than any sane API uses: refuse.
}

/**
 * Whether `url` lies inside `base`: same origin, no user info, and a path equal to the base path
 * below it, with no dot segment hidden behind percent-encoding. `base` is a normalised base
 * URL (see `normalizeBaseUrl`), so its path ends in `/`: `/v1` and `/v10/x` are not inside `/v1/`.
 */
export function isInside(url: URL, base: URL): boolean {
  if (url.origin !== base.origin || url.username !== '' || url.password !== '') return false;
  return url.pathname.startsWith(base.pathname) && !hasHiddenDotSegment(url.pathname);
}
