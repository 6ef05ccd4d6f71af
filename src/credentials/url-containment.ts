/**
 * URL containment: whether a URL lies inside a credential's base URL, and whether a path hides a
 * dot segment a server could read as `.` or `..`. (About URL paths only: OAuth scopes are checked
 * in `define-credential.ts`.)
 */
const maxDecodeRounds = 4;

/** Full stops that IDNA-style mappings read as `.` and NFKC does not (`。`, `｡`). */
const ideographicStops = /[\u3002\uff61]/g;
/** Where a server may end a segment's name: a `;` path parameter, NUL, or a decoded `?` / `#`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what it finds.
const nameEnd = /[;\u0000?#]/;
/** What servers trim or ignore in a name: whitespace, controls, soft hyphen, zero-width characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const ignorable = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2060\ufeff]/g;

/**
 * Whether a URL path, as a server might read it after one or more rounds of percent-decoding,
 * contains a segment that means "this directory" or "the parent": used to refuse paths that look
 * inside a base URL to the browser but could escape it on the server. A segment counts when its
 * name — cut at a `;` path parameter (Tomcat, Jetty and Spring read `..;x` as `..`), NUL or a
 * decoded `?`/`#`, with whitespace and invisible characters removed, after NFKC normalisation
 * (fullwidth `．`, `‥`, `﹒`) and with ideographic full stops read as `.` — is made of dots only.
 * Segments are split on `/` and `\`, and on their fullwidth forms. Decoding is lenient the way
 * some servers are: overlong UTF-8 (`%c0%ae`) and IIS `%u002e` escapes count.
 */
export function hasHiddenDotSegment(path: string): boolean {
  let current = path;
  for (let round = 0; round <= maxDecodeRounds; round++) {
    if (hasDotSegment(current)) return true;
    const decoded = decodeLeniently(current);
    if (decoded === current) return false;
    current = decoded;
  }
  return true; // Encoded more deeply than any sane API uses: refuse.
}

function hasDotSegment(path: string): boolean {
  const normalised = path.normalize('NFKC').replace(ideographicStops, '.');
  for (const segment of normalised.split(/[\\/]/)) {
    const name = segment.split(nameEnd, 1)[0]!.replace(ignorable, '');
    if (name !== '' && /^\.+$/.test(name)) return true;
  }
  return false;
}

/** One round of percent-decoding that accepts what lenient servers accept; never throws. */
function decodeLeniently(text: string): string {
  return text
    .replace(/%u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/(?:%[0-9a-f]{2})+/gi, (run) =>
      decodeUtf8Leniently(
        run
          .slice(1)
          .split('%')
          .map((hex) => Number.parseInt(hex, 16)),
      ),
    );
}

/** UTF-8 that also accepts overlong forms (`C0 AE` is `.`); other invalid bytes read as Latin-1. */
function decodeUtf8Leniently(bytes: number[]): string {
  let text = '';
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead >= 0xf0 && lead <= 0xf7 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    let code = lead & (0xff >> (length + 1));
    let valid = length > 1 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) {
      const next = bytes[i + k]!;
      valid = (next & 0xc0) === 0x80;
      code = (code << 6) | (next & 0x3f);
    }
    if (valid && code <= 0x10ffff) {
      text += String.fromCodePoint(code);
      i += length;
    } else {
      text += String.fromCharCode(lead);
      i += 1;
    }
  }
  return text;
}

/**
 * Whether `url` lies inside `base`: same origin, no user info, and a path equal to the base path
 * below it, with no dot segment hidden behind percent-encoding, path parameters or look-alike
 * characters (see {@link hasHiddenDotSegment}). `base` is a normalised base URL (see
 * `normalizeBaseUrl`), so its path ends in `/`: `/v1` and `/v10/x` are not inside `/v1/`.
 */
export function isInside(url: URL, base: URL): boolean {
  return isBelow(url, base) && !hasHiddenDotSegment(url.pathname);
}

/**
 * The cheap half of {@link isInside}: same origin, no user info, and a path below the base path.
 * For choosing among several bases — the dot-segment check depends on `url` alone, so it runs
 * once on the choice instead of once per base.
 */
export function isBelow(url: URL, base: URL): boolean {
  if (url.origin !== base.origin || url.username !== '' || url.password !== '') return false;
  return url.pathname.startsWith(base.pathname);
}
