/**
 * A Vite plugin for apps (and the demo) that put `callout-*` elements in their HTML and register
 * them with `sso-callout/define`. Two things that page needs load on demand, found only when its
 * script runs: MSAL (`sso-callout/msal` and `@azure/msal-browser`), which `<callout-msal>` loads
 * when it connects, and the modules of the elements `sso-callout/define` registers when first
 * used (`<callout-login>`, `<callout-log>`). On a cold load each would be requested one round trip
 * after the page's script — MSAL's on the path to the first token. This plugin reads each built
 * page's HTML at build time and adds `<link rel="modulepreload">` for the lazy chunk of every
 * `callout-*` element the page contains, with the chunks it imports, and for `<callout-msal>` and
 * `<callout-oidc>` their provider's adapter, so they download with the page's own script. Elements added later still load
 * on demand.
 *
 * An element's chunk is the lazy chunk whose entry module is that element's module: from the
 * sources `components/<tag>/<tag>.ts`, from the package `dist/<tag>-<hash>.js`; an adapter's is
 * `src/msal.ts` or `dist/msal.js` (`oidc` likewise). Pages with no `callout-*` element, and elements already in
 * the page's first scripts, get nothing.
 *
 * @example
 * ```js
 * // vite.config.js
 * import { preloadUsedElements } from './build/preload-used-elements.mjs';
 * export default { plugins: [preloadUsedElements()] };
 * ```
 */

/**
 * The lazy adapter each provider element loads when it connects: `src/<name>.ts` in the sources,
 * `dist/<name>.js` in the package (MSAL's for `<callout-msal>`, oidc-client-ts's for `<callout-oidc>`).
 */
const adapters = {
  'callout-msal': /[\\/](?:src[\\/]msal\.ts|sso-callout[\\/]dist[\\/]msal\.js)$/,
  'callout-oidc': /[\\/](?:src[\\/]oidc\.ts|sso-callout[\\/]dist[\\/]oidc\.js)$/,
};

/** @typedef {import('vite').Rolldown.OutputBundle} Bundle */
/** @typedef {import('vite').Rolldown.OutputChunk} Chunk */

/**
 * @param {string} tag such as `callout-get`
 * @returns {RegExp} what the entry module of that element's chunk is called
 */
const elementModule = (tag) => new RegExp(`[\\\\/](?:${tag}[\\\\/]${tag}\\.[jt]s|${tag}-[\\w-]+\\.js)$`);

/**
 * @param {Bundle} bundle
 * @returns {Chunk[]}
 */
const chunksOf = (bundle) =>
  Object.values(bundle).filter(/** @returns {file is Chunk} */ (file) => file.type === 'chunk');

/**
 * The chunks to preload for the `tags` a page uses: each element's lazy chunk, the MSAL adapter
 * `<callout-msal>` loads, and every chunk those import statically (the page's own static chunks
 * among them are filtered out later, by the HTML's own tags).
 * @param {Bundle} bundle
 * @param {Set<string>} tags
 * @returns {string[]} file names
 */
export function chunksForTags(bundle, tags) {
  const chunks = chunksOf(bundle);
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  /** @type {Set<string>} */
  const wanted = new Set();
  const add = (/** @type {string} */ fileName) => {
    if (wanted.has(fileName)) return;
    wanted.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) add(imported);
  };
  const lazy = chunks.filter((chunk) => chunk.isDynamicEntry);
  for (const tag of tags) {
    // The element's own chunk (when it loads on demand) and, for a provider element, its adapter.
    const patterns = [elementModule(tag), adapters[/** @type {keyof typeof adapters} */ (tag)]];
    for (const chunk of lazy) {
      if (patterns.some((pattern) => pattern?.test(chunk.facadeModuleId ?? ''))) add(chunk.fileName);
    }
  }
  return [...wanted];
}

/**
 * @param {{ pages?: string[] }} [options] HTML files (relative to the build root) to add the
 *   hints to; default every page of the build
 * @returns {import('vite').Plugin}
 */
export function preloadUsedElements({ pages } = {}) {
  let base = '/';
  return {
    name: 'sso-callout:preload-used-elements',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle || (pages && !pages.some((page) => context.path.endsWith(`/${page}`))))
          return html;
        const tags = new Set(
          [...html.matchAll(/<(callout-[a-z][a-z0-9-]*)[\s>/]/g)].map((match) => match[1] ?? ''),
        );
        // What the page loads already: its module scripts and Vite's own preloads.
        const present = new Set(
          [
            ...html.matchAll(
              /<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="([^"]+)"/g,
            ),
          ].map((match) => match[1]),
        );
        return chunksForTags(context.bundle, tags)
          .map((fileName) => `${base}${fileName}`)
          .filter((href) => !present.has(href))
          .map((href) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href },
            injectTo: /** @type {const} */ ('head'),
          }));
      },
    },
  };
}
