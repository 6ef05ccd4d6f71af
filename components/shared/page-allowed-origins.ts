import { parseAllowedOrigins } from '../../src/credentials/allowed-origins.js';

/** The `<meta name>` a page puts in its `<head>` to list the origins markup may point credentials at. */
export const allowedOriginsMetaName = 'sso-callout-allowed-origins';

/** What the page declared, once it has declared something: later markup cannot change it. */
let declared: readonly string[] | undefined;
const reported = new Set<string>();

/**
 * The origins the page allows markup-declared credentials (`<callout-credential>`) to point at,
 * or `undefined` when the page declares none.
 *
 * The list is the `content` of the first `<meta name="sso-callout-allowed-origins">` inside
 * `document.head` — origins separated by spaces or commas, such as
 * `content="https://api.contoso.com https://graph.microsoft.com"`. Only `<head>` counts: markup
 * injected into the page's body (a CMS or rich-text region) lands in `<body>`, so it can neither
 * declare nor widen the list, the way browsers honour a CSP `<meta>` only in `<head>`. It is read
 * when a `<callout-credential>` first defines a credential after the meta exists, and from then on
 * fixed for the life of the page (a later or changed meta is ignored). Entries that are not
 * origins are ignored, with one `console.error` each; they never widen the list.
 */
export function pageAllowedOrigins(): readonly string[] | undefined {
  if (declared) return declared;
  const meta = globalThis.document?.head?.querySelector<HTMLMetaElement>(
    `meta[name="${allowedOriginsMetaName}"]`,
  );
  if (!meta) return undefined;
  const entries = meta.content.split(/[\s,]+/).filter((entry) => entry !== '');
  const origins: string[] = [];
  for (const entry of entries) {
    try {
      // The core's rule and its sentence (an entry that is not an origin throws).
      origins.push(...parseAllowedOrigins([entry], `<meta name="${allowedOriginsMetaName}">`));
    } catch (error) {
      if (reported.has(entry)) continue;
      reported.add(entry);
      console.error(`${error instanceof Error ? error.message : String(error)}; the entry is ignored.`);
    }
  }
  declared = Object.freeze(origins);
  return declared;
}
